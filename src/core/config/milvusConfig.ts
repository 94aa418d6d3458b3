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
import { EntryRecorder } from './entryRecorder';
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
  const config = emptyConfig(fileName, configSource(fileName, sourceName), problems, document, lineCounter);
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
  const recorder = new EntryRecorder(config);
  if (isMap(root)) new Flattener(document, config, recorder).walkMap(root, [], '', false);
  recorder.reportDuplicates(text);
  return config;
}

/** The name of the file as Milvus sees it: `sourceName`, else the file's base name, else milvus.yaml. */
export function configSource(fileName: string | undefined, sourceName: string | undefined): string {
  return sourceName ?? (fileName === undefined ? 'milvus.yaml' : (fileName.replace(/\\/g, '/').split('/').pop() ?? fileName));
}

export function emptyConfig(
  fileName: string | undefined,
  source: string,
  problems: SourceProblem[],
  document: Document.Parsed,
  lineCounter: LineCounter,
): MilvusConfigFile {
  return { fileName, source, entries: new Map(), allEntries: [], blocks: [], duplicates: [], problems, document, lineCounter };
}

/** Walks a parsed file's mappings into flat entries and blocks, as flattenAndMergeMap does. */
export class Flattener {
  constructor(
    private readonly document: Document.Parsed,
    private readonly config: MilvusConfigFile,
    private readonly recorder: EntryRecorder,
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
    this.recorder.record(entry);
  }

  /** Simple lists join with commas; a list of mappings becomes JSON (flattenAndMergeMap). */
  private listValue(list: unknown, depth: number): string {
    const items = seqItems(list, this.document);
    if (items.length > 0 && isMap(items[0])) return JSON.stringify(plainValue(list, this.document, depth));
    return items.map((item) => (isScalar(item) ? goYamlScalarToString(scalarText(item) ?? '', isPlainScalar(item)) : '')).join(',');
  }
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
