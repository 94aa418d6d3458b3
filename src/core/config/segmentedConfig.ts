/**
 * Reading a milvus.yaml again after an edit without parsing all of it again (the language server
 * does it on every keystroke). A config file is a mapping whose top-level keys start at column 0;
 * a keystroke changes the text of one of them. So the text is cut before each line that starts
 * with a key, each part is read alone, and a part whose exact text was read last time is taken
 * from then, its offsets moved to where it now stands.
 *
 * Reading in parts must give exactly what reading the whole gives, or diagnostics would differ
 * from the CLI's. It does when every part, read alone, is one mapping entry with a plain key, no
 * syntax problem and no alias (an alias may refer to another part, and the alias bounds count per
 * file), and no two parts have the same key (the last would shadow the first). Anything else (a
 * document marker, a directive, a key in quotes, a syntax error, a flow mapping over several
 * lines, an alias, a repeated top-level key) is read whole, as before. A part is found by its
 * exact text, so nothing read from it can be stale; and only the parts of the last reading are
 * kept. test/unit/config/segmentedConfig.test.ts compares both readings over the shipped files
 * and random edits.
 */
import { isMap } from 'yaml';
import type { Document } from 'yaml';
import { EntryRecorder } from './entryRecorder';
import type { ConfigBlock, ConfigEntry, DuplicateKey, MilvusConfigFile } from './milvusConfig';
import { Flattener, configSource, emptyConfig, parseMilvusConfig } from './milvusConfig';
import { goYamlScalarToString } from './goValues';
import { lineCounterOf, topLevelParts } from './topLevelParts';
import { resolvedAnyAlias } from './yamlAliases';
import type { OffsetRange } from './yamlSource';
import { isPlainScalar, parseYamlWithRanges, scalarText } from './yamlSource';

/** One top-level entry read alone: offsets from the start of its own text. */
interface Part {
  /** The top-level key as Go's map has it: two parts with one key cannot be read apart. */
  goKey: string;
  entries: ConfigEntry[];
  blocks: ConfigBlock[];
  duplicates: DuplicateKey[];
}

/** A part that does not read alone the way it reads in the file (see the top of this file). */
const WHOLE_ONLY = 'whole-only';

type PartReading = Part | typeof WHOLE_ONLY;

/** How the last text was read: whole, or in parts of which some were kept from the reading before. */
export type ReadingReport = { whole: true } | { whole: false; parts: number; reused: number };

/** Reads one file's successive texts; keeps the parts of the last one. One per file. */
export class SegmentedConfigReader {
  private parts = new Map<string, PartReading>();
  private readBefore = false;
  /** For tests and the bench: proof that a reading reused parts. */
  lastReading: ReadingReport = { whole: true };

  constructor(
    private readonly fileName: string | undefined,
    private readonly sourceName?: string,
  ) {}

  read(text: string): MilvusConfigFile {
    // A first reading is whole: read once (the CLI), parts would only cost more. Later ones reuse.
    const firstReading = !this.readBefore;
    this.readBefore = true;
    const found = firstReading ? undefined : topLevelParts(text);
    if (found === undefined || found.length < 2) {
      this.parts = new Map();
      return this.readWhole(text);
    }
    const previous = this.parts;
    this.parts = new Map();
    const readings: { part: Part; base: number }[] = [];
    let reused = 0;
    for (const { text: partText, base } of found) {
      let reading = this.parts.get(partText) ?? previous.get(partText);
      if (reading === undefined) reading = readPart(partText, this.fileName, this.source());
      else reused++;
      this.parts.set(partText, reading);
      if (reading === WHOLE_ONLY) return this.readWhole(text);
      readings.push({ part: reading, base });
    }
    const config = assemble(text, readings, this.fileName, this.source());
    if (!config) return this.readWhole(text);
    this.lastReading = { whole: false, parts: readings.length, reused };
    return config;
  }

  private readWhole(text: string): MilvusConfigFile {
    this.lastReading = { whole: true };
    return parseMilvusConfig(text, this.fileName, this.sourceName);
  }

  private source(): string {
    return configSource(this.fileName, this.sourceName);
  }
}

function readPart(text: string, fileName: string | undefined, source: string): PartReading {
  const { document, lineCounter, problems } = parseYamlWithRanges(text);
  const root = document.contents;
  if (problems.length > 0 || !isMap(root) || root.items.length !== 1) return WHOLE_ONLY;
  const key = root.items[0]?.key;
  if (!isPlainScalar(key)) return WHOLE_ONLY;
  const config = emptyConfig(fileName, source, problems, document, lineCounter);
  new Flattener(document, config, new EntryRecorder(config)).walkMap(root, [], '', false);
  if (problems.length > 0 || resolvedAnyAlias(document)) return WHOLE_ONLY;
  return {
    goKey: goYamlScalarToString(scalarText(key) ?? '', true),
    entries: config.allEntries,
    blocks: config.blocks,
    duplicates: config.duplicates,
  };
}

/** The file from its parts, or undefined when two parts have one key (read whole instead). */
function assemble(
  text: string,
  readings: readonly { part: Part; base: number }[],
  fileName: string | undefined,
  source: string,
): MilvusConfigFile | undefined {
  const keys = new Set(readings.map(({ part }) => part.goKey));
  if (keys.size !== readings.length) return undefined;
  let whole: Document.Parsed | undefined;
  const config: MilvusConfigFile = {
    fileName,
    source,
    entries: new Map(),
    allEntries: [],
    blocks: [],
    duplicates: [],
    problems: [],
    // Only edits need the syntax tree (diagnostics do not): parsed whole when first asked for.
    get document(): Document.Parsed {
      whole ??= parseYamlWithRanges(text).document;
      return whole;
    },
    lineCounter: lineCounterOf(text),
  };
  const recorder = new EntryRecorder(config);
  for (const { part, base } of readings) {
    for (const entry of part.entries) {
      recorder.record({ ...entry, keyRange: moved(entry.keyRange, base), valueRange: moved(entry.valueRange, base) });
    }
    for (const block of part.blocks) config.blocks.push(movedBlock(block, base));
    for (const duplicate of part.duplicates) {
      config.duplicates.push({ ...duplicate, keyRanges: duplicate.keyRanges.map((range) => moved(range, base)) });
    }
  }
  recorder.reportDuplicates(text);
  return config;
}

function moved(range: OffsetRange, base: number): OffsetRange {
  return { start: range.start + base, end: range.end + base };
}

function movedBlock(block: ConfigBlock, base: number): ConfigBlock {
  return {
    ...block,
    keyRange: moved(block.keyRange, base),
    range: moved(block.range, base),
    children: block.children.map((child) => ({ name: child.name, keyRange: moved(child.keyRange, base) })),
  };
}
