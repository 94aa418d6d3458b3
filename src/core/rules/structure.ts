/**
 * Keys Milvus never reads. Keys match by their full normalised path (config.go:98), so a `tls:`
 * nested under `common:` (as in the Milvus Operator samples) is `common.tls.*`, which nothing reads:
 * Milvus then uses the image's bundled test certificates. Also obsolete names and typos.
 */
import type { ConfigBlock } from '../config';
import { findBlocksNamed, knownChildKeys, normaliseKey, normaliseKeyPath, OBSOLETE_KEYS } from '../config';
import type { RuleContext } from './context';
import { didYouMean } from './didYouMean';
import type { RuleFinding } from './types';

/** Top-level blocks people nest by mistake, with a child that proves the block is meant as TLS. */
const TOP_LEVEL_BLOCKS: Record<string, readonly string[]> = {
  tls: ['serverPemPath', 'serverKeyPath', 'caPemPath'],
  internaltls: ['serverPemPath', 'serverKeyPath', 'caPemPath', 'sni'],
};

const CHECKED_BLOCKS = ['tls', 'internaltls', 'common.security'];

export function structureRules(ctx: RuleContext): RuleFinding[] {
  return [...misplacedBlocks(ctx), ...obsoleteKeys(ctx), ...unknownKeys(ctx)];
}

function misplacedBlocks(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const [name, children] of Object.entries(TOP_LEVEL_BLOCKS)) {
    const wanted = new Set(children.map((child) => normaliseKey(child)));
    for (const block of findBlocksNamed(ctx.config, name)) {
      if (block.path.length === 1 || block.shadowed) continue;
      if (!block.children.some((child) => wanted.has(normaliseKey(child.name)))) continue;
      const written = block.path.join('.');
      findings.push({
        code: 'misplaced-block',
        severity: 'warning',
        message: `"${written}" is never read: Milvus looks up ${name}.* only at the top level (it would read ${written}.serverPemPath as "${normaliseKeyPath(block.path)}serverpempath"), so it ${name === 'tls' ? "uses the image's bundled test certificates instead" : "falls back to the image's internaltls paths"}. Move "${block.path[block.path.length - 1] ?? name}:" to the top level.`,
        range: block.keyRange,
        data: { fix: 'move-block', from: block.path, to: [block.path[block.path.length - 1] ?? name] },
      });
    }
  }
  return findings;
}

function obsoleteKeys(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const obsolete of OBSOLETE_KEYS) {
    const entry = ctx.config.entries.get(normaliseKey(obsolete.key));
    if (!entry) continue;
    const replacement = obsolete.replacement.split('.').pop() ?? obsolete.replacement;
    const lowered = entry.value.trim().toLowerCase();
    const value = lowered === 'true' ? '1' : lowered === 'false' ? '0' : undefined;
    findings.push({
      code: 'obsolete-key',
      severity: 'warning',
      message: `${entry.path.join('.')} is ${obsolete.note}. Milvus ignores it${value === '1' ? ', so TLS stays off' : ''}: use ${obsolete.replacement}${value === undefined ? '' : `: ${value}`} instead.`,
      range: entry.keyRange,
      data:
        value === undefined ? { fix: 'rename-key', replacement } : { fix: 'rename-key', replacement, value, valueRange: entry.valueRange },
    });
  }
  return findings;
}

function unknownKeys(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const obsolete = new Set(OBSOLETE_KEYS.map((key) => normaliseKey(key.key)));
  for (const block of ctx.config.blocks) {
    const blockKey = checkedBlockName(block);
    if (blockKey === undefined) continue;
    const known = knownChildKeys(blockKey) ?? [];
    const knownNormalised = new Set(known.map((key) => normaliseKey(key)));
    for (const child of block.children) {
      const normalised = normaliseKey(child.name);
      if (knownNormalised.has(normalised) || obsolete.has(normaliseKey(`${blockKey}.${child.name}`))) continue;
      const suggestion = didYouMean(child.name, known);
      findings.push({
        code: 'unknown-key',
        severity: 'warning',
        message: `Milvus has no key ${blockKey}.${child.name}, so it ignores it${suggestion ? `: did you mean ${suggestion}?` : `. Known keys: ${known.join(', ')}.`}`,
        range: child.keyRange,
        ...(suggestion ? { data: { fix: 'rename-key' as const, replacement: suggestion } } : {}),
      });
    }
  }
  return findings;
}

const CHECKED_BY_KEY = new Map(CHECKED_BLOCKS.map((name) => [normaliseKey(name), name]));

/** `tls`, `internaltls` or `common.security` when the block is exactly that (not nested elsewhere). */
function checkedBlockName(block: ConfigBlock): string | undefined {
  // block.key is normaliseKeyPath(block.path), worked out once by the flattener.
  return block.shadowed ? undefined : CHECKED_BY_KEY.get(block.key);
}
