// The file names of a certificate set and of a CA rotation. They are fixed on purpose: milvus.yaml
// (tls.caPemPath, tls.serverPemPath...) and every client keep pointing at the same paths through
// every phase, so a rotation never needs a configuration change, only restarts.

export const CA_CERTIFICATE = 'ca.pem';
export const CA_KEY = 'ca.key';
export const CA_SERIAL = 'ca.srl';
/** The new CA during a rotation, until `rotate finish` makes it ca.pem/ca.key. */
export const NEXT_CA_CERTIFICATE = 'ca-next.pem';
export const NEXT_CA_KEY = 'ca-next.key';
/** The CA being replaced, kept alone while ca.pem is the bundle of both. */
export const PREVIOUS_CA_CERTIFICATE = 'ca-prev.pem';

export const LEAF_ROLES = ['server', 'client'] as const;
export type LeafRole = (typeof LEAF_ROLES)[number];

export function leafFiles(role: LeafRole): { certificate: string; key: string; request: string } {
  return { certificate: `${role}.pem`, key: `${role}.key`, request: `${role}.csr` };
}

/** Every file a rotation reads. */
export const ROTATION_FILES: readonly string[] = [
  CA_CERTIFICATE,
  CA_KEY,
  CA_SERIAL,
  NEXT_CA_CERTIFICATE,
  NEXT_CA_KEY,
  PREVIOUS_CA_CERTIFICATE,
  ...LEAF_ROLES.flatMap((role) => Object.values(leafFiles(role))),
];

export const PRIVATE_KEY_MODE = 0o600;
export const PUBLIC_FILE_MODE = 0o644;

export function modeFor(name: string): number {
  return name.endsWith('.key') ? PRIVATE_KEY_MODE : PUBLIC_FILE_MODE;
}
