// Step c: the certificates held to Go's crypto/tls rules. Milvus itself, its Go SDK, birdwatcher and
// milvus-backup all verify with Go, which is stricter than Node/OpenSSL in ways a Node-only test
// would miss: no Common Name fallback (Go >= 1.15), EKU checked on every certificate of the chain,
// and, on the Milvus side in tlsMode 2, clientAuth required in the client certificate's EKU.
//
// The rules themselves are the inspection engine's lint (the same findings the editor and `inspect`
// show); this step only turns them into the connection test's causes and adds what depends on the
// connection: the name the client dials, the chain as presented, the CA file given.
import type { X509Certificate } from 'node:crypto';
import type { CertificateInfo, FindingCode, InspectedCertificate } from '../inspect';
import { daysLeft, DEFAULT_WARN_DAYS, describeCertificate, lintCertificate, sanEntries, sanMatchesName } from '../inspect';
import { causes } from './causes';
import type { StepOutcome } from './stepRunner';
import type { Cause } from './types';

export interface GoRulesInput {
  /** Server chain from the handshake, leaf first; empty when the handshake did not get that far. */
  chain: InspectedCertificate[];
  serverName: string;
  nodeAcceptedName: boolean;
  /** The configured client certificate chain (leaf first), if any. */
  clientChain: InspectedCertificate[];
  /** The configured CA certificates (Milvus usually verifies client certificates with the same ca.pem). */
  caCerts: InspectedCertificate[];
  now: Date;
}

type Whose = 'server' | 'client';

interface Finding {
  cause: Cause;
  severity: 'fail' | 'warn';
}

const MISSING_USAGE: Readonly<Record<Whose, FindingCode>> = {
  server: 'server-eku-missing-serverauth',
  client: 'client-eku-missing-clientauth',
};

function lintCodes(cert: CertificateInfo, whose: Whose, now: Date): Set<FindingCode> {
  return new Set(lintCertificate(cert, { expectedRole: whose, now, warnDays: DEFAULT_WARN_DAYS }).map((finding) => finding.code));
}

function validity(cert: CertificateInfo, codes: Set<FindingCode>, whose: Whose, now: Date): Finding | undefined {
  if (codes.has('cert-not-yet-valid')) return { cause: causes.notYetValid(whose, cert.notBefore.slice(0, 10)), severity: 'fail' };
  if (codes.has('cert-expired')) return { cause: causes.expired(whose, cert.notAfter.slice(0, 10)), severity: 'fail' };
  if (codes.has('cert-expiring')) {
    return { cause: causes.expiring(whose, daysLeft(new Date(cert.notAfter), now), cert.notAfter.slice(0, 10)), severity: 'warn' };
  }
  return undefined;
}

/**
 * The first certificate of the chain whose EKU lacks the usage. Go checks the requested usage on
 * every certificate that has an EKU extension, CAs included, so each is linted in the leaf's role.
 */
function withoutUsage(chain: InspectedCertificate[], whose: Whose, now: Date): CertificateInfo | undefined {
  return chain.map(({ info }) => info).find((cert) => lintCodes(cert, whose, now).has(MISSING_USAGE[whose]));
}

function ekuNames(cert: CertificateInfo): string {
  return (cert.extendedKeyUsage ?? []).join(', ');
}

function serverRules(input: GoRulesInput, leaf: CertificateInfo, findings: Finding[], details: string[]): void {
  const codes = lintCodes(leaf, 'server', input.now);
  // server-no-san also covers a SAN extension without DNS or IP names; Go calls only the extension-less
  // case "relies on legacy Common Name field", the other one a plain name mismatch.
  if (codes.has('server-no-san') && !leaf.hasSanExtension) {
    findings.push({ cause: causes.cnOnly(input.serverName, input.nodeAcceptedName), severity: 'fail' });
    details.push('Server certificate: no subjectAltName (Go ignores the CN).');
  } else if (!sanMatchesName(leaf.sans, input.serverName)) {
    const names = sanEntries(leaf.sans).join(', ');
    findings.push({ cause: causes.hostnameMismatch(input.serverName, names), severity: 'fail' });
    details.push(`Server certificate: no SAN matches "${input.serverName}" (${names}).`);
  } else {
    details.push(`Server certificate: a SAN matches "${input.serverName}".`);
  }
  const badUsage = withoutUsage(input.chain, 'server', input.now);
  if (badUsage) {
    findings.push({ cause: causes.serverWrongUsage(ekuNames(badUsage)), severity: 'fail' });
  } else {
    details.push(
      `Server chain: extended key usage allows serverAuth${leaf.extendedKeyUsage?.length ? '' : ' (no EKU extension: any usage)'}.`,
    );
  }
  const time = validity(leaf, codes, 'server', input.now);
  if (time) findings.push(time);
}

/** Whether `cert` was signed by one of `issuers` (name and signature both checked). */
function issuedByAny(cert: X509Certificate, issuers: X509Certificate[]): boolean {
  return issuers.some((issuer) => {
    try {
      return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
    } catch {
      return false;
    }
  });
}

function clientRules(input: GoRulesInput, leaf: InspectedCertificate, findings: Finding[], details: string[]): void {
  details.push(`Client certificate: ${describeCertificate(leaf.info, input.now)}`);
  const badUsage = withoutUsage(input.clientChain, 'client', input.now);
  if (badUsage) {
    findings.push({ cause: causes.clientWrongUsage(ekuNames(badUsage)), severity: 'fail' });
  } else {
    details.push('Client certificate: extended key usage allows clientAuth.');
  }
  const time = validity(leaf.info, lintCodes(leaf.info, 'client', input.now), 'client', input.now);
  if (time) findings.push(time);
  const issuers = [...input.caCerts, ...input.clientChain.slice(1)].map(({ x509 }) => x509);
  if (input.caCerts.length > 0 && !issuedByAny(leaf.x509, issuers)) {
    // Only a warning: Milvus' tls.caPemPath may legitimately be another CA than the one that signed the server.
    findings.push({ cause: causes.clientNotFromCa(leaf.info.issuer), severity: 'warn' });
  }
}

export function goRulesStep(input: GoRulesInput): StepOutcome {
  const findings: Finding[] = [];
  const details: string[] = [];
  const serverLeaf = input.chain[0];
  const clientLeaf = input.clientChain[0];
  if (serverLeaf) serverRules(input, serverLeaf.info, findings, details);
  else details.push('Server certificate: not received, not checked.');
  if (clientLeaf) clientRules(input, clientLeaf, findings, details);

  const ordered = [...findings.filter((f) => f.severity === 'fail'), ...findings.filter((f) => f.severity === 'warn')];
  const [first, ...rest] = ordered;
  if (!first) {
    return {
      status: 'pass',
      summary: "The certificates meet Go's rules (SAN, key usage, validity), as Milvus and Go clients require.",
      details,
    };
  }
  const status = first.severity;
  const summary =
    status === 'fail'
      ? `Go would reject this setup: ${first.cause.message.split('. ')[0] ?? first.cause.code}.`
      : `The certificates meet Go's rules, with ${ordered.length === 1 ? 'a warning' : 'warnings'}: ${first.cause.message.split('. ')[0] ?? first.cause.code}.`;
  return { status, summary, details, cause: first.cause, ...(rest.length > 0 ? { moreCauses: rest.map((f) => f.cause) } : {}) };
}
