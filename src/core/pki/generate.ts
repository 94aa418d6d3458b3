// Produces the docs' nine files in memory: a CA, a server and a client certificate, their keys and
// CSRs, and openssl's serial file. Nothing touches the disk here; writeSet.ts does that atomically.
import { loadIssuer, type Issuer } from './authority';
import { createCertificationRequest, issueCertificate, randomSerialNumber, serialFileContents, toPem } from './certificate';
import { distinguishedNameDer } from './distinguishedName';
import { CertificateAuthorityError, InvalidOptionsError, throwIfAborted } from './errors';
import { keyIdentifierOf } from './extensions';
import { generateKey, keyMatchesType, privateKeyPem, spkiDer, type KeyPair } from './keys';
import { generateSetKeys, type CertificateSetKeys } from './keyPregeneration';
import { caExtensions, leafCertificateExtensions, leafRequestExtensions, type LeafRole } from './profile';
import { CERTIFICATE_SET_FILES, type CertificateSetOptions, type GeneratedFile } from './types';
import { validateCertificateSetOptions } from './validate';
import { preloadForgeAsn1 } from '../x509/forgeAsn1';

/** Backdating notBefore absorbs clock skew between the machine that generates and the ones that verify. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A leaf's notAfter: `leafDays` from now, but never after its CA's notAfter. A leaf that outlives its
 * CA stops working the day the CA expires, and Go then says only "certificate has expired or is not
 * yet valid"; so every leaf we issue is capped, and capLeafNote says so.
 */
export function leafNotAfter(now: Date, leafDays: number, issuerNotAfter: Date): Date {
  return new Date(Math.min(now.getTime() + leafDays * DAY_MS, issuerNotAfter.getTime()));
}

/** The sentence a front prints when leafNotAfter capped the lifetime asked for; undefined when it did not. */
export function capLeafNote(now: Date, leafDays: number, issuerNotAfter: Date): string | undefined {
  if (now.getTime() + leafDays * DAY_MS <= issuerNotAfter.getTime()) return undefined;
  return `the ${leafDays} days asked for would outlive the CA, so the certificates end with it on ${issuerNotAfter.toISOString().slice(0, 10)}`;
}

/** With an existing CA, its name and lifetime are not the caller's to choose: problems with them are dropped. */
function assertValidOptions(options: CertificateSetOptions, existingCa = false): void {
  const checked = existingCa ? { ...options, caDays: Math.max(options.caDays, options.leafDays) } : options;
  const problems = validateCertificateSetOptions(checked).filter((problem) => !existingCa || !problem.startsWith('CA '));
  if (problems.length > 0) throw new InvalidOptionsError(problems);
}

function sortByFileName(files: GeneratedFile[]): GeneratedFile[] {
  return files.sort((a, b) => CERTIFICATE_SET_FILES.indexOf(a.name) - CERTIFICATE_SET_FILES.indexOf(b.name));
}

async function issueLeaf(
  role: LeafRole,
  leaf: KeyPair,
  issuer: Issuer,
  options: CertificateSetOptions,
  now: Date,
): Promise<{ files: GeneratedFile[]; serialNumber: Buffer }> {
  const commonName = role === 'server' ? options.serverCommonName : options.clientCommonName;
  const sans = role === 'server' ? options.serverSans : [];
  const subjectNameDer = distinguishedNameDer({ ...options.subject, commonName });
  if (subjectNameDer.equals(issuer.nameDer)) {
    // A leaf named exactly like its issuer looks self-issued, and verifiers stop building the chain.
    throw new CertificateAuthorityError(`the ${role} certificate's subject would equal the CA's; choose a different ${role} common name`);
  }
  const serialNumber = randomSerialNumber();
  const [csr, certificate] = await Promise.all([
    createCertificationRequest(subjectNameDer, leaf, leafRequestExtensions(role, leaf.publicKey, sans)),
    issueCertificate({
      serialNumber,
      issuerNameDer: issuer.nameDer,
      issuerKey: issuer.privateKey,
      subjectNameDer,
      subjectPublicKey: leaf.publicKey,
      notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
      notAfter: leafNotAfter(now, options.leafDays, issuer.notAfter),
      extensions: leafCertificateExtensions(role, leaf.publicKey, sans, keyIdentifierOf(spkiDer(leaf.publicKey)), issuer.keyIdentifier),
    }),
  ]);
  return {
    serialNumber,
    files: [
      { name: `${role}.key`, contents: privateKeyPem(leaf.privateKey), isPrivateKey: true },
      { name: `${role}.csr`, contents: toPem('CERTIFICATE REQUEST', csr), isPrivateKey: false },
      { name: `${role}.pem`, contents: toPem('CERTIFICATE', certificate), isPrivateKey: false },
    ],
  };
}

/** Issues the requested leaves and the ca.srl that records the last serial, as openssl would leave it. */
async function issueLeaves(
  keys: Partial<Record<LeafRole, KeyPair>>,
  issuer: Issuer,
  options: CertificateSetOptions,
  now: Date,
): Promise<GeneratedFile[]> {
  // Signed side by side: node's sign() runs on the thread pool.
  const leaves = await Promise.all(
    (['server', 'client'] as const).flatMap((role) => {
      const key = keys[role];
      return key ? [issueLeaf(role, key, issuer, options, now)] : [];
    }),
  );
  const files = leaves.flatMap((leaf) => leaf.files);
  const lastSerial = leaves.at(-1)?.serialNumber;
  if (lastSerial) files.push({ name: 'ca.srl', contents: serialFileContents(lastSerial), isPrivateKey: false });
  return files;
}

/** The new CA as an issuer (all a leaf needs of it), and its self-signed certificate, signed meanwhile. */
function selfSignedCa(caKey: KeyPair, options: CertificateSetOptions, now: Date): { issuer: Issuer; pem: Promise<string> } {
  const nameDer = distinguishedNameDer({ ...options.subject, commonName: options.caCommonName });
  const keyIdentifier = keyIdentifierOf(spkiDer(caKey.publicKey));
  const notAfter = new Date(now.getTime() + options.caDays * DAY_MS);
  const der = issueCertificate({
    serialNumber: randomSerialNumber(),
    issuerNameDer: nameDer,
    issuerKey: caKey.privateKey,
    subjectNameDer: nameDer,
    subjectPublicKey: caKey.publicKey,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter,
    extensions: caExtensions(keyIdentifier),
  });
  return {
    issuer: { nameDer, privateKey: caKey.privateKey, keyIdentifier, notAfter },
    pem: der.then((signed) => toPem('CERTIFICATE', signed)),
  };
}

/** Keys made earlier (keyPregeneration.ts) must be what the options ask for: a mix-up would go unnoticed. */
function assertKeysMatch(keys: KeyPair[], options: CertificateSetOptions): void {
  if (!keys.every((key) => keyMatchesType(key.privateKey, options.keyType))) {
    throw new InvalidOptionsError([`the keys made in advance are not ${options.keyType} keys`]);
  }
}

/**
 * Generates the nine files of the docs' gen.sh (ca.key ca.pem ca.srl server.key server.csr server.pem
 * client.key client.csr client.pem), in that order. The three keys are generated in parallel, unless
 * `premadeKeys` brings them (made while the user answered questions); then this only signs.
 * Throws InvalidOptionsError listing every problem with the options.
 */
export async function generateCertificateSet(
  options: CertificateSetOptions,
  signal?: AbortSignal,
  premadeKeys?: Promise<CertificateSetKeys>,
): Promise<GeneratedFile[]> {
  assertValidOptions(options);
  throwIfAborted(signal);
  const keys = premadeKeys ?? generateSetKeys(options.keyType);
  // The keys are made on other threads; the ASN.1 codec that signs with them loads meanwhile.
  preloadForgeAsn1();
  const { ca: caKey, server: serverKey, client: clientKey } = await keys;
  assertKeysMatch([caKey, serverKey, clientKey], options);
  throwIfAborted(signal);
  const now = new Date();
  // The leaves need the CA's name and key, not its certificate: all five signatures are made side by side.
  const ca = selfSignedCa(caKey, options, now);
  const [caPem, leaves] = await Promise.all([ca.pem, issueLeaves({ server: serverKey, client: clientKey }, ca.issuer, options, now)]);
  throwIfAborted(signal);
  return sortByFileName([
    { name: 'ca.key', contents: privateKeyPem(caKey.privateKey), isPrivateKey: true },
    { name: 'ca.pem', contents: caPem, isPrivateKey: false },
    ...leaves,
  ]);
}

/**
 * Issues new server and/or client key + CSR + certificate (and ca.srl) from an existing CA, which
 * stays untouched. The leaves end with the CA at the latest (leafNotAfter; capLeafNote says so).
 * Throws CertificateAuthorityError when ca.pem is not a CA, is not valid now, or does not belong to
 * ca.key; InvalidOptionsError for bad options (the CA fields of the options are not used).
 * `premadeKeys` as for generateCertificateSet.
 */
export async function reissueLeaves(
  ca: { certificatePem: string; privateKeyPem: string },
  options: CertificateSetOptions,
  which: { server: boolean; client: boolean },
  signal?: AbortSignal,
  premadeKeys?: Promise<CertificateSetKeys>,
): Promise<GeneratedFile[]> {
  // Only the leaves are checked here; the real CA is checked below (its key, its expiry, its subject).
  assertValidOptions(options, true);
  if (!which.server && !which.client) throw new InvalidOptionsError(['nothing to reissue: choose server, client or both']);
  const now = new Date();
  const issuer = loadIssuer(ca, now);
  throwIfAborted(signal);
  const roles = (['server', 'client'] as const).filter((role) => which[role]);
  // Premade keys include a CA key, which the existing CA makes unnecessary: it is dropped.
  const premade = await premadeKeys;
  const keyPairs = await Promise.all(roles.map(async (role) => [role, premade?.[role] ?? (await generateKey(options.keyType))] as const));
  assertKeysMatch(
    keyPairs.map(([, key]) => key),
    options,
  );
  throwIfAborted(signal);
  const keys: Partial<Record<LeafRole, KeyPair>> = Object.fromEntries(keyPairs);
  return sortByFileName(await issueLeaves(keys, issuer, options, now));
}

/** What a new CA on its own is made from (CA rotation: the next CA beside the current one). */
export interface CertificateAuthorityOptions {
  keyType: CertificateSetOptions['keyType'];
  subject: CertificateSetOptions['subject'];
  commonName: string;
  days: number;
}

/** A new self-signed CA (certificate and PKCS#8 key, PEM), with the profile of generateCertificateSet's CA. */
export async function generateCertificateAuthority(
  options: CertificateAuthorityOptions,
  signal?: AbortSignal,
): Promise<{ certificatePem: string; privateKeyPem: string }> {
  const problems = validateCertificateSetOptions(defaultsForCa(options)).filter(
    (problem) => problem.startsWith('CA ') || problem.startsWith('key'),
  );
  if (problems.length > 0) throw new InvalidOptionsError(problems);
  throwIfAborted(signal);
  const key = await generateKey(options.keyType);
  throwIfAborted(signal);
  const ca = selfSignedCa(key, defaultsForCa(options), new Date());
  return { certificatePem: await ca.pem, privateKeyPem: privateKeyPem(key.privateKey) };
}

/** CA options as a set's options, so one validator and one CA profile serve both. */
function defaultsForCa(options: CertificateAuthorityOptions): CertificateSetOptions {
  return {
    keyType: options.keyType,
    subject: options.subject,
    caCommonName: options.commonName,
    caDays: options.days,
    serverCommonName: 'unused-server',
    serverSans: ['localhost'],
    clientCommonName: 'unused-client',
    leafDays: 1,
  };
}
