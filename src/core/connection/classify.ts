// Node/OpenSSL error codes turned into causes. One table for the TLS step, the gRPC step and the REST
// step, so the same failure gets the same words wherever it shows up.
import type { PortRole } from './causes';
import { causes } from './causes';
import type { Cause } from './types';

export interface ClassifyContext {
  where: string;
  host: string;
  /** The name the certificate must match (SNI / ssl_target_name_override). */
  serverName: string;
  role: PortRole;
  caGiven: boolean;
  /** A client certificate was configured (so a rejection is about it). */
  clientCertSent: boolean;
  maxTlsVersion: 'TLSv1.2' | 'TLSv1.3';
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // OpenSSL messages carry a "80CC…:error:0A00010B:SSL routines:…:file.c:350:" prefix; keep the words.
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(text);
  return (openssl?.[1] ?? text).trim();
}

/** TCP-level failures, or undefined when the error is not one. */
export function classifyNetworkError(error: unknown, context: ClassifyContext): Cause | undefined {
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return causes.connectionRefused(context.where, context.role);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return causes.hostNotFound(context.host);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return causes.hostUnreachable(context.where, code);
    case 'ETIMEDOUT':
      return causes.timeout(context.where, 'TCP connect');
    default:
      return undefined;
  }
}

// Alerts the server sends about the client's certificate: Go sends bad_certificate (EKU, expiry),
// unknown_ca (wrong CA) or certificate_expired; OpenSSL may send unsupported_certificate for the EKU.
const CLIENT_CERT_ALERTS = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
]);

/** Codes that mean "the bytes that came back were not TLS". */
export const NOT_TLS_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_RECORD_LAYER_FAILURE',
]);

/** Handshake-time (or TLS 1.3 post-handshake) alerts and errors. */
export function classifyTlsError(error: unknown, context: ClassifyContext): Cause | undefined {
  const code = errorCode(error) ?? '';
  const text = errorText(error);
  if (NOT_TLS_CODES.has(code)) return causes.plaintextServer(context.where, text);
  if (code === 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' || code === 'ERR_SSL_UNSUPPORTED_PROTOCOL') {
    return context.maxTlsVersion !== 'TLSv1.3'
      ? causes.tlsVersionTooOld(`TLS up to ${context.maxTlsVersion.replace('TLSv', '')}`)
      : causes.handshakeFailed(context.where, `${text}: the client and the server share no TLS version`);
  }
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED') return causes.clientRequired();
  if (CLIENT_CERT_ALERTS.has(code)) {
    if (!context.clientCertSent && code === 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE') return causes.clientRequired();
    return causes.clientRejected(`"${text}" alert`, '');
  }
  // https reports some alerts as a bare EPROTO: fall back to the words.
  return verifyCause(code, text, context) ?? classifyNetworkError(error, context) ?? classifyByText(text, context);
}

/** Node's certificate verification verdicts (tls authorizationError and https errors). */
export function verifyCause(code: string, text: string, context: ClassifyContext): Cause | undefined {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_UNTRUSTED':
    case 'CERT_SIGNATURE_FAILURE':
      return causes.unknownCa(code, context.caGiven);
    case 'CERT_HAS_EXPIRED':
      return causes.expired('server');
    case 'CERT_NOT_YET_VALID':
      return causes.notYetValid('server');
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return causes.hostnameMismatch(context.serverName, /cert's list: (.*)$/.exec(text)?.[1] ?? '');
    default:
      return undefined;
  }
}

/** For errors read from text only (grpc-js folds the TLS error into the status details). */
export function classifyByText(text: string, context: ClassifyContext): Cause | undefined {
  const rules: [RegExp, () => Cause][] = [
    [/wrong version number|packet length too long|not an ssl record/i, () => causes.plaintextServer(context.where, text)],
    [/self[- ]signed|unable to get (local )?issuer|unable to verify the first certificate/i, () => causes.unknownCa(text, context.caGiven)],
    [/certificate has expired/i, () => causes.expired('server')],
    [/Hostname\/IP does not match|is not in (the )?(cert's list|peer certificate)/i, () => causes.hostnameMismatch(context.serverName, '')],
    [/certificate required/i, () => causes.clientRequired()],
    [/bad certificate|unknown ca|unsupported certificate/i, () => causes.clientRejected(text, '')],
    [/protocol version/i, () => causes.tlsVersionTooOld(`TLS up to ${context.maxTlsVersion.replace('TLSv', '')}`)],
    [/ECONNREFUSED/, () => causes.connectionRefused(context.where, context.role)],
    [/ENOTFOUND|EAI_AGAIN/, () => causes.hostNotFound(context.host)],
  ];
  for (const [pattern, make] of rules) if (pattern.test(text)) return make();
  return undefined;
}
