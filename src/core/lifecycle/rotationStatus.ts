// Where a CA rotation stands, read from the set's files alone (no state file to drift): which CA
// ca.key belongs to, whether ca-next.* exist, and which CA signed each leaf. Pure: the CLI's
// `rotate status`, the editor's "Rotate CA…" and every phase's precondition use it.
import { createPrivateKey, type X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { readPemCertificates, type InspectedCertificate } from '../inspect';
import {
  CA_CERTIFICATE,
  CA_KEY,
  LEAF_ROLES,
  leafFiles,
  NEXT_CA_CERTIFICATE,
  NEXT_CA_KEY,
  PREVIOUS_CA_CERTIFICATE,
  type LeafRole,
} from './setFiles';

/** none: one CA; started: ca.pem trusts both, leaves from the current CA; reissued: leaves from the next CA. */
export type RotationPhase = 'none' | 'started' | 'reissued';

export interface LeafStatus {
  role: LeafRole;
  file: string;
  certificate: InspectedCertificate;
  /** Which CA's key verifies it. */
  signedBy: 'current' | 'next' | 'other';
}

export interface RotationStatus {
  /** Undefined when the files are not a set in a state a phase can start from; `problem` says why. */
  phase: RotationPhase | undefined;
  problem?: string;
  /** The CA ca.key belongs to. */
  current?: InspectedCertificate;
  /** The CA of ca-next.pem/ca-next.key, during a rotation. */
  next?: InspectedCertificate;
  /** Every certificate of ca.pem, in file order (a bundle during a rotation). */
  trusted: InspectedCertificate[];
  leaves: LeafStatus[];
}

type Files = ReadonlyMap<string, Buffer | undefined>;

function text(files: Files, name: string): string | undefined {
  return files.get(name)?.toString('utf8');
}

function keyMatches(certificate: X509Certificate, keyPem: string | undefined): boolean {
  if (keyPem === undefined) return false;
  try {
    return certificate.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

function verifiedBy(leaf: X509Certificate, ca: InspectedCertificate | undefined): boolean {
  if (!ca) return false;
  try {
    return leaf.verify(ca.x509.publicKey);
  } catch {
    return false;
  }
}

function certificatesOf(directory: string, files: Files, name: string, now: Date): InspectedCertificate[] {
  const pem = text(files, name);
  if (pem === undefined) return [];
  try {
    return readPemCertificates(pem, join(directory, name), now);
  } catch {
    return [];
  }
}

function leafStatuses(
  directory: string,
  files: Files,
  current: InspectedCertificate | undefined,
  next: InspectedCertificate | undefined,
  now: Date,
): LeafStatus[] {
  const leaves: LeafStatus[] = [];
  for (const role of LEAF_ROLES) {
    const file = leafFiles(role).certificate;
    const [certificate] = certificatesOf(directory, files, file, now);
    if (!certificate) continue;
    const signedBy = verifiedBy(certificate.x509, next) ? 'next' : verifiedBy(certificate.x509, current) ? 'current' : 'other';
    leaves.push({ role, file: join(directory, file), certificate, signedBy });
  }
  return leaves;
}

function has(list: readonly InspectedCertificate[], wanted: InspectedCertificate): boolean {
  return list.some((certificate) => certificate.info.fingerprintSha256 === wanted.info.fingerprintSha256);
}

/** The status of the set in `directory`, from its files' bytes (absent: undefined). */
export function rotationStatus(directory: string, files: Files, now: Date): RotationStatus {
  const trusted = certificatesOf(directory, files, CA_CERTIFICATE, now);
  const current = trusted.find((certificate) => keyMatches(certificate.x509, text(files, CA_KEY)));
  const [next] = certificatesOf(directory, files, NEXT_CA_CERTIFICATE, now);
  const leaves = leafStatuses(directory, files, current, next, now);
  const status = (phase: RotationPhase | undefined, problem?: string): RotationStatus => ({
    phase,
    ...(problem ? { problem } : {}),
    current,
    next,
    trusted,
    leaves,
  });

  if (trusted.length === 0) return status(undefined, `${CA_CERTIFICATE} is missing or holds no certificate`);
  if (text(files, CA_KEY) === undefined) return status(undefined, `${CA_KEY} is missing`);
  if (!current) return status(undefined, `${CA_KEY} belongs to no certificate of ${CA_CERTIFICATE}`);
  const nextFiles = [NEXT_CA_CERTIFICATE, NEXT_CA_KEY].filter((name) => files.get(name) !== undefined);
  if (nextFiles.length === 0) {
    if (files.get(PREVIOUS_CA_CERTIFICATE) !== undefined) {
      return status(
        undefined,
        `${PREVIOUS_CA_CERTIFICATE} is left without ${NEXT_CA_CERTIFICATE}: undo the last phase (rotate undo) or remove it`,
      );
    }
    return status('none');
  }
  if (nextFiles.length === 1 || !next) {
    return status(undefined, `${nextFiles.join(' and ')} without its pair: undo the last phase (rotate undo)`);
  }
  if (!keyMatches(next.x509, text(files, NEXT_CA_KEY))) {
    return status(undefined, `${NEXT_CA_KEY} does not belong to ${NEXT_CA_CERTIFICATE}`);
  }
  if (!has(trusted, next) || !has(trusted, current)) {
    return status(undefined, `${CA_CERTIFICATE} must hold both the current and the next CA during a rotation`);
  }
  // A set without leaves has nothing to reissue: it is ready to finish as soon as it has started.
  if (leaves.every((leaf) => leaf.signedBy === 'next')) return status('reissued');
  return status('started');
}
