/**
 * One Milvus config file (milvus.yaml, user.yaml, …) read as Milvus reads it, with offsets.
 *
 * Milvus flattens each file into `dotted.path → string` (pkg/config/config.go flattenAndMergeMap)
 * and looks keys up normalised (keyNormalisation.ts). What that means for a model:
 * - Go's yaml.v2 `Unmarshal` keeps the LAST of two equal keys in a mapping and drops the earlier
 *   one with everything under it: a second top-level `common:` replaces the first, it does not merge.
 * - Two different spellings of one normalised key (`tlsMode` and `TLSMode`, or `common:` →
 *   `security.tlsMode` next to `common.security:` → `tlsMode`) both reach the same flat key in Go
 *   map order, which is random: we keep the last in document order and mark it ambiguous.
 * - Lists become comma-joined strings (lists of mappings become JSON).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { goYamlScalarToString } from './goValues';
import { normaliseChildKey, normaliseKeyPath } from './keyNormalisation';
import type { MapEntry, OffsetRange, SourceProblem } from './yamlSource';
import { allowsDepth } from './yamlAliases';
import { isPlainScalar, mapEntries, parseYamlWithRanges, plainValue, rangeOfNode, rangeOrPoint, scalarText, seqItems } from './yamlSource';

export interface ConfigEntry {
  /** Normalised key, e.g. `commonsecuritytlsmode`. */
  key: string;
  /** Original YAML key segments, e.g. ['common', 'security', 'tlsMode']. */
  path: string[];
  /** The value as Milvus sees it (yaml.v2 + cast.ToString); '' for an empty value. */
  value: string;
  /** The scalar as written (plain source or decoded quoted text); undefined for lists. */
  rawText: string | undefined;
  isScalar: boolean;
  /** Written in quotes or as a block scalar (so `"1.0"` stays `1.0` while plain `1.0` becomes `1`). */
  quoted: boolean;
  keyRange: OffsetRange;
  /** The value; an empty range right after the key for `key:` with no value. */
  valueRange: OffsetRange;
  /** Which file: 'milvus.yaml', 'user.yaml', … (the file name's base name). */
  source: string;
  /** Dropped by Go because a later equal key in the same mapping replaced it (or an enclosing one). */
  shadowed: boolean;
  /** Another spelling of the same normalised key exists; Go picks one at random. */
  ambiguous: boolean;
  /** Came in through a `<<: *anchor` merge; its ranges point at the anchor's text. */
  merged: boolean;
}

/** A mapping in the file, so rules can find blocks such as `tls:` nested under `common:`. */
export interface ConfigBlock {
  path: string[];
  key: string;
  keyRange: OffsetRange;
  range: OffsetRange;
  children: { name: string; keyRange: OffsetRange }[];
  shadowed: boolean;
}

export interface DuplicateKey {
  /** `same-key`: equal keys in one mapping (the last wins); `equivalent-key`: spellings of one normalised key (random winner). */
  kind: 'same-key' | 'equivalent-key';
  key: string;
  /** The occurrences' key ranges in document order; the winner in our model is the last. */
  keyRanges: OffsetRange[];
  paths: string[][];
}

export interface MilvusConfigFile {
  fileName: string | undefined;
  source: string;
  /** Normalised key → the entry Milvus uses from this file (no shadowed entries). */
  entries: Map<string, ConfigEntry>;
  /** Every leaf in document order, shadowed and merged ones included. */
  allEntries: ConfigEntry[];
  blocks: ConfigBlock[];
  duplicates: DuplicateKey[];
  /** YAML syntax errors and warnings, and duplicate-key warnings, with offsets. */
  problems: SourceProblem[];
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** `source` names the file Milvus sees (`user.yaml` for one embedded in a values file); by default the file's base name. */
export function parseMilvusConfig(text: string, fileName?: string, sourceName?: string): MilvusConfigFile {
  const { document, lineCounter, problems } = parseYamlWithRanges(text);
  const source = sourceName ?? (fileName === undefined ? 'milvus.yaml' : (fileName.replace(/\\/g, '/').split('/').pop() ?? fileName));
  const config: MilvusConfigFile = {
    fileName,
    source,
    entries: new Map(),
    allEntries: [],
    blocks: [],
    duplicates: [],
    problems,
    document,
    lineCounter,
  };
  const root = document.contents;
  if (root !== null && !isMap(root)) {
    const range = rangeOrPoint(root, 0);
    problems.push({
      message: 'a Milvus config must be a mapping of keys',
      offset: range.start,
      end: range.end,
      severity: 'error',
      code: 'not-a-mapping',
    });
  }
  const walker = new Flattener(document, config);
  if (isMap(root)) walker.walkMap(root, [], '', false);
  walker.reportDuplicates(text);
  return config;
}

class Flattener {
  private readonly equivalents = new Map<string, ConfigEntry[]>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly config: MilvusConfigFile,
  ) {}

  /** `key` is normaliseKeyPath(path), carried down so each segment is normalised once (a keystroke's hot path). */
  walkMap(map: unknown, path: string[], key: string, shadowed: boolean, known?: { entries: MapEntry[]; keyRanges: OffsetRange[] }): void {
    const entries = known?.entries ?? mapEntries(map, this.document);
    const keyRanges = known?.keyRanges ?? entries.map((entry) => rangeOrPoint(entry.keyNode, 0));
    const goKeys = entries.map((entry) => goYamlScalarToString(entry.key, isPlainScalar(entry.keyNode)));
    const lastIndexByKey = new Map<string, number>();
    goKeys.forEach((key, index) => lastIndexByKey.set(key, index));
    entries.forEach((entry, index) => {
      const goKey = goKeys[index] ?? entry.key;
      const keyRange = keyRanges[index] ?? rangeOrPoint(entry.keyNode, 0);
      const isShadowed = shadowed || lastIndexByKey.get(goKey) !== index;
      const childPath = [...path, goKey];
      this.walkValue(entry.value, childPath, normaliseChildKey(key, childPath), keyRange, isShadowed, entry.merged, entry.valueNode);
    });
    // Equal keys exist only when some key's last index is not its only one: usually none.
    if (shadowed || lastIndexByKey.size === entries.length) return;
    const seen = new Map<string, number[]>();
    goKeys.forEach((goKey, index) => {
      const indexes = seen.get(goKey);
      if (indexes) indexes.push(index);
      else seen.set(goKey, [index]);
    });
    for (const [key, indexes] of seen) {
      if (indexes.length < 2) continue;
      this.config.duplicates.push({
        kind: 'same-key',
        key: normaliseKeyPath([...path, key]),
        keyRanges: indexes.map((index) => rangeOrPoint(entries[index]?.keyNode, 0)),
        paths: indexes.map(() => [...path, key]),
      });
    }
  }

  private walkValue(
    value: unknown,
    path: string[],
    key: string,
    keyRange: OffsetRange,
    shadowed: boolean,
    merged: boolean,
    valueNode: unknown,
  ): void {
    // Nesting (written out, or through aliases) is bounded: beyond it nothing Milvus reads is left.
    if ((isMap(value) || isSeq(value)) && !allowsDepth(this.document, path.length, valueNode)) return;
    if (isMap(value)) {
      const entries = mapEntries(value, this.document);
      // One range object per key, shared by the block's children and the entries below (none is changed in place).
      const keyRanges = entries.map((child) => rangeOrPoint(child.keyNode, 0));
      this.config.blocks.push({
        path,
        key,
        keyRange,
        range: rangeOrPoint(value, keyRange.end),
        children: entries.map((child, index) => ({ name: child.key, keyRange: keyRanges[index] ?? rangeOrPoint(child.keyNode, 0) })),
        shadowed,
      });
      this.walkMap(value, path, key, shadowed, { entries, keyRanges });
      return;
    }
    const valueRange = rangeOfNode(value) ?? { start: keyRange.end + 1, end: keyRange.end + 1 };
    const entry: ConfigEntry = {
      key,
      path,
      value: '',
      rawText: undefined,
      isScalar: true,
      quoted: false,
      keyRange,
      valueRange,
      source: this.config.source,
      shadowed,
      ambiguous: false,
      merged,
    };
    if (isSeq(value)) {
      entry.isScalar = false;
      entry.value = this.listValue(value, path.length);
    } else if (isScalar(value)) {
      entry.rawText = scalarText(value) ?? '';
      entry.quoted = !isPlainScalar(value);
      entry.value = goYamlScalarToString(entry.rawText, !entry.quoted);
    } else {
      // `key:` with nothing after it.
      entry.rawText = '';
    }
    this.record(entry);
  }

  /** Simple lists join with commas; a list of mappings becomes JSON (flattenAndMergeMap). */
  private listValue(list: unknown, depth: number): string {
    const items = seqItems(list, this.document);
    if (items.length > 0 && isMap(items[0])) return JSON.stringify(plainValue(list, this.document, depth));
    return items.map((item) => (isScalar(item) ? goYamlScalarToString(scalarText(item) ?? '', isPlainScalar(item)) : '')).join(',');
  }

  private record(entry: ConfigEntry): void {
    this.config.allEntries.push(entry);
    if (entry.shadowed) return;
    // A list per key only once a second spelling turns up: most keys have one.
    const previous = this.config.entries.get(entry.key);
    if (previous) {
      const sameKey = this.equivalents.get(entry.key);
      if (sameKey) sameKey.push(entry);
      else this.equivalents.set(entry.key, [previous, entry]);
    }
    this.config.entries.set(entry.key, entry);
  }

  reportDuplicates(text: string): void {
    // In the order the keys first appeared, as the diagnostics always came.
    const firstSeen = ([first]: ConfigEntry[]): number => (first ? this.config.allEntries.indexOf(first) : -1);
    const groups = [...this.equivalents].sort(([, a], [, b]) => firstSeen(a) - firstSeen(b));
    for (const [key, entries] of groups) {
      for (const entry of entries) entry.ambiguous = true;
      this.config.duplicates.push({
        kind: 'equivalent-key',
        key,
        keyRanges: entries.map((entry) => entry.keyRange),
        paths: entries.map((entry) => entry.path),
      });
    }
    for (const duplicate of this.config.duplicates) {
      const last = duplicate.keyRanges[duplicate.keyRanges.length - 1];
      const lastLine = last ? this.config.lineCounter.linePos(last.start).line : 0;
      duplicate.keyRanges.slice(0, -1).forEach((range, index) => {
        const written = text.slice(range.start, range.end);
        const message =
          duplicate.kind === 'same-key'
            ? `duplicate key "${written}": Milvus keeps only the last one (line ${lastLine}) and ignores this one${isBlockKey(this.config, duplicate.paths[index] ?? []) ? ' with everything under it' : ''}`
            : `"${(duplicate.paths[index] ?? []).join('.')}" and "${(duplicate.paths[duplicate.paths.length - 1] ?? []).join('.')}" (line ${lastLine}) are the same key to Milvus; which one wins is random`;
        this.config.problems.push({
          message,
          offset: range.start,
          end: range.end,
          severity: 'warning',
          code: duplicate.kind === 'same-key' ? 'duplicate-key' : 'equivalent-key',
        });
      });
    }
  }
}

function isBlockKey(config: MilvusConfigFile, path: readonly string[]): boolean {
  return config.blocks.some((block) => block.path.length === path.length && block.path.every((segment, index) => segment === path[index]));
}

/** The entry for a key in any spelling (`common.security.tlsMode`, `COMMON_SECURITY_TLSMODE`, …). */
export function getConfigEntry(config: MilvusConfigFile, key: string): ConfigEntry | undefined {
  return config.entries.get(normaliseKeyPath([key]));
}

/** Blocks whose last segment normalises to `name` (e.g. every `tls:` wherever it is nested). */
export function findBlocksNamed(config: MilvusConfigFile, name: string): ConfigBlock[] {
  const wanted = normaliseKeyPath([name]);
  return config.blocks.filter((block) => normaliseKeyPath([block.path[block.path.length - 1] ?? '']) === wanted);
}
