// The inspection engine's data: plain, JSON-serialisable objects (no Buffers, no KeyObjects), so the
// CLI can print them, the language server can send them and the tree can keep them as its model.

export type Severity = 'error' | 'warning' | 'info';

/** Stable finding codes: scripts and settings may refer to them, so never rename one. */
export type LintCode =
  | 'cert-expired'
  | 'cert-not-yet-valid'
  | 'cert-expiring'
  | 'cert-outlives-ca'
  | 'server-no-san'
  | 'server-eku-missing-serverauth'
  | 'client-eku-missing-clientauth'
  | 'ca-not-ca'
  | 'ca-no-keycertsign'
  | 'rsa-key-too-small'
  | 'weak-signature'
  | 'leaf-subject-equals-issuer'
  | 'key-without-certificate'
  | 'key-file-permissions'
  | 'key-encrypted';

/** Why a file, or a block in it, could not be read. Also used as a finding code. */
export type ReadErrorCode =
  | 'file-empty'
  | 'file-too-large'
  | 'file-unreadable'
  | 'file-not-pem-or-der'
  | 'pem-truncated'
  | 'pem-bad-base64'
  | 'pem-unknown-label'
  | 'cert-unparsable'
  | 'key-unparsable'
  | 'csr-unparsable';

export type FindingCode = LintCode | ReadErrorCode;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One or two sentences: what is wrong and what to do about it. */
  message: string;
}

export type CertificateRole = 'ca' | 'server' | 'client' | 'server+client' | 'unknown';

/** What the role was decided from, so a UI can say "server (from file name)". */
export type RoleSource = 'basic-constraints' | 'issued-certificates' | 'extended-key-usage' | 'subject-alt-name' | 'file-name' | 'none';

/** Where a PEM block sits in its file (0-based lines, inclusive), for hovers and CodeLens. */
export interface PemRange {
  startLine: number;
  endLine: number;
}

export interface NameAttribute {
  /** Short name (CN, O, OU, C...) or the dotted OID when unknown. */
  type: string;
  value: string;
}

export interface SubjectAltNames {
  dns: string[];
  ip: string[];
  email: string[];
  uri: string[];
}

export type KeyAlgorithm = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'unknown';

export interface PublicKeyInfo {
  algorithm: KeyAlgorithm;
  /** RSA/DSA modulus size in bits; the field size for EC; 256/456 for Ed25519/Ed448. */
  bits: number | undefined;
  /** NIST name (P-256) when known, else OpenSSL's (secp256k1). EC only. */
  curve: string | undefined;
  /** Human summary: "RSA 2048", "EC P-256", "Ed25519". */
  description: string;
  /** SHA-256 (hex) of the SubjectPublicKeyInfo DER: equal values mean the same key pair. */
  spkiSha256: string;
}

export interface SignatureAlgorithmInfo {
  oid: string;
  /** e.g. sha256WithRSAEncryption; the OID when unknown. */
  name: string;
  /** Digest used (sha256, sha1, md5...), when known. */
  hash: string | undefined;
}

export interface BasicConstraints {
  ca: boolean;
  pathLength: number | undefined;
  critical: boolean;
}

/** Fields common to everything found in a file. */
export interface FileObjectBase {
  /** Path as given to the reader (absolute for scans). */
  file: string;
  /** Position of this object among the objects of its file, from 0. */
  indexInFile: number;
  /** "file#index": unique within one inspection. */
  id: string;
  format: 'pem' | 'der';
  /** Undefined for DER. */
  range: PemRange | undefined;
}

export interface CertificateInfo extends FileObjectBase {
  kind: 'certificate';
  /** X.509 version: 1 (no extensions) or 3. */
  version: number;
  commonName: string | undefined;
  /** Full DN in certificate order, openssl style: "C=US, O=Acme, CN=server". */
  subject: string;
  subjectAttributes: NameAttribute[];
  issuer: string;
  issuerCommonName: string | undefined;
  /** Upper-case hex, as openssl prints it. */
  serialNumber: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** Days left by the one rule (days.ts): ceil((notAfter - now) / 24 h); 0 or less once expired. */
  daysLeft: number;
  sans: SubjectAltNames;
  /** True when the certificate has a subjectAltName extension at all (even one without DNS/IP). */
  hasSanExtension: boolean;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: SignatureAlgorithmInfo;
  /** Undefined when the extension is absent. */
  basicConstraints: BasicConstraints | undefined;
  /** Key usage names; undefined when the extension is absent (which means "any" to Go). */
  keyUsage: string[] | undefined;
  /** EKU names (or OIDs); undefined when the extension is absent (which means "any" to Go). */
  extendedKeyUsage: string[] | undefined;
  /** "AB:CD:..." as openssl -fingerprint -sha256 prints it. */
  fingerprintSha256: string;
  /** Subject DN equals issuer DN. */
  selfIssued: boolean;
  /** Its own public key verifies its signature. */
  selfSigned: boolean;
  role: CertificateRole;
  roleSource: RoleSource;
  /** The certificate itself (public); used by "Show Details" and renewal. */
  pem: string;
}

export type PrivateKeyEncoding = 'pkcs1' | 'pkcs8' | 'sec1' | 'dsa' | 'unknown';

export interface PrivateKeyInfo extends FileObjectBase {
  kind: 'private-key';
  /** The PEM label, e.g. "EC PRIVATE KEY"; "DER" for binary files. */
  label: string;
  encoding: PrivateKeyEncoding;
  /** Encrypted keys are reported, never decrypted: no public key is known for them. */
  encrypted: boolean;
  /** Undefined when encrypted. Never holds private material. */
  publicKey: PublicKeyInfo | undefined;
}

export interface CsrInfo extends FileObjectBase {
  kind: 'csr';
  commonName: string | undefined;
  subject: string;
  sans: SubjectAltNames;
  publicKey: PublicKeyInfo | undefined;
}

/** A well-formed block we recognise but do not inspect (EC PARAMETERS, PUBLIC KEY, X509 CRL...). */
export interface OtherPemObject extends FileObjectBase {
  kind: 'other';
  label: string;
}

/** A file, or one block of it, that could not be read; shown as an item with its reason. */
export interface ReadErrorInfo {
  kind: 'error';
  file: string;
  code: ReadErrorCode;
  severity: Severity;
  message: string;
  range: PemRange | undefined;
}

export type FileObject = CertificateInfo | PrivateKeyInfo | CsrInfo | OtherPemObject;

/** Everything read from one file: what parsed, and what did not. */
export interface FileReadResult {
  file: string;
  objects: FileObject[];
  errors: ReadErrorInfo[];
}

/** A certificate placed in its workspace: chain and key links, and its findings. */
export interface WorkspaceCertificate extends CertificateInfo {
  /** Id of the certificate whose public key verifies this one's signature; its own id when self-signed. */
  issuerId: string | undefined;
  issuerStatus: 'self-signed' | 'in-workspace' | 'not-found';
  /** Ids of the certificates this one verifiably signed (itself excluded). */
  issuedIds: string[];
  /** Ids of private keys with the same public key, nearest file first. */
  keyIds: string[];
  /** File of the nearest matching key, for display. */
  keyFile: string | undefined;
  findings: Finding[];
}

export interface WorkspaceKey extends PrivateKeyInfo {
  certificateIds: string[];
  /** Permission bits when known (POSIX). */
  mode: number | undefined;
  findings: Finding[];
}

export interface WorkspaceCsr extends CsrInfo {
  /** Ids of private keys with the same public key. */
  keyIds: string[];
}

/** A finding with where it belongs, for flat lists (CLI, Problems view). */
export interface LocatedFinding extends Finding {
  file: string;
  /** Id of the certificate or key it is about; undefined for whole-file read errors. */
  itemId: string | undefined;
  range: PemRange | undefined;
}

export interface WorkspaceInspection {
  /** ISO time the days-left figures are relative to. */
  now: string;
  warnDays: number;
  certificates: WorkspaceCertificate[];
  keys: WorkspaceKey[];
  csrs: WorkspaceCsr[];
  /** Files (or blocks) that failed to read or parse. */
  errors: ReadErrorInfo[];
  /** Every finding, errors first, then by file. */
  findings: LocatedFinding[];
}

/** One file handed to the workspace model; `bytes` is the Error when reading it failed. */
export interface InputFile {
  path: string;
  bytes: Buffer | Error;
  /** POSIX mode bits (stat.mode), for the key permission check. */
  mode?: number;
}

export interface LintOptions {
  /** Role the certificate is used in; defaults to the role read from the certificate. */
  expectedRole?: 'server' | 'client' | 'server+client' | 'ca';
  now?: Date;
  /** Warn this many days before expiry. Default 30. */
  warnDays?: number;
  /** For a CA: whether it is a trust anchor (self-signed) rather than an intermediate. */
  isRoot?: boolean;
}
