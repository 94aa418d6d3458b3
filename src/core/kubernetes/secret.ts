/**
 * A v1 Secret (or a ConfigMap) as the API server stores it, read from a manifest: `data` values
 * are base64 (Go's StdEncoding, which skips line breaks and nothing else), `stringData` values are
 * text and win over a `data` entry of the same key. Each entry keeps its key and value ranges, so a
 * finding about a certificate lands on the Secret key that holds it.
 */
import { isScalar, Scalar } from 'yaml';
import type { OffsetRange } from '../config/yamlSource';
import { scalarText } from '../config/yamlSource';
import type { ManifestDocument } from './manifestFile';
import type { NodeRef } from './yamlNodes';
import { at, child, entries, rangeOf, stringField } from './yamlNodes';

export type SecretEntryProblem =
  /** A `data` value that is not base64: the API server rejects the manifest. */
  | 'not-base64'
  /** A PEM whose lines YAML folded into one (a plain or quoted multi-line scalar): not valid PEM. */
  | 'folded-pem';

export interface SecretEntry {
  key: string;
  source: 'data' | 'stringData';
  /** The bytes a mounted file holds; undefined when they cannot be decoded. */
  bytes: Buffer | undefined;
  keyRange: OffsetRange;
  valueRange: OffsetRange;
  problems: SecretEntryProblem[];
  /** A stringData entry of the same key replaces this `data` one. */
  shadowed: boolean;
}

export interface SecretManifest {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  namespace: string | undefined;
  /** `Opaque` when absent, as the API server defaults it. */
  type: string;
  typeRange: OffsetRange | undefined;
  doc: ManifestDocument;
  /** Every entry, shadowed ones included, in file order. */
  entries: SecretEntry[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Go's base64.StdEncoding as encoding/json uses it for []byte: strict, but line breaks are skipped. */
export function decodeBase64Strict(value: string): Buffer | undefined {
  const compact = value.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** `-----BEGIN X----- body -----END X-----` on one line: what YAML makes of a PEM written without `|`. */
export function isFoldedPem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]+-----[ \t]+\S/.test(text) || /\S[ \t]+-----END [A-Z0-9 ]+-----/.test(text);
}

function scalarValue(ref: NodeRef): { text: string | undefined; multiLineFlow: boolean } {
  const node = ref.node;
  if (!isScalar(node)) return { text: undefined, multiLineFlow: false };
  const text = scalarText(node) ?? '';
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  return { text, multiLineFlow: !block };
}

function readEntries(doc: ManifestDocument, field: 'data' | 'stringData' | 'binaryData', kind: SecretManifest['kind']): SecretEntry[] {
  return entries(child(doc.root, field)).map(({ key, keyRange, value }) => {
    const { text, multiLineFlow } = scalarValue(value);
    const problems: SecretEntryProblem[] = [];
    let bytes: Buffer | undefined;
    // A ConfigMap's `data` is text; a Secret's `data` and a ConfigMap's `binaryData` are base64.
    if ((field === 'data' && kind === 'Secret') || field === 'binaryData') {
      bytes = text === undefined ? undefined : decodeBase64Strict(text);
      if (text !== undefined && bytes === undefined) problems.push('not-base64');
    } else if (text !== undefined) {
      bytes = Buffer.from(text, 'utf8');
    }
    const decoded = bytes?.toString('latin1') ?? '';
    if (multiLineFlow && isFoldedPem(decoded)) problems.push('folded-pem');
    const valueRange = rangeOf(value) ?? { start: keyRange?.end ?? 0, end: keyRange?.end ?? 0 };
    return {
      key,
      source: field === 'stringData' ? 'stringData' : 'data',
      bytes,
      keyRange: keyRange ?? valueRange,
      valueRange,
      problems,
      shadowed: false,
    };
  });
}

export function readSecretManifest(doc: ManifestDocument): SecretManifest | undefined {
  const kind = doc.kind === 'Secret' || doc.kind === 'ConfigMap' ? doc.kind : undefined;
  if (kind === undefined || doc.apiVersion !== 'v1' || doc.name === undefined) return undefined;
  const data = readEntries(doc, 'data', kind);
  const stringData = kind === 'Secret' ? readEntries(doc, 'stringData', kind) : readEntries(doc, 'binaryData', kind);
  const fromStringData = new Set(stringData.map((entry) => entry.key));
  for (const entry of data) entry.shadowed = fromStringData.has(entry.key);
  return {
    kind,
    name: doc.name,
    namespace: doc.namespace,
    type: stringField(doc.root, 'type') ?? 'Opaque',
    typeRange: rangeOf(at(doc.root, 'type')),
    doc,
    entries: [...data, ...stringData],
  };
}

/** The entry a mounted file `key` holds: stringData over data, as the API server merges them. */
export function secretEntry(secret: SecretManifest, key: string): SecretEntry | undefined {
  const candidates = secret.entries.filter((entry) => entry.key === key && !entry.shadowed);
  return candidates[candidates.length - 1];
}

/** Keys as they appear in the mounted folder. */
export function secretKeys(secret: SecretManifest): string[] {
  return [...new Set(secret.entries.filter((entry) => !entry.shadowed).map((entry) => entry.key))];
}
