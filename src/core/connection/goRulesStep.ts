// Step c: the certificates held to Go's crypto/tls rules. Milvus itself, its Go SDK, birdwatcher and
// milvus-backup all verify with Go, which is stricter than Node/OpenSSL in ways a Node-only test
// would miss: no Common Name fallback (Go >= 1.15), EKU checked on every certificate of the chain,
// and, on the Milvus side in tlsMode 2, clientAuth required in the client certificate's EKU.
import type { X509Certificate } from 'node:crypto';
import { causes } from './causes';
import {
  allowsUsage, daysLeft, describeCertificate, EKU, ekuNames, extendedKeyUsage, hasSanExtension, isoDate, issuedByAny,
  oneLineName, sanMatches, subjectAltNames,
} from './certificates';
import type { StepOutcome } from './stepRunner';
import type { Cause } from './types';

/** Warn this many days before a certificate expires. */
export const EXPIRY_WARN_DAYS = 30;

export interface GoRulesInput {
  /** Server chain from the handshake, leaf first; empty when the handshake did not get that far. */
  chain: X509Certificate[];
  serverName: string;
  nodeAcceptedName: boolean;
  /** The configured client certificate chain (leaf first), if any. */
  clientChain: X509Certificate[];
  /** The configured CA certificates (Milvus usually verifies client certificates with the same ca.pem). */
  caCerts: X509Certificate[];
  now: Date;
}

interface Finding {
  cause: Cause;
  severity: 'fail' | 'warn';
}

function validity(cert: X509Certificate, whose: 'server' | 'client', now: Date): Finding | undefined {
  if (now < new Date(cert.validFrom)) return { cause: causes.notYetValid(whose, isoDate(cert.validFrom)), severity: 'fail' };
  const days = daysLeft(cert, now);
  if (now > new Date(cert.validTo)) return { cause: causes.expired(whose, isoDate(cert.validTo)), severity: 'fail' };
  if (days < EXPIRY_WARN_DAYS) return { cause: causes.expiring(whose, days, isoDate(cert.validTo)), severity: 'warn' };
  return undefined;
}

function serverRules(input: GoRulesInput, leaf: X509Certificate, findings: Finding[], details: string[]): void {
  if (!hasSanExtension(leaf)) {
    findings.push({ cause: causes.cnOnly(input.serverName, input.nodeAcceptedName), severity: 'fail' });
    details.push('Server certificate: no subjectAltName (Go ignores the CN).');
  } else if (!sanMatches(leaf, input.serverName)) {
    const names = subjectAltNames(leaf).join(', ');
    findings.push({ cause: causes.hostnameMismatch(input.serverName, names), severity: 'fail' });
    details.push(`Server certificate: no SAN matches "${input.serverName}" (${names}).`);
  } else {
    details.push(`Server certificate: a SAN matches "${input.serverName}".`);
  }
  // Go checks the requested usage against every certificate in the chain that has an EKU extension.
  const badUsage = input.chain.find((cert) => !allowsUsage(cert, EKU.serverAuth));
  if (badUsage) {
    findings.push({ cause: causes.serverWrongUsage(ekuNames(extendedKeyUsage(badUsage) ?? [])), severity: 'fail' });
  } else {
    details.push(`Server chain: extended key usage allows serverAuth${extendedKeyUsage(leaf) ? '' : ' (no EKU extension: any usage)'}.`);
  }
  const time = validity(leaf, 'server', input.now);
  if (time) findings.push(time);
}

function clientRules(input: GoRulesInput, leaf: X509Certificate, findings: Finding[], details: string[]): void {
  details.push(`Client certificate: ${describeCertificate(leaf, input.now)}`);
  const badUsage = input.clientChain.find((cert) => !allowsUsage(cert, EKU.clientAuth));
  if (badUsage) {
    findings.push({ cause: causes.clientWrongUsage(ekuNames(extendedKeyUsage(badUsage) ?? [])), severity: 'fail' });
  } else {
    details.push('Client certificate: extended key usage allows clientAuth.');
  }
  const time = validity(leaf, 'client', input.now);
  if (time) findings.push(time);
  if (input.caCerts.length > 0 && !issuedByAny(leaf, [...input.caCerts, ...input.clientChain.slice(1)])) {
    // Only a warning: Milvus' tls.caPemPath may legitimately be another CA than the one that signed the server.
    findings.push({ cause: causes.clientNotFromCa(oneLineName(leaf.issuer)), severity: 'warn' });
  }
}

export function goRulesStep(input: GoRulesInput): StepOutcome {
  const findings: Finding[] = [];
  const details: string[] = [];
  const serverLeaf = input.chain[0];
  const clientLeaf = input.clientChain[0];
  if (serverLeaf) serverRules(input, serverLeaf, findings, details);
  else details.push('Server certificate: not received, not checked.');
  if (clientLeaf) clientRules(input, clientLeaf, findings, details);

  const ordered = [...findings.filter((f) => f.severity === 'fail'), ...findings.filter((f) => f.severity === 'warn')];
  const [first, ...rest] = ordered;
  if (!first) {
    return { status: 'pass', summary: 'The certificates meet Go\'s rules (SAN, key usage, validity), as Milvus and Go clients require.', details };
  }
  const status = first.severity;
  const summary = status === 'fail'
    ? `Go would reject this setup: ${first.cause.message.split('. ')[0] ?? first.cause.code}.`
    : `The certificates meet Go's rules, with ${ordered.length === 1 ? 'a warning' : 'warnings'}: ${first.cause.message.split('. ')[0] ?? first.cause.code}.`;
  return { status, summary, details, cause: first.cause, ...(rest.length > 0 ? { moreCauses: rest.map((f) => f.cause) } : {}) };
}
