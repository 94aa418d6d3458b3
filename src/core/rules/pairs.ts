/**
 * Checks across files: the key belongs to the certificate ("tls: private key does not match public
 * key"), the server certificate chains to the CA clients are given, the workspace's client
 * certificates chain to tls.caPemPath in mode 2, and internaltls.sni is a SAN (internal clients
 * are Go: no CommonName fallback).
 */
import type { CertificateInfo, PrivateKeyInfo } from '../inspect';
import type { PreparedFile } from '../inspect/workspace';
import { inspectFiles, lintCertificate, sanMatchesName } from '../inspect';
import { readString } from '../config';
import type { RuleContext } from './context';
import { entryInDocument, valueAnchorFor } from './context';
import { referenceRange } from './fileContent';
import type { PathReference } from './pathReferences';
import { displayHostPath } from './pathReferences';
import type { LoadedFile } from '../deployment';
import type { RuleFinding } from './types';

const PAIRS: readonly { cert: string; key: string; ca: string }[] = [
  { cert: 'tls.serverPemPath', key: 'tls.serverKeyPath', ca: 'tls.caPemPath' },
  { cert: 'internaltls.serverPemPath', key: 'internaltls.serverKeyPath', ca: 'internaltls.caPemPath' },
  { cert: 'etcd.ssl.tlsCert', key: 'etcd.ssl.tlsKey', ca: 'etcd.ssl.tlsCACert' },
  { cert: 'kafka.ssl.tlsCert', key: 'kafka.ssl.tlsKey', ca: 'kafka.ssl.tlsCaCert' },
];

function certificatesOf(file: LoadedFile | undefined): CertificateInfo[] {
  return (file?.read?.objects ?? []).filter((object): object is CertificateInfo => object.kind === 'certificate');
}

function keysOf(file: LoadedFile | undefined): PrivateKeyInfo[] {
  return (file?.read?.objects ?? []).filter((object): object is PrivateKeyInfo => object.kind === 'private-key');
}

export function pairRules(ctx: RuleContext, references: readonly PathReference[]): RuleFinding[] {
  const byKey = new Map(references.map((reference) => [reference.slot.key, reference]));
  const findings: RuleFinding[] = [];
  for (const pair of PAIRS) {
    const cert = byKey.get(pair.cert);
    const key = byKey.get(pair.key);
    const ca = byKey.get(pair.ca);
    const leaf = certificatesOf(cert?.file)[0];
    const privateKey = keysOf(key?.file).find((candidate) => !candidate.encrypted);
    if (key && leaf && privateKey?.publicKey && privateKey.publicKey.spkiSha256 !== leaf.publicKey.spkiSha256) {
      findings.push({
        code: 'key-mismatch',
        severity: 'error',
        message: `${pair.key} is not the private key of ${pair.cert} (${leaf.commonName ?? leaf.subject}${leaf.publicKey.description === privateKey.publicKey.description ? '' : `, ${leaf.publicKey.description}; the key is ${privateKey.publicKey.description}`}): Milvus fails with "tls: private key does not match public key". Point both at one pair.`,
        range: referenceRange(ctx, key),
      });
    }
    if (cert && ca && leaf && certificatesOf(ca.file).length > 0 && !signedBy(ctx, cert.file, ca.file)) {
      findings.push({
        code: 'server-not-signed-by-ca',
        severity: 'warning',
        message: `${pair.cert} (${leaf.commonName ?? leaf.subject}) is not signed by ${pair.ca}: clients that trust that CA reject the server ("x509: certificate signed by unknown authority"). Reissue the certificate from this CA, or use its real CA.`,
        range: referenceRange(ctx, cert),
      });
    }
  }
  findings.push(...clientCertificateRules(ctx, byKey.get('tls.caPemPath')), ...sniRule(ctx, byKey.get('internaltls.serverPemPath')));
  return findings;
}

function inputOf(file: LoadedFile): PreparedFile | undefined {
  return file.read && file.x509ById ? { path: file.path, read: { result: file.read, x509ById: new Map(file.x509ById) } } : undefined;
}

/** Whether the first certificate of `leafFile` verifiably chains to a certificate in `caFile`. */
function signedBy(ctx: RuleContext, leafFile: LoadedFile | undefined, caFile: LoadedFile | undefined): boolean {
  if (!leafFile || !caFile) return true;
  return ctx.cache.derive([leafFile, caFile], 'signed-by', () => verifyChain(leafFile, caFile));
}

function verifyChain(leafFile: LoadedFile, caFile: LoadedFile): boolean {
  const leafInput = inputOf(leafFile);
  const caInput = inputOf(caFile);
  if (!leafInput || !caInput) return true;
  if (leafFile.path === caFile.path) return true;
  const inspection = inspectFiles([caInput, leafInput]);
  const caIds = new Set(inspection.certificates.filter((cert) => cert.file === caFile.path).map((cert) => cert.id));
  const leaf = inspection.certificates.find((cert) => cert.file === leafFile.path && cert.indexInFile === 0);
  // Walk up: the leaf may be issued by an intermediate bundled with it.
  const byId = new Map(inspection.certificates.map((cert) => [cert.id, cert]));
  for (let current = leaf, steps = 0; current && steps < 8; steps++) {
    if (caIds.has(current.id)) return true;
    if (current.issuerId === undefined || current.issuerId === current.id) return false;
    current = byId.get(current.issuerId);
  }
  return false;
}

/** Mode 2: the workspace's client certificates must chain to tls.caPemPath and allow clientAuth. */
function clientCertificateRules(ctx: RuleContext, ca: PathReference | undefined): RuleFinding[] {
  if (ctx.tlsMode.mode !== 2 || !ca?.file || certificatesOf(ca.file).length === 0) return [];
  const clients = ctx.clientCertificates.filter((file) => certificatesOf(file).length > 0);
  if (clients.length === 0) return [];
  const strangers = clients.filter((client) => !signedBy(ctx, client, ca.file));
  const findings: RuleFinding[] = [];
  // Signed by the CA but without clientAuth: Go's RequireAndVerifyClientCert still refuses them.
  for (const client of clients.filter((file) => !strangers.includes(file))) {
    const certificate = certificatesOf(client)[0];
    if (!certificate) continue;
    for (const finding of lintCertificate(certificate, { expectedRole: 'client', now: ctx.now, warnDays: ctx.warnDays })) {
      if (finding.code !== 'client-eku-missing-clientauth') continue;
      findings.push({
        code: finding.code,
        severity: 'warning',
        message: `tlsMode 2, client certificate ${displayHostPath(ctx, client.path)}: ${finding.message}`,
        range: referenceRange(ctx, ca),
      });
    }
  }
  if (strangers.length === 0) return findings;
  const names = strangers.map((file) => displayHostPath(ctx, file.path)).join(', ');
  return [
    ...findings,
    {
      code: 'client-not-signed-by-ca',
      severity: strangers.length === clients.length ? 'warning' : 'information',
      message: `tlsMode 2: ${names} ${strangers.length === 1 ? 'is' : 'are'} not signed by tls.caPemPath, so Milvus rejects ${strangers.length === 1 ? 'it' : 'them'} ("tls: bad certificate" on the client). Issue client certificates from this CA.`,
      range: referenceRange(ctx, ca),
    },
  ];
}

function sniRule(ctx: RuleContext, server: PathReference | undefined): RuleFinding[] {
  const certificate = certificatesOf(server?.file)[0];
  if (!server || !certificate) return [];
  const sni = readString(ctx.effective, 'internaltls.sni').value.trim();
  if (sni === '' || sanMatchesName(certificate.sans, sni)) return [];
  const sans = [...certificate.sans.dns, ...certificate.sans.ip].join(', ') || 'none';
  return [
    {
      code: 'internal-tls-sni-not-in-san',
      severity: 'error',
      message: `internaltls.sni "${sni}" is not a subjectAltName of internaltls.serverPemPath (SANs: ${sans}): the components' Go clients refuse each other ("x509: certificate is valid for …, not ${sni}"). Set sni to one of the SANs or reissue the certificate with DNS:${sni}.`,
      range: entryInDocument(ctx, 'internaltls.sni') ? valueAnchorFor(ctx, 'internaltls.sni') : referenceRange(ctx, server),
      data: { fix: 'set-value', key: 'internaltls.sni', values: certificate.sans.dns.filter((dns) => !dns.startsWith('*')).slice(0, 3) },
    },
  ];
}
