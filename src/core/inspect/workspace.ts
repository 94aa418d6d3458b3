// The workspace model: every certificate with the issuer that verifiably signed it (by signature,
// not by name), its private key (by public key), keys with no certificate, and the files that
// could not be read. Pure: it takes bytes, whichever file system the scanner (scan.ts) read them from.
import type { X509Certificate } from 'node:crypto';
import { basename, dirname, extname } from 'node:path';
import { DEFAULT_WARN_DAYS, lintAgainstIssuer, lintCertificate, lintPrivateKey } from './lint';
import { daysLeft } from './days';
import type { DetailedReadResult } from './readFile';
import { readError, readPemOrDerDetailed } from './readFile';
import { intendedLeafRole } from './role';
import type {
  CertificateInfo,
  CsrInfo,
  Finding,
  InputFile,
  LocatedFinding,
  PrivateKeyInfo,
  ReadErrorInfo,
  Severity,
  WorkspaceCertificate,
  WorkspaceCsr,
  WorkspaceInspection,
  WorkspaceKey,
} from './types';

export interface InspectOptions {
  /** Warn this many days before expiry (the setting milvusTls.expiryWarningDays). Default 30. */
  warnDays?: number;
  /** Where the files are (default: this machine). On Windows the mode bits are made up: NTFS ACLs decide who reads a key. */
  platform?: NodeJS.Platform;
}

/**
 * A file kept as what was read from it (its objects, and the parsed certificates that signature
 * checks need), not as its bytes: a private key is described (type, size, public-key fingerprint)
 * and its bytes are dropped.
 */
export interface PreparedFile {
  path: string;
  mode?: number;
  read: DetailedReadResult;
}

export type InspectInput = InputFile | PreparedFile;

/** Reads a file's bytes into a PreparedFile (a read failure stays as it is: it holds no content). */
export function prepareFile(input: InputFile, now: Date = new Date()): InspectInput {
  if (input.bytes instanceof Error) return input;
  return {
    path: input.path,
    ...(input.mode !== undefined ? { mode: input.mode } : {}),
    read: readPemOrDerDetailed(input.bytes, input.path, now),
  };
}

/** Error code our scanner puts on a file it skipped for size (errno's own name for it). */
export const FILE_TOO_LARGE_CODE = 'EFBIG';

function errorFromReadFailure(path: string, error: Error): ReadErrorInfo {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === FILE_TOO_LARGE_CODE) return readError(path, 'file-too-large', `${basename(path)} was skipped: ${error.message}`);
  if (code === 'EISDIR') return readError(path, 'file-unreadable', `${basename(path)} is a directory, not a file`);
  if (code === 'EACCES' || code === 'EPERM') {
    return readError(path, 'file-unreadable', `${basename(path)} cannot be read (permission denied): check its owner and mode`);
  }
  return readError(path, 'file-unreadable', `${basename(path)} cannot be read: ${error.message}`);
}

// Folder and stem per path, computed once: "nearest" is asked for every certificate and key.
const placeCache = new Map<string, { folder: string; stem: string }>();

function placeOf(path: string): { folder: string; stem: string } {
  let place = placeCache.get(path);
  if (!place) {
    place = { folder: dirname(path), stem: basename(path, extname(path)).replace(/[-_.]?(cert|crt|key|pem)$/i, '') };
    if (placeCache.size > 50_000) placeCache.clear();
    placeCache.set(path, place);
  }
  return place;
}

/**
 * Sort key for "nearest": same folder first, then same base name (server.pem <-> server.key), then
 * a file of its own over a block inside a bundle, then PEM (what Milvus loads) over DER.
 */
function distance(from: string, to: { file: string; indexInFile: number; format: 'pem' | 'der' }): number {
  const a = placeOf(from);
  const b = placeOf(to.file);
  return (a.folder === b.folder ? 0 : 8) + (a.stem === b.stem ? 0 : 4) + (to.indexInFile === 0 ? 0 : 2) + (to.format === 'pem' ? 0 : 1);
}

type Placed = { file: string; indexInFile: number; format: 'pem' | 'der' };

/** Items ordered nearest first, ties by file name, so the choice is stable across scans. */
function nearestFirst<T extends Placed>(from: string, items: T[]): T[] {
  if (items.length < 2) return items;
  return items
    .map((item) => ({ item, rank: distance(from, item) }))
    .sort((a, b) => a.rank - b.rank || a.item.file.localeCompare(b.item.file))
    .map(({ item }) => item);
}

function nearest<T extends Placed>(from: string, items: T[]): T | undefined {
  let best: T | undefined;
  let bestRank = Infinity;
  for (const item of items) {
    const rank = distance(from, item);
    if (rank < bestRank || (rank === bestRank && best !== undefined && item.file < best.file)) {
      best = item;
      bestRank = rank;
    }
  }
  return best;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function locate(findings: Finding[], file: string, itemId: string | undefined, range: CertificateInfo['range']): LocatedFinding[] {
  return findings.map((finding) => ({ ...finding, file, itemId, range }));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Links certificates to the certificates whose public key verifies their signature. Works on
 * distinct certificates (by fingerprint): copies of one CA in many folders are verified once, and
 * the nearest copy is named as the issuer.
 */
class IssuerFinder {
  private readonly copies = new Map<string, CertificateInfo[]>();
  private readonly bySubject = new Map<string, string[]>();
  private readonly signers: string[] = [];
  private readonly verified = new Map<string, Map<string, boolean>>();

  constructor(
    certificates: CertificateInfo[],
    private readonly x509ById: Map<string, X509Certificate>,
  ) {
    for (const cert of certificates) {
      const known = this.copies.has(cert.fingerprintSha256);
      pushTo(this.copies, cert.fingerprintSha256, cert);
      if (known) continue;
      pushTo(this.bySubject, cert.subject, cert.fingerprintSha256);
      // Certificates that may sign others whatever their name: the name only orders the search.
      if (cert.basicConstraints?.ca === true || cert.keyUsage?.includes('keyCertSign') === true) this.signers.push(cert.fingerprintSha256);
    }
  }

  private verifies(subject: CertificateInfo, candidateFingerprint: string): boolean {
    let row = this.verified.get(subject.fingerprintSha256);
    if (!row) {
      row = new Map();
      this.verified.set(subject.fingerprintSha256, row);
    }
    let result = row.get(candidateFingerprint);
    if (result === undefined) {
      const candidate = (this.copies.get(candidateFingerprint) ?? [])[0];
      const x509 = this.x509ById.get(subject.id);
      const issuerX509 = candidate ? this.x509ById.get(candidate.id) : undefined;
      try {
        result = x509 !== undefined && issuerX509 !== undefined && x509.verify(issuerX509.publicKey);
      } catch {
        result = false; // e.g. an RSA signature checked against an EC key
      }
      row.set(candidateFingerprint, result);
    }
    return result;
  }

  /** The nearest certificate whose key verifies `cert`'s signature, excluding copies of `cert`. */
  issuerOf(cert: CertificateInfo): CertificateInfo | undefined {
    const candidates = new Set([...(this.bySubject.get(cert.issuer) ?? []), ...this.signers]);
    candidates.delete(cert.fingerprintSha256);
    const issuers: CertificateInfo[] = [];
    for (const fingerprint of candidates) {
      if (this.verifies(cert, fingerprint)) issuers.push(...(this.copies.get(fingerprint) ?? []));
    }
    return nearest(cert.file, issuers);
  }
}

/**
 * Inspects a set of files as one workspace. Never throws for bad input: unreadable or broken files
 * come back in `errors` (and as findings).
 */
export function inspectFiles(files: readonly InspectInput[], now: Date = new Date(), options: InspectOptions = {}): WorkspaceInspection {
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  const platform = options.platform ?? process.platform;
  const certificates: CertificateInfo[] = [];
  const keys: PrivateKeyInfo[] = [];
  const csrs: CsrInfo[] = [];
  const errors: ReadErrorInfo[] = [];
  const modeByFile = new Map<string, number | undefined>();
  const x509ById = new Map<string, X509Certificate>();

  for (const input of files) {
    const prepared = 'read' in input;
    const read = prepared ? input.read : input.bytes instanceof Error ? input.bytes : readPemOrDerDetailed(input.bytes, input.path, now);
    if (read instanceof Error) {
      errors.push(errorFromReadFailure(input.path, read));
      continue;
    }
    // Permission bits only: the file-type bits of stat.mode mean nothing to a reader of the model, and
    // on Windows node reports 0666 for every writable file, whoever may read it.
    modeByFile.set(input.path, input.mode === undefined || platform === 'win32' ? undefined : input.mode & 0o7777);
    const { result, x509ById: parsed } = read;
    for (const [id, x509] of parsed) x509ById.set(id, x509);
    errors.push(...result.errors);
    for (const object of result.objects) {
      // Read earlier: the days left are counted again from now.
      if (object.kind === 'certificate') {
        certificates.push(prepared ? { ...object, daysLeft: daysLeft(new Date(object.notAfter), now) } : object);
      } else if (object.kind === 'private-key') keys.push(object);
      else if (object.kind === 'csr') csrs.push(object);
    }
  }

  const finder = new IssuerFinder(certificates, x509ById);
  const issuerIdOf = new Map<string, string | undefined>();
  const issued = new Map<string, string[]>();
  for (const cert of certificates) {
    const issuer = cert.selfSigned ? cert : finder.issuerOf(cert);
    issuerIdOf.set(cert.id, issuer?.id);
    if (issuer && issuer !== cert) pushTo(issued, issuer.id, cert.id);
  }

  const keysBySpki = new Map<string, PrivateKeyInfo[]>();
  for (const key of keys) {
    if (!key.publicKey) continue;
    pushTo(keysBySpki, key.publicKey.spkiSha256, key);
  }
  const certificatesBySpki = new Map<string, CertificateInfo[]>();
  for (const cert of certificates) {
    pushTo(certificatesBySpki, cert.publicKey.spkiSha256, cert);
  }

  const certificatesById = new Map(certificates.map((cert) => [cert.id, cert]));
  const findings: LocatedFinding[] = [];
  const workspaceCertificates = certificates.map((cert): WorkspaceCertificate => {
    const issuedIds = issued.get(cert.id) ?? [];
    const issuerId = issuerIdOf.get(cert.id);
    // A certificate that verifiably signed another one is acting as a CA, whatever its extensions say.
    const actsAsCa = cert.role !== 'ca' && issuedIds.length > 0;
    const role = actsAsCa ? 'ca' : cert.role;
    const roleSource = actsAsCa ? 'issued-certificates' : cert.roleSource;
    const expectedRole = role === 'ca' ? 'ca' : intendedLeafRole(role, cert.file);
    const issuer = issuerId === undefined ? undefined : certificatesById.get(issuerId);
    const certFindings = [
      ...lintCertificate({ ...cert, role }, { expectedRole, now, warnDays, isRoot: cert.selfSigned }),
      ...(issuer ? lintAgainstIssuer(cert, issuer) : []),
    ];
    findings.push(...locate(certFindings, cert.file, cert.id, cert.range));
    const matchingKeys = nearestFirst(cert.file, keysBySpki.get(cert.publicKey.spkiSha256) ?? []);
    return {
      ...cert,
      role,
      roleSource,
      issuerId,
      issuerStatus: cert.selfSigned ? 'self-signed' : issuerId ? 'in-workspace' : 'not-found',
      issuedIds,
      keyIds: matchingKeys.map((key) => key.id),
      keyFile: matchingKeys[0]?.file,
      findings: certFindings,
    };
  });

  const workspaceKeys = keys.map((key): WorkspaceKey => {
    const matching = key.publicKey ? nearestFirst(key.file, certificatesBySpki.get(key.publicKey.spkiSha256) ?? []) : [];
    const mode = modeByFile.get(key.file);
    const keyFindings = lintPrivateKey(key, { matchingCertificates: matching.length, mode });
    findings.push(...locate(keyFindings, key.file, key.id, key.range));
    return { ...key, certificateIds: matching.map((cert) => cert.id), mode, findings: keyFindings };
  });

  const workspaceCsrs = csrs.map((csr): WorkspaceCsr => ({
    ...csr,
    keyIds: csr.publicKey ? (keysBySpki.get(csr.publicKey.spkiSha256) ?? []).map((key) => key.id) : [],
  }));

  for (const error of errors) {
    findings.push({
      code: error.code,
      severity: error.severity,
      message: error.message,
      file: error.file,
      itemId: undefined,
      range: error.range,
    });
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.file.localeCompare(b.file));

  return {
    now: now.toISOString(),
    warnDays,
    certificates: workspaceCertificates,
    keys: workspaceKeys,
    csrs: workspaceCsrs,
    errors,
    findings,
  };
}
