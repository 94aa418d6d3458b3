// Step b: the TLS handshake, as Node (and so grpc-js, Attu and the Node SDK) sees it.
//
// "Does the server require a client certificate?" has no API in node:tls (the CertificateRequest is
// encrypted in TLS 1.3 and OpenSSL's client-cert callback is not exposed). So when a client
// certificate is configured, the step first connects *without* it: a server that requires one (Milvus
// tlsMode 2) answers with a "certificate required" alert (or, for Node-based servers, closes), one that
// does not (tlsMode 1) completes. Milvus never requests a certificate optionally, so "required or not"
// is the whole story. Without a configured certificate, the main handshake itself tells.
import type { SecureContext } from 'node:tls';
import type { InspectedCertificate } from '../inspect';
import { describeCertificate, inspectX509, sanEntries } from '../inspect';
import { causes } from './causes';
import type { ClassifyContext } from './classify';
import { classifyTlsError, errorCode, errorText, NOT_TLS_CODES, verifyCause } from './classify';
import { plaintextProbe } from './plaintextProbe';
import type { StepContext, StepOutcome } from './stepRunner';
import { throwIfAborted } from './stepRunner';
import type { HandshakeResult } from './tlsHandshake';
import { tlsHandshake } from './tlsHandshake';
import type { Cause } from './types';

export interface TlsStepInput {
  host: string;
  port: number;
  serverName: string;
  classify: ClassifyContext;
  /** Context with the CA and, when configured, the client certificate. */
  secureContext: SecureContext;
  /** Same without the client certificate; only when one is configured (see above). */
  withoutClientCert?: SecureContext;
  /** The CA certificates given, to recognise a server.pem passed as the CA (and, in mode 2, which one signed the client's). */
  caCerts: InspectedCertificate[];
  /** The client certificate chain given (leaf first), empty without one. */
  clientChain: InspectedCertificate[];
  now: Date;
}

/** What later steps need from the handshake. */
export interface TlsFacts {
  /** The server chain as presented (leaf first), read once by the inspection engine for the later steps. */
  chain: InspectedCertificate[];
  /** Node accepted the name (through a SAN, or through the CN fallback Go does not have). */
  nodeAcceptedName: boolean;
  clientCertRequired: boolean | undefined;
  /** The server answered the HTTP/2 preface with something that is not HTTP/2: gRPC cannot work there. */
  notHttp2Answer?: string;
}

const CERT_REQUIRED = 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED';

function fail(summary: string, cause: Cause, details: string[]): StepOutcome {
  return { status: 'fail', summary, details, cause };
}

/**
 * Describes the handshake and reads its chain into `facts`, once, as soon as it is known. Runs in a
 * socket event handler, so it must not throw: a certificate Node parsed but the inspection engine
 * cannot read ends the chain there (the Go rules then check what came before it).
 */
function describeSecure(result: HandshakeResult, now: Date, details: string[], facts: TlsFacts): void {
  details.push(`Protocol ${result.protocol ?? '?'}, cipher ${result.cipher ?? '?'}, ALPN ${result.alpn ?? 'none'}`);
  if (result.chain.length > 0) details.push('Server certificate chain (leaf first):');
  facts.chain = [];
  for (const [index, cert] of result.chain.entries()) {
    try {
      const inspected = inspectX509(cert, 'server chain', index, now);
      facts.chain.push(inspected);
      details.push(`  ${index + 1}. ${describeCertificate(inspected.info, now)}`);
    } catch (error) {
      details.push(`  ${index + 1}. ${cert.subject.replace(/\n/g, ', ')}: not readable (${errorText(error)}), not checked further.`);
      break;
    }
  }
}

async function handshakeFailure(result: HandshakeResult, input: TlsStepInput, context: StepContext): Promise<StepOutcome> {
  const error = result.error;
  const code = errorCode(error);
  const text = errorText(error);
  // A plaintext server makes OpenSSL read garbage (WRONG_VERSION_NUMBER) or just hangs up on the
  // ClientHello: confirm by talking to it in clear.
  if (NOT_TLS_CODES.has(code ?? '') || code === 'ECONNRESET' || error === undefined) {
    context.phase = 'checking whether the port speaks plaintext';
    const answer = await plaintextProbe(input.host, input.port, context.signal);
    if (answer !== undefined || NOT_TLS_CODES.has(code ?? '')) {
      return fail('The server does not speak TLS on this port.', causes.plaintextServer(context.where, answer ?? text), context.details);
    }
  }
  const cause = classifyTlsError(error, input.classify) ?? causes.handshakeFailed(context.where, text || 'the connection closed');
  return fail(`TLS handshake failed: ${text || 'the connection closed'}.`, cause, context.details);
}

function verificationFailure(result: HandshakeResult, input: TlsStepInput, details: string[], chain: InspectedCertificate[]): StepOutcome {
  const code = result.authorizationError ?? '';
  const leaf = chain[0]?.info;
  let cause: Cause | undefined;
  if (code === 'CERT_HAS_EXPIRED' && leaf) cause = causes.expired('server', leaf.notAfter.slice(0, 10));
  else if (code === 'CERT_NOT_YET_VALID' && leaf) cause = causes.notYetValid('server', leaf.notBefore.slice(0, 10));
  else if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' && leaf) {
    const names = sanEntries(leaf.sans);
    cause = causes.hostnameMismatch(input.serverName, names.length > 0 ? names.join(', ') : `only the CN "${leaf.subject}"`);
  }
  // The trap: server.pem given as the CA. Go and pymilvus accept a leaf as a root, Node does not.
  else if (leaf && input.caCerts.some((ca) => ca.info.fingerprintSha256 === leaf.fingerprintSha256) && !leaf.selfSigned) {
    cause = causes.unknownCa(code, true, true);
  }
  cause ??=
    verifyCause(code, result.authorizationMessage ?? code, input.classify) ??
    causes.handshakeFailed(input.classify.where, result.authorizationMessage ?? code);
  return fail(`Node rejects the server certificate: ${result.authorizationMessage ?? code}.`, cause, details);
}

/**
 * ": it was signed by "X", CA 2 of 2 in the CA file": which CA of the CA file (the proxy's tls.caPemPath,
 * a bundle during a CA rotation) vouches for the client certificate; empty when none of them does.
 */
function acceptingCa(clientLeaf: InspectedCertificate | undefined, caCerts: readonly InspectedCertificate[]): string {
  if (!clientLeaf) return '';
  const index = caCerts.findIndex((ca) => {
    try {
      return clientLeaf.x509.verify(ca.x509.publicKey);
    } catch {
      return false;
    }
  });
  const ca = caCerts[index];
  return ca ? `: it was signed by "${ca.info.commonName ?? ca.info.subject}", CA ${index + 1} of ${caCerts.length} in the CA file` : '';
}

async function probeClientCertRequirement(
  input: TlsStepInput,
  context: StepContext,
  withoutCert: SecureContext,
): Promise<{ required: boolean | undefined; failure?: HandshakeResult }> {
  context.phase = 'TLS handshake without the client certificate (does the server require one?)';
  const probe = await tlsHandshake({
    host: input.host,
    port: input.port,
    serverName: input.serverName,
    secureContext: withoutCert,
    signal: context.signal,
  });
  throwIfAborted(context.signal);
  if (probe.secure && probe.answered) return { required: false };
  // Not an HTTP/2 server: it would never answer the preface, so whether it wants a certificate stays open.
  if (probe.secure && probe.notHttp2) return { required: undefined };
  const code = errorCode(probe.error);
  if (code === CERT_REQUIRED || (probe.secure && code === 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE')) return { required: true };
  // Node-based servers verify in JavaScript and just close; Go and OpenSSL ones send an alert.
  if (probe.secure && probe.closedAfterHandshake) return { required: true };
  return { required: undefined, failure: probe };
}

export async function tlsStep(input: TlsStepInput, context: StepContext, facts: TlsFacts): Promise<StepOutcome> {
  const details = context.details;
  const certSent = input.classify.clientCertSent;
  if (input.withoutClientCert) {
    const probe = await probeClientCertRequirement(input, context, input.withoutClientCert);
    if (probe.failure) {
      if (probe.failure.secure) describeSecure(probe.failure, input.now, details, facts);
      return handshakeFailure(probe.failure, input, context);
    }
    facts.clientCertRequired = probe.required;
  }

  context.phase = 'TLS handshake';
  const result = await tlsHandshake({
    host: input.host,
    port: input.port,
    serverName: input.serverName,
    secureContext: input.secureContext,
    signal: context.signal,
    // Described at once, so that a server that never answers after the handshake (a timeout) still
    // leaves the protocol and the chain in the report.
    onHandshake: (secured) => {
      context.phase = 'waiting for the server to accept the connection after the handshake';
      describeSecure(secured, input.now, details, facts);
    },
  });
  throwIfAborted(context.signal);
  if (!result.secure) return handshakeFailure(result, input, context);
  facts.nodeAcceptedName = result.authorizationError !== 'ERR_TLS_CERT_ALTNAME_INVALID';
  if (result.authorizationError) return verificationFailure(result, input, details, facts.chain);
  details.push(`Node verified the chain and the name "${input.serverName}".`);

  const code = errorCode(result.error);
  if (result.error || result.closedAfterHandshake) {
    if (code === CERT_REQUIRED || (!certSent && (result.closedAfterHandshake || code === 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE'))) {
      facts.clientCertRequired = true;
      details.push('Client certificate: required by the server (mutual TLS, tlsMode 2), none given.');
      return fail('The server requires a client certificate.', causes.clientRequired(), details);
    }
    if (certSent && facts.clientCertRequired !== false) {
      const seen = result.error ? `"${errorText(result.error)}" alert` : 'it closed the connection right after the handshake';
      details.push('Client certificate: sent, and refused by the server.');
      return fail(
        'The server refused the client certificate.',
        causes.clientRejected(seen, 'The Go rules step below says what is wrong with it, when it can tell.'),
        details,
      );
    }
    const cause =
      classifyTlsError(result.error, input.classify) ??
      causes.handshakeFailed(
        context.where,
        result.error ? errorText(result.error) : 'the server closed the connection right after the handshake',
      );
    return fail('The server ended the connection after the handshake.', cause, details);
  }

  if (result.notHttp2) {
    details.push("The server did not choose HTTP/2 (ALPN h2), which every Milvus gRPC port does: this is probably not Milvus's gRPC port.");
  } else {
    if (result.serverPreface === 'invalid') {
      facts.notHttp2Answer = `it answered the HTTP/2 preface with bytes that are not an HTTP/2 SETTINGS frame (${result.serverPrefaceHex ?? '?'})`;
      details.push(`The server chose HTTP/2 (ALPN h2), but ${facts.notHttp2Answer}.`);
    }
    if (facts.clientCertRequired === true) {
      details.push(
        `Client certificate: required by the server (mutual TLS, tlsMode 2), and accepted${acceptingCa(input.clientChain[0], input.caCerts)}.`,
      );
    } else if (certSent) details.push('Client certificate: the server does not require one (tlsMode 1); the one given was not needed.');
    else details.push('Client certificate: none given, and the server does not require one (tlsMode 1).');
  }
  if (result.protocol !== 'TLSv1.3') {
    details.push(`Note: ${result.protocol ?? 'this version'} was negotiated; Milvus tlsMode 2 only accepts TLS 1.3.`);
  }
  return {
    status: 'pass',
    summary: `${result.protocol ?? 'TLS'} handshake OK, server certificate trusted for "${input.serverName}"${facts.clientCertRequired ? ', client certificate accepted' : ''}.`,
    details,
  };
}
