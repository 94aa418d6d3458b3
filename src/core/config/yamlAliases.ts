/**
 * Bounded alias resolution for the walkers over parsed YAML (the config flattener, the compose
 * model). A file is untrusted input: eight aliases per level for six levels are half a kilobyte of
 * text and 262,144 leaves once expanded, and `a: &a {b: *a}` never ends. So, per document:
 * - every alias is resolved through an index built in one pass (yaml's own `Alias.resolve` walks
 *   the whole document for each alias, which makes a long list of aliases quadratic);
 * - an alias that refers to a node containing it is never expanded (Go's decoder refuses it too:
 *   "anchor 'a' value contains itself");
 * - each expansion is charged the size of what it expands, and past MAX_ALIAS_EXPANSION nodes no
 *   alias is expanded any more, like the `yaml` package's `maxAliasCount` for `toJS`;
 * - walkers stop at MAX_NESTING_DEPTH levels, written out or reached through aliases.
 * Past a bound the walk goes on without what the alias holds, and the first alias that hit it gets a
 * problem (`yaml-alias-limit`, `yaml-depth-limit`) in the document's problem list.
 */
import { isAlias, isCollection, isPair } from 'yaml';
import type { Alias, Document } from 'yaml';
import type { SourceProblem } from './yamlSource';

/** Nodes reached through aliases, per document: far above any real config, far below a bomb. */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Levels of mappings and lists a walker enters: Milvus configs and compose files use fewer than ten. */
export const MAX_NESTING_DEPTH = 100;

/** What resolving an alias gave: the node, or the reason it was not expanded. */
export type AliasResolution = { node: unknown } | { blocked: true };

interface AliasIndex {
  /** The anchored node each alias refers to (the last anchor of its name before it), or null. */
  targets: Map<Alias, unknown>;
  /** Aliases inside the node they refer to. */
  cyclic: Set<Alias>;
  /** Node count of each aliased subtree, aliases inside it counted as one. */
  sizes: Map<unknown, number>;
}

class AliasGuard {
  private index: AliasIndex | undefined;
  private spent = 0;
  private exhausted = false;
  private readonly reported = new Set<unknown>();
  private depthReported = false;
  /** Whether any alias was looked up: a walk that met none gave what the same text gives anywhere. */
  resolvedAny = false;

  constructor(
    private readonly document: Document,
    private readonly problems: SourceProblem[],
  ) {}

  resolve(alias: Alias): AliasResolution {
    this.resolvedAny = true;
    this.index ??= buildIndex(this.document);
    const target = this.index.targets.get(alias) ?? null;
    if (this.index.cyclic.has(alias)) {
      this.report(
        alias,
        'error',
        `alias *${alias.source} refers to the node that contains it, an endless loop: Go's YAML decoder stops with "anchor '${alias.source}' value contains itself", so Milvus and docker compose refuse the file. Point the alias at another anchor, or remove it.`,
      );
      return { blocked: true };
    }
    if (this.exhausted) return { blocked: true };
    this.spent += this.index.sizes.get(target) ?? 1;
    if (this.spent > MAX_ALIAS_EXPANSION) {
      this.exhausted = true;
      this.report(
        alias,
        'warning',
        `alias *${alias.source} is not expanded: the aliases of this file expand to more than ${MAX_ALIAS_EXPANSION} nodes (an alias bomb grows exponentially with each level). This alias and the ones after it are not checked; Go's YAML decoder also refuses excessive aliasing.`,
      );
      return { blocked: true };
    }
    return { node: target };
  }

  /** Called by a walker about to enter a node at `depth`: false past the bound (reported once). */
  allowsDepth(depth: number, node: unknown): boolean {
    if (depth <= MAX_NESTING_DEPTH) return true;
    if (!this.depthReported) {
      this.depthReported = true;
      this.report(
        node,
        'warning',
        `nesting deeper than ${MAX_NESTING_DEPTH} levels (written out, or through aliases) is not read further; no Milvus setting is that deep.`,
        'yaml-depth-limit',
      );
    }
    return false;
  }

  private report(node: unknown, severity: SourceProblem['severity'], message: string, code = 'yaml-alias-limit'): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const offset = range?.[0] ?? 0;
    this.problems.push({ message, offset, end: range?.[1] ?? offset, severity, code });
  }
}

const guards = new WeakMap<Document, AliasGuard>();

/** Makes `problems` the list that the bounds of this document report to (parseYamlWithRanges does it). */
export function guardDocument(document: Document, problems: SourceProblem[]): void {
  guards.set(document, new AliasGuard(document, problems));
}

function guardOf(document: Document): AliasGuard {
  let guard = guards.get(document);
  if (!guard) {
    // A document not parsed through parseYamlWithRanges: still bounded, problems unseen.
    guard = new AliasGuard(document, []);
    guards.set(document, guard);
  }
  return guard;
}

export function resolveAliasBounded(alias: Alias, document: Document): AliasResolution {
  return guardOf(document).resolve(alias);
}

/** Whether a walk of this document has met an alias (the bounds count per document). */
export function resolvedAnyAlias(document: Document): boolean {
  return guards.get(document)?.resolvedAny ?? false;
}

export function allowsDepth(document: Document, depth: number, node: unknown): boolean {
  return guardOf(document).allowsDepth(depth, node);
}

/**
 * One iterative pass in document order (keys before values), as yaml's own resolution orders
 * anchors: an alias refers to the last node with its anchor name met before it.
 */
function buildIndex(document: Document): AliasIndex {
  const index: AliasIndex = { targets: new Map(), cyclic: new Set(), sizes: new Map() };
  const lastAnchor = new Map<string, unknown>();
  const open = new Set<unknown>();
  const startCount = new Map<unknown, number>();
  let count = 0;
  const stack: { node: unknown; exit: boolean }[] = [{ node: document.contents, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as { node: unknown; exit: boolean };
    if (exit) {
      open.delete(node);
      const start = startCount.get(node);
      if (start !== undefined) index.sizes.set(node, count - start);
      continue;
    }
    if (node === null || node === undefined) continue;
    if (isPair(node)) {
      stack.push({ node: node.value, exit: false }, { node: node.key, exit: false });
      continue;
    }
    count++;
    if (isAlias(node)) {
      const target = lastAnchor.get(node.source) ?? null;
      index.targets.set(node, target);
      if (open.has(target)) index.cyclic.add(node);
      continue;
    }
    const anchor = (node as { anchor?: unknown }).anchor;
    if (typeof anchor === 'string') {
      lastAnchor.set(anchor, node);
      startCount.set(node, count - 1);
    }
    if (isCollection(node)) {
      open.add(node);
      stack.push({ node, exit: true });
      for (let item = node.items.length - 1; item >= 0; item--) stack.push({ node: node.items[item], exit: false });
    } else if (startCount.has(node)) {
      index.sizes.set(node, 1);
    }
  }
  return index;
}
