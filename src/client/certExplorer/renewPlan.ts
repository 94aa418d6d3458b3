// How "Renew" reissues one leaf with the PKI generator: which options reproduce its subject, SANs,
// key type and lifetime, and which generated file replaces which workspace file. Pure, so the
// mapping is tested without writing anything.
import { basename, dirname, extname, join } from 'node:path';
import type { CertificateInfo, PublicKeyInfo } from '../../core/inspect/types';
import type { CertificateSetFileName, CertificateSetOptions, KeyType, SubjectFields } from '../../core/pki/types';
import { plural } from './format';

const DAY_MS = 86_400_000;

export interface RenewTarget {
  /** Name the generator gives the file (server.pem, server.key...). */
  generated: CertificateSetFileName;
  /** Absolute path it replaces or creates. */
  path: string;
}

export interface RenewPlan {
  role: 'server' | 'client';
  directory: string;
  options: CertificateSetOptions;
  targets: RenewTarget[];
  /** Lines for the confirmation dialog: what stays the same, what changes. */
  notes: string[];
}

function keyTypeFor(key: PublicKeyInfo): { keyType: KeyType; note?: string } {
  if (key.algorithm === 'rsa' && key.bits !== undefined && key.bits >= 2048) {
    const keyType = key.bits >= 4096 ? 'rsa4096' : key.bits >= 3072 ? 'rsa3072' : 'rsa2048';
    return { keyType };
  }
  if (key.algorithm === 'ec' && key.curve === 'P-256') return { keyType: 'ecdsa-p256' };
  if (key.algorithm === 'ec' && key.curve === 'P-384') return { keyType: 'ecdsa-p384' };
  return { keyType: 'ecdsa-p256', note: `The new key is EC P-256: the generator does not make ${key.description} keys.` };
}

const SUBJECT_FIELDS: Record<string, keyof SubjectFields> = { C: 'country', ST: 'state', L: 'locality', O: 'organization', OU: 'organizationalUnit' };

/**
 * The plan, or a sentence saying why this certificate cannot be renewed here. `keyFile` is its
 * matching key (replaced too: a new certificate comes with a new key pair).
 */
export function planRenewal(
  cert: CertificateInfo, ca: CertificateInfo, keyFile: string | undefined, now: Date,
): RenewPlan | string {
  if (cert.role !== 'server' && cert.role !== 'client') {
    return `${basename(cert.file)} is a ${cert.role} certificate; only server or client certificates can be renewed here`;
  }
  if (cert.format !== 'pem' || cert.indexInFile !== 0) {
    return `${basename(cert.file)} is not a single-certificate PEM file; renew it with "Generate Certificates…" instead`;
  }
  const directory = dirname(cert.file);
  if (keyFile === cert.file) return `${basename(cert.file)} holds the key too; renew it with "Generate Certificates…" instead`;
  if (keyFile !== undefined && dirname(keyFile) !== directory) {
    return `its key ${keyFile} is in another folder, so the two cannot be replaced together atomically`;
  }
  const caDaysLeft = Math.floor((Date.parse(ca.notAfter) - now.getTime()) / DAY_MS);
  if (caDaysLeft < 1) return `its CA (${basename(ca.file)}) expires within a day; generate a new CA first`;
  const originalDays = Math.max(1, Math.round((Date.parse(cert.notAfter) - Date.parse(cert.notBefore)) / DAY_MS));
  const leafDays = Math.min(originalDays, caDaysLeft);

  const subject: Omit<SubjectFields, 'commonName'> = {};
  const dropped: string[] = [];
  for (const attribute of cert.subjectAttributes) {
    const field = SUBJECT_FIELDS[attribute.type];
    if (field && field !== 'commonName') subject[field] = attribute.value;
    else if (attribute.type !== 'CN') dropped.push(attribute.type);
  }
  const commonName = cert.commonName ?? basename(cert.file, extname(cert.file));
  const { keyType, note } = keyTypeFor(cert.publicKey);
  const role = cert.role;
  const options: CertificateSetOptions = {
    keyType, subject,
    caCommonName: ca.commonName ?? 'CA',
    serverCommonName: role === 'server' ? commonName : 'unused',
    serverSans: role === 'server' ? [...cert.sans.dns, ...cert.sans.ip] : ['localhost'],
    clientCommonName: role === 'client' ? commonName : 'unused',
    caDays: leafDays,
    leafDays,
  };
  const stem = basename(cert.file, extname(cert.file));
  const targets: RenewTarget[] = [
    { generated: `${role}.pem`, path: cert.file },
    { generated: `${role}.key`, path: keyFile ?? join(directory, `${stem}.key`) },
  ];
  const notes = [
    `Same subject (${cert.subject}) and SANs (${[...cert.sans.dns, ...cert.sans.ip].join(', ') || 'none'}), valid ${plural(leafDays, 'day')}${leafDays < originalDays ? ' (no longer than its CA)' : ''}, signed by ${ca.commonName ?? ca.subject}.`,
    keyFile === undefined
      ? `Its key is not in the workspace: the new key is written to ${basename(targets[1]?.path ?? '')}, replacing any file of that name.`
      : `A new key pair replaces ${basename(keyFile)}: deploy both files together.`,
  ];
  if (note) notes.push(note);
  if (dropped.length > 0) notes.push(`Subject attributes the generator does not write are dropped: ${dropped.join(', ')}.`);
  return { role, directory, options, targets, notes };
}
