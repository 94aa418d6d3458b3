// The contract of certificate generation, shared by the CLI, the VS Code command and the tests.

/** Key algorithms offered; RSA 2048 is the Milvus docs' choice and our default. */
export const KEY_TYPES = ['rsa2048', 'rsa3072', 'rsa4096', 'ecdsa-p256', 'ecdsa-p384'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/** The subject fields of the docs' gen.sh; only commonName is required. */
export interface SubjectFields {
  country?: string;
  state?: string;
  locality?: string;
  organization?: string;
  organizationalUnit?: string;
  commonName: string;
}

/** Everything needed to produce the docs' nine files. */
export interface CertificateSetOptions {
  keyType: KeyType;
  /** Subject fields shared by the three certificates (C, ST, L, O, OU); each gets its own CN. */
  subject: Omit<SubjectFields, 'commonName'>;
  caCommonName: string;
  serverCommonName: string;
  /** DNS names (wildcards allowed) and IPv4/IPv6 addresses for the server certificate. */
  serverSans: string[];
  clientCommonName: string;
  caDays: number;
  leafDays: number;
}

/** The file names the Milvus docs use, in the order gen.sh writes them. */
export const CERTIFICATE_SET_FILES = [
  'ca.key',
  'ca.pem',
  'ca.srl',
  'server.key',
  'server.csr',
  'server.pem',
  'client.key',
  'client.csr',
  'client.pem',
] as const;
export type CertificateSetFileName = (typeof CERTIFICATE_SET_FILES)[number];

/**
 * A file written with a set, all or nothing: the set's own files, or one derived from them (a
 * Kubernetes Secret manifest holding server.pem, server.key and ca.pem).
 */
export interface SetFile {
  name: string;
  contents: string;
  /** Private keys (and files holding one) are written with mode 0600, everything else 0644. */
  isPrivateKey: boolean;
}

/** One file of a generated set, held in memory until it is written as a whole. */
export interface GeneratedFile extends SetFile {
  name: CertificateSetFileName;
}
