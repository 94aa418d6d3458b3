// The lint, with the rules of the strictest real peer: Go's crypto/tls and crypto/x509, used by the
// Milvus proxy and the Go SDK. Messages quote Go's own error so users can match what they saw.
import { basename } from 'node:path';
import { DAY_MS, daysLeft as daysLeftOf, expiryPhrase, isExpired, isWithinWarning } from './days';
import { plural } from './plural';
import { hasServerName } from './role';
import type { CertificateInfo, Finding, LintOptions, PrivateKeyInfo } from './types';

export const DEFAULT_WARN_DAYS = 30;

const WEAK_HASHES = new Set(['md2', 'md4', 'md5', 'sha1']);

function date(iso: string): string {
  return iso.slice(0, 10);
}

function validityFindings(cert: CertificateInfo, now: Date, warnDays: number): Finding[] {
  const notBefore = new Date(cert.notBefore);
  const notAfter = new Date(cert.notAfter);
  if (now < notBefore) {
    return [
      {
        code: 'cert-not-yet-valid',
        severity: 'error',
        message: `Not valid until ${cert.notBefore.replace('.000Z', 'Z')} (in ${plural(Math.ceil((notBefore.getTime() - now.getTime()) / DAY_MS), 'day')}); Go says "x509: certificate has expired or is not yet valid". Check the clocks, or reissue it with a start date in the past.`,
      },
    ];
  }
  if (isExpired(notAfter, now)) {
    return [
      {
        code: 'cert-expired',
        severity: 'error',
        message: `Expired on ${date(cert.notAfter)} (${expiryPhrase(notAfter, now)}); every client rejects it ("x509: certificate has expired or is not yet valid"). Reissue it from its CA and replace the file.`,
      },
    ];
  }
  if (isWithinWarning(notAfter, now, warnDays)) {
    return [
      {
        code: 'cert-expiring',
        severity: 'warning',
        message: `Expires on ${date(cert.notAfter)}, in ${plural(daysLeftOf(notAfter, now), 'day')}. Reissue it before then and restart the peers that load it.`,
      },
    ];
  }
  return [];
}

/**
 * A leaf valid after its issuer expires stops working that day, while it still looks valid: Go says
 * only "certificate has expired or is not yet valid" (about the CA). Our generator and renew cap leaves
 * at their CA's end; this finds the ones made elsewhere, or before.
 */
export function lintAgainstIssuer(cert: CertificateInfo, issuer: CertificateInfo): Finding[] {
  if (issuer === cert || Date.parse(cert.notAfter) <= Date.parse(issuer.notAfter)) return [];
  return [
    {
      code: 'cert-outlives-ca',
      severity: 'warning',
      message:
        `Valid until ${date(cert.notAfter)}, but its CA (${issuer.commonName ?? issuer.subject}) expires on ${date(issuer.notAfter)}: ` +
        'from that day every client rejects it ("x509: certificate has expired or is not yet valid"). Rotate the CA before then ' +
        '(milvus-tls rotate, or "Rotate CA…"), which reissues it from the new CA.',
    },
  ];
}

function ekuAllows(cert: CertificateInfo, usage: 'serverAuth' | 'clientAuth'): boolean {
  // No EKU extension means any usage, to Go as to OpenSSL; so does an empty one to Go (checkChainForKeyUsage).
  const eku = cert.extendedKeyUsage;
  return eku === undefined || eku.length === 0 || eku.includes(usage) || eku.includes('anyExtendedKeyUsage');
}

function leafFindings(cert: CertificateInfo, role: 'server' | 'client' | 'server+client'): Finding[] {
  const findings: Finding[] = [];
  const eku = (cert.extendedKeyUsage ?? []).join(', ') || 'none';
  if (role !== 'client') {
    if (!hasServerName(cert.sans)) {
      const name = cert.commonName ?? 'the server host name';
      findings.push({
        code: 'server-no-san',
        severity: 'warning',
        message: `No DNS or IP subjectAltName: Go clients (Go SDK, milvus-backup, internal TLS) reject it with "x509: certificate relies on legacy Common Name field, use SANs instead". Reissue it with subjectAltName = DNS:${name} (and IP:... if clients connect by address).`,
      });
    }
    if (!ekuAllows(cert, 'serverAuth')) {
      findings.push({
        code: 'server-eku-missing-serverauth',
        severity: 'error',
        message: `Used as a server certificate, but its extendedKeyUsage (${eku}) lacks serverAuth: clients reject it with "x509: certificate specifies an incompatible key usage". Reissue it with extendedKeyUsage = serverAuth.`,
      });
    }
  }
  if (role !== 'server' && !ekuAllows(cert, 'clientAuth')) {
    findings.push({
      code: 'client-eku-missing-clientauth',
      severity: 'error',
      message: `Used as a client certificate, but its extendedKeyUsage (${eku}) lacks clientAuth: the Milvus proxy in tlsMode 2 rejects it with "x509: certificate specifies an incompatible key usage". Reissue it with extendedKeyUsage = clientAuth.`,
    });
  }
  if (cert.selfIssued && !cert.selfSigned) {
    findings.push({
      code: 'leaf-subject-equals-issuer',
      severity: 'error',
      message: `Its subject equals its issuer's (${cert.subject}), so verifiers take it for a self-signed certificate and fail ("self-signed certificate", "x509: certificate signed by unknown authority"). Reissue it with a subject (CN) different from the CA's.`,
    });
  } else if (cert.selfSigned) {
    findings.push({
      code: 'leaf-subject-equals-issuer',
      severity: 'info',
      message:
        'Self-signed leaf: every peer must trust this exact certificate, and renewing it means redistributing it. Prefer a small CA that issues it.',
    });
  }
  return findings;
}

function caFindings(cert: CertificateInfo, isRoot: boolean): Finding[] {
  const findings: Finding[] = [];
  if (!cert.basicConstraints?.ca) {
    // Go accepts a v1 (extension-less) root, but rejects a v3 CA without CA:TRUE and any v1 intermediate.
    const rejected = cert.version >= 3 || !isRoot;
    findings.push({
      code: 'ca-not-ca',
      severity: rejected ? 'error' : 'warning',
      message: rejected
        ? 'It signs other certificates but lacks basicConstraints CA:TRUE: Go refuses the chain ("x509: invalid signature: parent certificate cannot sign this kind of certificate"). Reissue it with basicConstraints = critical, CA:TRUE.'
        : 'A version 1 root without basicConstraints: Go accepts it, stricter verifiers may not. Regenerate the CA with basicConstraints = critical, CA:TRUE.',
    });
  }
  if (cert.keyUsage === undefined) {
    findings.push({
      code: 'ca-no-keycertsign',
      severity: 'info',
      message:
        'No keyUsage extension: Go and OpenSSL accept it, but RFC 5280 requires keyCertSign on a CA. Add keyUsage = critical, keyCertSign, cRLSign when it is next regenerated.',
    });
  } else if (!cert.keyUsage.includes('keyCertSign')) {
    findings.push({
      code: 'ca-no-keycertsign',
      severity: 'error',
      message: `Its keyUsage (${cert.keyUsage.join(', ') || 'none'}) lacks keyCertSign, so it may not sign certificates: Go fails with "x509: invalid signature: parent certificate cannot sign this kind of certificate". Reissue it with keyUsage = critical, keyCertSign, cRLSign.`,
    });
  }
  return findings;
}

function algorithmFindings(cert: CertificateInfo): Finding[] {
  const findings: Finding[] = [];
  const { algorithm, bits } = cert.publicKey;
  if ((algorithm === 'rsa' || algorithm === 'rsa-pss') && bits !== undefined && bits < 2048) {
    findings.push({
      code: 'rsa-key-too-small',
      severity: bits < 1024 ? 'error' : 'warning',
      message:
        bits < 1024
          ? `RSA ${bits}-bit key: Go (1.24+) refuses keys under 1024 bits outright. Reissue it with an RSA 2048+ or ECDSA P-256 key.`
          : `RSA ${bits}-bit key: OpenSSL at security level 2 (Debian, Ubuntu, RHEL defaults) rejects it ("ee key too small"). Reissue it with an RSA 2048+ or ECDSA P-256 key.`,
    });
  }
  const hash = cert.signatureAlgorithm.hash;
  if (hash !== undefined && WEAK_HASHES.has(hash)) {
    // A root's own signature is never checked (it is trusted as is), so there it is only a warning.
    findings.push({
      code: 'weak-signature',
      severity: cert.selfSigned ? 'warning' : 'error',
      message: cert.selfSigned
        ? `Self-signed with ${cert.signatureAlgorithm.name}: peers do not check a root's own signature, but ${hash.toUpperCase()} marks an outdated CA. Regenerate it with SHA-256.`
        : `Signed with ${cert.signatureAlgorithm.name}: Go rejects it ("x509: cannot verify signature: insecure algorithm"). Reissue it with SHA-256 (openssl -sha256).`,
    });
  }
  return findings;
}

/**
 * Lints one certificate in the role it is used in. The language server calls this for the file a
 * milvus.yaml key points at (tls.serverPemPath -> 'server', tls.caPemPath -> 'ca'...).
 */
export function lintCertificate(cert: CertificateInfo, options: LintOptions = {}): Finding[] {
  const now = options.now ?? new Date();
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  const role = options.expectedRole ?? (cert.role === 'unknown' ? undefined : cert.role);
  const findings = validityFindings(cert, now, warnDays);
  if (role === 'ca') findings.push(...caFindings(cert, options.isRoot ?? cert.selfSigned));
  else if (role !== undefined) findings.push(...leafFindings(cert, role));
  else if (cert.selfIssued && !cert.selfSigned) {
    findings.push(...leafFindings(cert, 'server+client').filter((finding) => finding.code === 'leaf-subject-equals-issuer'));
  }
  findings.push(...algorithmFindings(cert));
  return findings;
}

export interface KeyLintContext {
  /** How many certificates in the set share this key's public key. */
  matchingCertificates: number;
  /** POSIX permission bits, when known. */
  mode: number | undefined;
}

/** Findings for a private key in a workspace: orphaned, readable by others, encrypted. */
export function lintPrivateKey(key: PrivateKeyInfo, context: KeyLintContext): Finding[] {
  const findings: Finding[] = [];
  const name = basename(key.file);
  if (key.encrypted) {
    findings.push({
      code: 'key-encrypted',
      severity: 'warning',
      message: `Encrypted key (not decrypted here, so it cannot be matched to a certificate). Milvus cannot load it: Go's tls.LoadX509KeyPair does not decrypt keys. For Milvus, write a decrypted copy with "openssl pkey -in ${name} -out <new file>" and chmod 600 it.`,
    });
  } else if (context.matchingCertificates === 0) {
    findings.push({
      code: 'key-without-certificate',
      severity: 'warning',
      message: `No certificate here matches this key (${key.publicKey?.description ?? 'unknown type'}): a key/certificate pair mixed up, or a leftover. Milvus fails to start with "tls: private key does not match public key" if paired wrongly; find or reissue its certificate, or delete the key.`,
    });
  }
  if (context.mode !== undefined && (context.mode & 0o077) !== 0) {
    findings.push({
      code: 'key-file-permissions',
      severity: 'warning',
      message: `Private key readable by ${(context.mode & 0o070) !== 0 ? 'its group' : ''}${(context.mode & 0o070) !== 0 && (context.mode & 0o007) !== 0 ? ' and ' : ''}${(context.mode & 0o007) !== 0 ? 'all users' : ''} (mode ${(context.mode & 0o777).toString(8).padStart(3, '0')}). Run "chmod 600 ${name}".`,
    });
  }
  return findings;
}
