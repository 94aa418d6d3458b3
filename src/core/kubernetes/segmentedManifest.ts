/**
 * Reading a one-document Kubernetes file (the chart's values.yaml above all) again after an edit
 * without parsing all of it again, like segmentedConfig.ts does for milvus.yaml: the file is cut
 * into its top-level entries (config/topLevelParts.ts), each part is parsed alone, and a part whose
 * exact text was parsed last time is taken from then. The rules walk the syntax tree, so a part
 * that moved keeps its nodes only as a copy with the offsets moved: a tree once handed out is
 * never changed (an analysis of the previous text may still be reading it).
 *
 * A part is used only when, parsed alone, it is one mapping entry with a plain key, no syntax
 * problem, and no anchor or alias (an alias may refer to another part). A key given twice stays
 * twice, as in the whole tree (the rules say which one counts). Anything else (several documents,
 * a directive, a syntax error, …) is parsed whole, as before. test/unit/kubernetes/segmentedManifest.test.ts compares both readings over the shipped
 * chart files and random edits.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import type { Document, Range, YAMLMap } from 'yaml';
import type { SourceProblem } from '../config/yamlSource';
import { lineCounterOf, topLevelParts } from '../config/topLevelParts';
import type { ManifestFile } from './manifestFile';
import { manifestDocument, parseManifestFile } from './manifestFile';

/** One top-level entry parsed alone, its offsets those of the file where it stood at `base`. */
interface Part {
  document: Document.Parsed;
  map: YAMLMap.Parsed;
  base: number;
}

const WHOLE_ONLY = 'whole-only';

type PartReading = Part | typeof WHOLE_ONLY;

/** Reads one file's successive texts; keeps the parts of the last one. One per file. */
export class SegmentedManifestReader {
  private parts = new Map<string, PartReading>();
  private readBefore = false;
  /** For tests and the bench: how many parts the last reading took from the one before (undefined: whole). */
  lastReused: number | undefined;

  constructor(private readonly fileName: string | undefined) {}

  read(text: string): ManifestFile {
    // A first reading is whole: read once (the CLI), parts would only cost more. Later ones reuse.
    const firstReading = !this.readBefore;
    this.readBefore = true;
    const found = firstReading ? undefined : topLevelParts(text);
    const previous = this.parts;
    this.parts = new Map();
    if (found === undefined || found.length < 2) return this.readWhole(text);
    const parts: Part[] = [];
    let reused = 0;
    for (const { text: partText, base } of found) {
      const known = previous.get(partText);
      if (known !== undefined) reused++;
      const reading = known === undefined ? parsePart(partText, base) : known === WHOLE_ONLY ? known : movedTo(known, base);
      this.parts.set(partText, reading);
      if (reading === WHOLE_ONLY) return this.readWhole(text);
      parts.push(reading);
    }

    this.lastReused = reused;
    return assemble(text, parts, this.fileName);
  }

  private readWhole(text: string): ManifestFile {
    this.lastReused = undefined;
    return parseManifestFile(text, this.fileName);
  }
}

function parsePart(text: string, base: number): PartReading {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const map = document.contents;
  if (document.errors.length > 0 || document.warnings.length > 0 || !isMap(map) || map.items.length !== 1) return WHOLE_ONLY;
  const key = map.items[0]?.key;
  if (!isScalar(key) || key.type !== 'PLAIN' || hasAnchorOrAlias(map)) return WHOLE_ONLY;
  return movedTo({ document, map, base: 0 }, base);
}

/** The part at `base`: itself when it is there already, else a copy with every offset moved. */
function movedTo(part: Part, base: number): Part {
  if (part.base === base) return part;
  const document = part.document.clone();
  const map = document.contents;
  if (!isParsedMap(map)) throw new Error('a copy of a parsed mapping is a parsed mapping');
  const by = base - part.base;
  moveRanges(map, by);
  return { document: withRange(document, moved(part.document.range, by)), map, base };
}

function assemble(text: string, parts: readonly Part[], fileName: string | undefined): ManifestFile {
  const [first] = parts;
  const last = parts[parts.length - 1];
  if (!first || !last) return parseManifestFile(text, fileName);
  // A document of its own: the first part's copy (small) holding every part's entry.
  const document = first.document.clone();
  const map = document.contents;
  if (!isParsedMap(map)) throw new Error('a copy of a parsed mapping is a parsed mapping');
  map.items = parts.flatMap((part) => part.map.items);
  map.range = [first.map.range[0], last.map.range[1], last.map.range[2]];
  const problems: SourceProblem[] = [];
  const whole = withRange(document, [first.document.range[0], last.document.range[1], last.document.range[2]]);
  return { fileName, text, lineCounter: lineCounterOf(text), documents: [manifestDocument(whole, 0, problems)], problems };
}

function moved(range: Range, by: number): Range {
  return [range[0] + by, range[1] + by, range[2] + by];
}

/** A cloned document typed as parsed again (clone() forgets it), with its range. */
function withRange(document: Document, range: Range): Document.Parsed {
  document.range = range;
  if (!isParsedDocument(document)) throw new Error('a document with a range is a parsed document');
  return document;
}

function isParsedDocument(document: Document): document is Document.Parsed {
  return Array.isArray(document.range);
}

function isParsedMap(node: unknown): node is YAMLMap.Parsed {
  return isMap(node) && Array.isArray(node.range);
}

/** Moves the offsets of every node under `root` (a fresh copy), `root` included; iterative, as the tree is untrusted. */
function moveRanges(root: unknown, by: number): void {
  const stack: unknown[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (isPair(item)) {
      stack.push(item.key, item.value);
      continue;
    }
    if (!isNode(item)) continue;
    if (item.range) item.range = moved(item.range, by);
    if (isCollection(item)) for (const child of item.items) stack.push(child);
  }
}

function hasAnchorOrAlias(root: unknown): boolean {
  const stack: unknown[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (isPair(item)) {
      stack.push(item.key, item.value);
      continue;
    }
    if (isAlias(item)) return true;
    if (!isNode(item)) continue;
    if (isScalar(item) || isCollection(item)) {
      if (item.anchor !== undefined) return true;
      if (isCollection(item)) for (const child of item.items) stack.push(child);
    }
  }
  return false;
}
