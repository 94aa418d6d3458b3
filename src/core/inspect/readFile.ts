// Reads one file's bytes into the objects it holds: certificates (single, bundles, chains, DER),
// private keys, CSRs. Anything that fails becomes a ReadErrorInfo with a reason; nothing throws.
import type { X509Certificate } from 'node:crypto';
import { basename } from 'node:path';
import type { ObjectLocation } from './certificate';
import { readCertificate } from './certificate';
import { readCsr } from './csr';
import type { PemBlock } from './pem';
import { looksLikePem, splitPem } from './pem';
import { PRIVATE_KEY_LABELS, readPemPrivateKey, tryReadDerPrivateKey } from './privateKey';
import type { FileObject, FileReadResult, PemRange, ReadErrorCode, ReadErrorInfo, Severity } from './types';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
/** Well-formed PEM we recognise but do not inspect: no error, nothing to show but the label. */
const OTHER_LABELS = new Set([
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'EC PARAMETERS',
  'DH PARAMETERS',
  'X9.42 DH PARAMETERS',
  'X509 CRL',
  'PKCS7',
  'CMS',
  'OPENSSH PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY INFO',
  'PARAMETERS',
]);

export const READ_ERROR_SEVERITY: Readonly<Record<ReadErrorCode, Severity>> = {
  'file-empty': 'warning',
  'file-too-large': 'info',
  'file-unreadable': 'warning',
  'file-not-pem-or-der': 'warning',
  'pem-truncated': 'error',
  'pem-bad-base64': 'error',
  'pem-unknown-label': 'info',
  'cert-unparsable': 'error',
  'key-unparsable': 'error',
  'csr-unparsable': 'warning',
};

export function readError(file: string, code: ReadErrorCode, message: string, range?: PemRange): ReadErrorInfo {
  return { kind: 'error', file, code, severity: READ_ERROR_SEVERITY[code], message, range };
}

/** The read result plus the parsed X509Certificate of each certificate, by id, for verification. */
export interface DetailedReadResult {
  result: FileReadResult;
  x509ById: Map<string, X509Certificate>;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 512);
  let control = 0;
  for (const byte of sample) if (byte === 0 || byte < 9 || (byte > 13 && byte < 32)) control++;
  return control > 0;
}

function readBlock(block: PemBlock, location: ObjectLocation, now: Date, out: DetailedReadResult): void {
  const { file } = location;
  const { objects, errors } = out.result;
  const where = `the "${block.label}" block on line ${block.range.startLine + 1}`;
  if (CERTIFICATE_LABELS.has(block.label)) {
    try {
      const { info, x509 } = readCertificate(block.der, location, now);
      objects.push(info);
      out.x509ById.set(info.id, x509);
    } catch (error) {
      errors.push(
        readError(
          file,
          'cert-unparsable',
          `${where} is not a valid certificate (${reason(error)}): re-export it or re-copy the file`,
          block.range,
        ),
      );
    }
  } else if (block.label in PRIVATE_KEY_LABELS) {
    try {
      objects.push(readPemPrivateKey(block.der, block.label, block.headers, location));
    } catch (error) {
      errors.push(
        readError(
          file,
          'key-unparsable',
          `${where} is not a valid private key (${reason(error)}): regenerate it or re-copy the file`,
          block.range,
        ),
      );
    }
  } else if (CSR_LABELS.has(block.label)) {
    try {
      objects.push(readCsr(block.der, location));
    } catch (error) {
      errors.push(readError(file, 'csr-unparsable', `${where} is not a valid certificate request (${reason(error)})`, block.range));
    }
  } else if (OTHER_LABELS.has(block.label)) {
    objects.push({
      kind: 'other',
      file,
      indexInFile: location.indexInFile,
      id: `${file}#${location.indexInFile}`,
      format: 'pem',
      range: block.range,
      label: block.label,
    });
  } else {
    errors.push(readError(file, 'pem-unknown-label', `${where} has a label this tool does not know; it was skipped`, block.range));
  }
}

function readDerFile(bytes: Buffer, file: string, now: Date, out: DetailedReadResult): void {
  const location: ObjectLocation = { file, indexInFile: 0, format: 'der', range: undefined };
  try {
    const { info, x509 } = readCertificate(bytes, location, now);
    out.result.objects.push(info);
    out.x509ById.set(info.id, x509);
    return;
  } catch {
    // Not a certificate: try the other DER forms below.
  }
  const key = tryReadDerPrivateKey(bytes, location);
  if (key) {
    out.result.objects.push(key);
    return;
  }
  try {
    out.result.objects.push(readCsr(bytes, location));
    return;
  } catch {
    // Not a CSR either.
  }
  out.result.errors.push(
    readError(
      file,
      'file-not-pem-or-der',
      `${basename(file)} is binary but not a DER certificate, key or request: if it is PKCS#12 (.p12/.pfx), convert it with openssl pkcs12`,
    ),
  );
}

/** Like readPemOrDer, also returning the parsed certificates for signature checks. */
export function readPemOrDerDetailed(bytes: Buffer, file: string, now: Date = new Date()): DetailedReadResult {
  const out: DetailedReadResult = { result: { file, objects: [], errors: [] }, x509ById: new Map() };
  if (bytes.length === 0) {
    out.result.errors.push(readError(file, 'file-empty', `${basename(file)} is empty: regenerate or re-copy it`));
    return out;
  }
  const text = bytes.toString('utf8');
  if (looksLikePem(text)) {
    const { blocks, problems } = splitPem(text);
    blocks.forEach((block, indexInFile) => {
      readBlock(block, { file, indexInFile, format: 'pem', range: block.range }, now, out);
    });
    for (const problem of problems) {
      const code: ReadErrorCode = problem.kind === 'truncated' ? 'pem-truncated' : 'pem-bad-base64';
      out.result.errors.push(readError(file, code, problem.message, problem.range));
    }
    if (blocks.length === 0 && problems.length === 0) {
      out.result.errors.push(readError(file, 'file-not-pem-or-der', `${basename(file)} mentions BEGIN but holds no well-formed PEM block`));
    }
    return out;
  }
  // DER certificates and keys start with a SEQUENCE tag.
  if (bytes[0] === 0x30) {
    readDerFile(bytes, file, now, out);
    return out;
  }
  out.result.errors.push(
    readError(
      file,
      'file-not-pem-or-der',
      looksBinary(bytes)
        ? `${basename(file)} is binary but not a DER certificate, key or request`
        : `${basename(file)} holds no PEM block (no "-----BEGIN" line): it is not a certificate or key file`,
    ),
  );
  return out;
}

/** The objects in one file, and a per-file or per-block error for anything unreadable. Never throws. */
export function readPemOrDer(bytes: Buffer, fileName: string, now: Date = new Date()): FileReadResult {
  return readPemOrDerDetailed(bytes, fileName, now).result;
}

export type { FileObject };
