// How to reissue one existing leaf with the PKI generator: options that reproduce its subject, SANs,
// key type and lifetime (capped at its CA's end), and which generated file replaces which file. Pure,
// shared by `milvus-tls renew`, "Renew Expiring Certificates…", the tree's "Renew Certificate…" and
// `rotate reissue`.
import { basename, dirname, extname, join } from 'node:path';
import { isExpired, lifetimeDays, plural } from '../inspect';
import type { CertificateInfo, PublicKeyInfo } from '../inspect/types';
import { capLeafNote } from '../pki/generate';
import type { CertificateSetFileName, CertificateSetOptions, KeyType, SubjectFields } from '../pki/types';
import type { LeafRole } from './setFiles';

export interface RenewTarget {
  /** Name the generator gives the file (server.pem, server.key, server.csr). */
  generated: CertificateSetFileName;
  /** Absolute path it replaces or creates. */
  path: string;
}

export interface LeafRenewalPlan {
  role: LeafRole;
  directory: string;
  /** The certificate being replaced (its fingerprint is checked again under the folder's lock). */
  certificate: CertificateInfo;
  /** The CA that signed it, which signs the new one. */
  issuer: CertificateInfo;
  options: CertificateSetOptions;
  targets: RenewTarget[];
  /** What stays, what changes: for confirmations and the CLI's report. */
  notes: string[];
}

/** The generator's key type for an existing key, and a note when it cannot make that kind. */
export function keyTypeFor(key: PublicKeyInfo): { keyType: KeyType; note?: string } {
  if (key.algorithm === 'rsa' && key.bits !== undefined && key.bits >= 2048) {
    return { keyType: key.bits >= 4096 ? 'rsa4096' : key.bits >= 3072 ? 'rsa3072' : 'rsa2048' };
  }
  if (key.algorithm === 'ec' && key.curve === 'P-256') return { keyType: 'ecdsa-p256' };
  if (key.algorithm === 'ec' && key.curve === 'P-384') return { keyType: 'ecdsa-p384' };
  return { keyType: 'ecdsa-p256', note: `The new key is EC P-256: the generator does not make ${key.description} keys.` };
}

const SUBJECT_FIELDS: Readonly<Record<string, keyof Omit<SubjectFields, 'commonName'>>> = {
  C: 'country',
  ST: 'state',
  L: 'locality',
  O: 'organization',
  OU: 'organizationalUnit',
};

/** The subject fields the generator writes, and the attribute types it would drop. */
export function subjectFieldsOf(cert: CertificateInfo): { subject: Omit<SubjectFields, 'commonName'>; dropped: string[] } {
  const subject: Omit<SubjectFields, 'commonName'> = {};
  const dropped: string[] = [];
  for (const attribute of cert.subjectAttributes) {
    const field = SUBJECT_FIELDS[attribute.type];
    if (field) subject[field] = attribute.value;
    else if (attribute.type !== 'CN') dropped.push(attribute.type);
  }
  return { subject, dropped };
}

function leafRole(cert: CertificateInfo): LeafRole | undefined {
  return cert.role === 'server' || cert.role === 'client' ? cert.role : undefined;
}

/**
 * The plan, or a sentence saying why this certificate cannot be renewed here. `keyFile` is its
 * matching key (replaced too: a new certificate comes with a new key pair); `issuer` is the CA that
 * signs the new one (its own CA for renew, the next CA for a rotation's reissue).
 */
export function planLeafRenewal(
  cert: CertificateInfo,
  issuer: CertificateInfo,
  keyFile: string | undefined,
  now: Date,
): LeafRenewalPlan | string {
  const role = leafRole(cert);
  if (!role) return `${basename(cert.file)} is a ${cert.role} certificate; only server or client certificates are renewed`;
  if (cert.format !== 'pem' || cert.indexInFile !== 0) {
    return `${basename(cert.file)} is not a single-certificate PEM file; renew it with "Generate Certificates…" instead`;
  }
  const directory = dirname(cert.file);
  if (keyFile === cert.file) return `${basename(cert.file)} holds the key too; renew it with "Generate Certificates…" instead`;
  if (keyFile !== undefined && dirname(keyFile) !== directory) {
    return `its key ${keyFile} is in another folder, so the two cannot be replaced together atomically`;
  }
  const issuerNotAfter = new Date(issuer.notAfter);
  if (isExpired(issuerNotAfter, now)) {
    return `its CA (${issuer.commonName ?? issuer.subject}) expired on ${issuer.notAfter.slice(0, 10)}; rotate the CA (milvus-tls rotate start) or generate a new set`;
  }
  const leafDays = lifetimeDays(new Date(cert.notBefore), new Date(cert.notAfter));
  const { subject, dropped } = subjectFieldsOf(cert);
  const commonName = cert.commonName ?? basename(cert.file, extname(cert.file));
  const { keyType, note } = keyTypeFor(cert.publicKey);
  const options: CertificateSetOptions = {
    keyType,
    subject,
    caCommonName: issuer.commonName ?? 'CA',
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
  const capped = capLeafNote(now, leafDays, issuerNotAfter);
  const notes = [
    `Same subject (${cert.subject}) and SANs (${[...cert.sans.dns, ...cert.sans.ip].join(', ') || 'none'}), ` +
      `valid ${plural(leafDays, 'day')}${capped ? ` at most: ${capped}` : ''}, signed by ${issuer.commonName ?? issuer.subject}.`,
    keyFile === undefined
      ? `Its key is not here: the new key is written to ${basename(targets[1]?.path ?? '')}, replacing any file of that name.`
      : `A new key pair replaces ${basename(keyFile)}: deploy both files together.`,
  ];
  if (note) notes.push(note);
  if (dropped.length > 0) notes.push(`Subject attributes the generator does not write are dropped: ${dropped.join(', ')}.`);
  return { role, directory, certificate: cert, issuer, options, targets, notes };
}
