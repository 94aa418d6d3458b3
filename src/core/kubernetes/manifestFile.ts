/**
 * A YAML file as kubectl and Helm read it: one or more documents separated by `---`, each with its
 * own anchors. Each document keeps its identity (apiVersion, kind, metadata.name/namespace) and its
 * range in the file, so findings land on the document's own lines.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { OffsetRange, SourceProblem } from '../config/yamlSource';
import { guardDocument } from '../config/yamlAliases';
import type { NodeRef } from './yamlNodes';
import { at, keyRangeOf, stringField } from './yamlNodes';

export interface ManifestDocument {
  index: number;
  document: Document.Parsed;
  root: NodeRef;
  /** From the first character of the document's content to its end. */
  range: OffsetRange;
  apiVersion: string | undefined;
  kind: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
  /** The `kind:` key, for findings about the whole object. */
  kindRange: OffsetRange | undefined;
}

export interface ManifestFile {
  fileName: string | undefined;
  text: string;
  lineCounter: LineCounter;
  documents: ManifestDocument[];
  /** Syntax errors and warnings of every document, with offsets in the file. */
  problems: SourceProblem[];
}

function toProblem(severity: SourceProblem['severity']) {
  return (issue: YAMLError): SourceProblem => ({
    message: issue.message,
    offset: issue.pos[0],
    end: Math.max(issue.pos[1], issue.pos[0]),
    severity,
    code: issue.code,
  });
}

/** Never throws; a file with no documents has an empty list. */
export function parseManifestFile(text: string, fileName?: string): ManifestFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { uniqueKeys: false, lineCounter, prettyErrors: false });
  const documents: ManifestDocument[] = [];
  const problems: SourceProblem[] = [];
  // An empty stream is an empty array (with the stream's own errors, reported by no document).
  if ('empty' in parsed) problems.push(...parsed.errors.map(toProblem('error')));
  parsed.forEach((document, index) => {
    problems.push(...document.errors.map(toProblem('error')), ...document.warnings.map(toProblem('warning')));
    documents.push(manifestDocument(document, index, problems));
  });
  return { fileName, text, lineCounter, documents, problems };
}

/** One document of the file, its identity read; its alias and depth bounds report into `problems`. */
export function manifestDocument(document: Document.Parsed, index: number, problems: SourceProblem[]): ManifestDocument {
  // The walkers' alias and depth bounds report into the same list, as for every other model.
  guardDocument(document, problems);
  const root: NodeRef = { node: document.contents, document };
  const [start, , end] = document.range;
  return {
    index,
    document,
    root,
    range: { start: document.contents?.range?.[0] ?? start, end },
    apiVersion: stringField(root, 'apiVersion'),
    kind: stringField(root, 'kind'),
    name: stringField(at(root, 'metadata'), 'name'),
    namespace: stringField(at(root, 'metadata'), 'namespace'),
    kindRange: keyRangeOf(root, 'kind'),
  };
}

/** 1-based line of an offset, for messages. */
export function lineAt(file: ManifestFile, offset: number): number {
  return file.lineCounter.linePos(offset).line;
}
