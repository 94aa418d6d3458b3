// The diagnosis texts in one place: every failure names its cause and the fix, with the Milvus key
// to change when there is one. Texts quote the errors users actually see (facts file §4).
import type { Cause, ConfigKey } from './types';
import { plural } from '../inspect/plural';

/** Which listener a network problem is about: it decides the config key and the wording. */
export type PortRole = 'grpc' | 'rest';

function portKey(role: PortRole): ConfigKey {
  return role === 'grpc' ? 'proxy.port' : 'proxy.http.port';
}

function portName(role: PortRole): string {
  return role === 'grpc' ? 'the Milvus gRPC port (proxy.port, 19530 by default)' : 'the Milvus REST port (proxy.http.port)';
}

export const causes = {
  connectionRefused: (where: string, role: PortRole): Cause => ({
    code: 'connection-refused',
    message: `Nothing listens on ${where}: the connection was refused.`,
    fix:
      `Start Milvus, check that ${where} is ${portName(role)} and that docker-compose publishes it (ports: "${where.split(':').pop() ?? ''}:${where.split(':').pop() ?? ''}").` +
      (role === 'rest' ? ' With TLS on, REST only exists when proxy.http.port is set and proxy.http.enabled is true.' : ''),
    configKey: portKey(role),
  }),
  timeout: (where: string, phase: string, timeoutMs?: number): Cause => ({
    code: 'timeout',
    message: `No answer from ${where}${timeoutMs ? ` within ${timeoutMs} ms` : ''} (${phase}).`,
    fix: 'Check the address and port, firewalls and security groups; a port that accepts TCP but never answers is often a wrong port, a stopped container behind a proxy, or a load balancer without a healthy backend.',
  }),
  hostNotFound: (host: string): Cause => ({
    code: 'host-not-found',
    message: `The host name "${host}" does not resolve.`,
    fix: "Check the spelling, or use the IP address and pass the certificate's DNS name as the server name.",
  }),
  hostUnreachable: (where: string, text: string): Cause => ({
    code: 'host-unreachable',
    message: `${where} cannot be reached: ${text}.`,
    fix: 'Check the network route, VPN and the address.',
  }),
  networkError: (where: string, text: string): Cause => ({
    code: 'network-error',
    message: `The connection to ${where} failed: ${text}.`,
    fix: 'Check the address and that Milvus is running.',
  }),
  plaintextServer: (where: string, seen: string): Cause => ({
    code: 'plaintext-server',
    message: `The server on ${where} answered in plaintext, not TLS (${seen}). The Milvus clients report this as "WRONG_VERSION_NUMBER" or "not an SSL record".`,
    fix: 'TLS is off on the server: common.security.tlsMode is probably 0, or the milvus.yaml that sets it is not mounted into the container (/milvus/configs/milvus.yaml or user.yaml). Also check that this is not the metrics port 9091, which never uses TLS.',
    configKey: 'common.security.tlsMode',
  }),
  handshakeFailed: (where: string, text: string): Cause => ({
    code: 'tls-handshake-failed',
    message: `The TLS handshake with ${where} failed: ${text}.`,
    fix: 'Check that the port is the Milvus port with TLS on and that the certificate files are the ones the server uses.',
  }),
  tlsVersionTooOld: (offered: string): Cause => ({
    code: 'tls-version-too-old',
    message: `The server refused ${offered} with a "protocol version" alert: it requires TLS 1.3, as Milvus does in tlsMode 2 (MinVersion TLS 1.3).`,
    fix: 'Use a client that speaks TLS 1.3 (OpenSSL 1.1.1+, Java 11+, any current SDK), or use tlsMode 1 if mutual TLS is not required.',
    configKey: 'common.security.tlsMode',
  }),
  unknownCa: (detail: string, caGiven: boolean, leafGivenAsCa = false): Cause => ({
    code: 'unknown-ca',
    message: leafGivenAsCa
      ? `The "CA" given is the server certificate itself, which is signed by another CA (${detail}). Go and pymilvus accept a server.pem as root; Node (Attu, the Node SDK) does not: "unable to get issuer certificate".`
      : `The server certificate is not signed by a CA this client trusts (${detail}). Go clients say "x509: certificate signed by unknown authority", pymilvus "CERTIFICATE_VERIFY_FAILED", Node "self signed certificate in certificate chain" or "unable to get issuer certificate".`,
    fix: leafGivenAsCa
      ? 'Pass the ca.pem that issued the server certificate instead of server.pem.'
      : caGiven
        ? 'The CA given is not the one that signed the server certificate: pass the ca.pem that issued tls.serverPemPath (not server.pem, unless it is self-signed), or put the full chain in server.pem.'
        : 'Pass the CA that signed the server certificate (--ca ca.pem); without it only the system roots are trusted.',
    configKey: 'tls.serverPemPath',
  }),
  hostnameMismatch: (serverName: string, names: string): Cause => ({
    code: 'hostname-mismatch',
    message: `The server certificate is not valid for "${serverName}"${names ? ` (it names ${names})` : ''}. Go says "x509: certificate is valid for …, not ${serverName}" (or "doesn't contain any IP SANs"), gRPC "Peer name ${serverName} is not in peer certificate".`,
    fix: `Connect with a name the certificate holds (server name / ssl_target_name_override), or reissue the server certificate with a SAN for "${serverName}" (DNS: for names, IP: for addresses).`,
    configKey: 'tls.serverPemPath',
  }),
  cnOnly: (serverName: string, nodeAccepted: boolean): Cause => ({
    code: 'cn-only-certificate',
    message: `The server certificate has no subjectAltName, only a Common Name.${nodeAccepted ? ' Node accepted it,' : ''} Go clients (Go SDK, birdwatcher, milvus-backup) and Milvus internal TLS will reject it: "x509: certificate relies on legacy Common Name field, use SANs instead".`,
    fix: `Reissue the server certificate with subjectAltName = DNS:${serverName} (and IP: entries for addresses you connect by).`,
    configKey: 'tls.serverPemPath',
  }),
  expired: (whose: 'server' | 'client', notAfter?: string): Cause => ({
    code: 'certificate-expired',
    message: `The ${whose} certificate has expired${notAfter ? ` (not after ${notAfter})` : ''}. Go says "x509: certificate has expired or is not yet valid", Node "certificate has expired".`,
    fix: `Renew the ${whose} certificate${whose === 'server' ? ' (tls.serverPemPath) and restart Milvus' : ''}.`,
    ...(whose === 'server' ? { configKey: 'tls.serverPemPath' as const } : {}),
  }),
  notYetValid: (whose: 'server' | 'client', notBefore?: string): Cause => ({
    code: 'certificate-not-yet-valid',
    message: `The ${whose} certificate is not valid yet${notBefore ? ` (not before ${notBefore})` : ''}.`,
    fix: 'Check the clocks of the machine that made the certificate and of this one, or wait until it becomes valid.',
    ...(whose === 'server' ? { configKey: 'tls.serverPemPath' as const } : {}),
  }),
  expiring: (whose: 'server' | 'client', days: number, notAfter: string): Cause => ({
    code: 'certificate-expiring',
    message: `The ${whose} certificate expires ${days === 0 ? 'today' : `in ${plural(days, 'day')}`} (${notAfter}).`,
    fix: `Renew the ${whose} certificate before then.`,
    ...(whose === 'server' ? { configKey: 'tls.serverPemPath' as const } : {}),
  }),
  serverWrongUsage: (ekus: string): Cause => ({
    code: 'server-certificate-wrong-usage',
    message: `The server certificate's extended key usage (${ekus}) does not allow serverAuth. Go clients reject it: "x509: certificate specifies an incompatible key usage".`,
    fix: 'Reissue the server certificate with extendedKeyUsage = serverAuth.',
    configKey: 'tls.serverPemPath',
  }),
  clientWrongUsage: (ekus: string): Cause => ({
    code: 'client-certificate-wrong-usage',
    message: `The client certificate's extended key usage (${ekus}) does not allow clientAuth. Milvus in tlsMode 2 rejects it: "x509: certificate specifies an incompatible key usage" (the Milvus docs' gen.sh makes exactly this certificate).`,
    fix: 'Reissue the client certificate with extendedKeyUsage = clientAuth.',
  }),
  clientRequired: (): Cause => ({
    code: 'client-certificate-required',
    message:
      'The server requires a client certificate (mutual TLS, Milvus tlsMode 2) and none was given. The server logs "tls: client didn\'t provide a certificate"; clients see "certificate required" or "bad certificate".',
    fix: 'Pass the client certificate and key (--cert client.pem --key client.key), signed by the CA in tls.caPemPath; or set tlsMode to 1 if mutual TLS is not wanted.',
    configKey: 'common.security.tlsMode',
  }),
  clientRejected: (seen: string, hint: string): Cause => ({
    code: 'client-certificate-rejected',
    message: `The server refused the client certificate (${seen}).${hint ? ` ${hint}` : ''}`,
    fix: 'Use a client certificate signed by the CA that tls.caPemPath points to, with extendedKeyUsage = clientAuth, valid today.',
    configKey: 'tls.caPemPath',
  }),
  clientNotFromCa: (issuer: string): Cause => ({
    code: 'client-certificate-not-from-ca',
    message: `The client certificate is not signed by the CA given (it was issued by "${issuer}"). Milvus verifies client certificates against tls.caPemPath, usually the same ca.pem.`,
    fix: 'Issue the client certificate from the CA in tls.caPemPath, or point tls.caPemPath at the CA that issued it.',
    configKey: 'tls.caPemPath',
  }),
  invalidClientFiles: (text: string): Cause => ({
    code: 'invalid-client-files',
    message: `The CA, certificate or key given cannot be used: ${text}.`,
    fix: 'Check the files: PEM certificates for --ca and --cert, the unencrypted private key that matches --cert for --key.',
  }),
  restOnGrpcPort: (where: string, seen: string): Cause => ({
    code: 'rest-on-grpc-port',
    message: `${where} is a gRPC port, not REST (${seen}). Under TLS Milvus serves REST on proxy.http.port, not on 19530; since 2.4.13 it refuses to start when both share a port with TLS on.`,
    fix: 'Set proxy.http.port (e.g. 8080) in milvus.yaml, publish it in docker-compose, and send REST calls there.',
    configKey: 'proxy.http.port',
  }),
  unexpectedResponse: (where: string, seen: string): Cause => ({
    code: 'unexpected-response',
    message: `${where} answered, but not like the Milvus REST API (${seen}).`,
    fix: 'Check that the port is Milvus proxy.http.port and that nothing (ingress, proxy) rewrites the path.',
    configKey: 'proxy.http.port',
  }),
  protocolError: (where: string, seen: string): Cause => ({
    code: 'protocol-error',
    message: `The TLS handshake with ${where} worked, but then the server broke HTTP/2, the protocol gRPC runs on (${seen}). Milvus clients report this as "Protocol error", "Stream removed" or "UNAVAILABLE".`,
    fix: 'Check that the address is the Milvus proxy port (19530, proxy.port) and not another service, and that nothing in between (a proxy, a load balancer in HTTP/1 mode) rewrites the traffic; gRPC needs HTTP/2 end to end.',
    configKey: 'proxy.port',
  }),
  notMilvus: (seen: string): Cause => ({
    code: 'not-milvus',
    message: `The server speaks gRPC but not the Milvus API (${seen}).`,
    fix: 'Check that the address is the Milvus proxy (19530) and not another gRPC service or an ingress routing elsewhere.',
    configKey: 'proxy.port',
  }),
  unauthenticated: (tokenGiven: boolean, seen: string): Cause => ({
    code: 'unauthenticated',
    message: tokenGiven
      ? `TLS works, but the server rejected the credentials (${seen}).`
      : `TLS works; the server requires credentials (${seen}).`,
    fix: tokenGiven
      ? 'Check the user:password or token (the default user is root).'
      : 'Pass --token user:password or an API token (authorization is on: common.security.authorizationEnabled).',
    configKey: 'common.security.authorizationEnabled',
  }),
  serverError: (seen: string): Cause => ({
    code: 'server-error',
    message: `TLS works and Milvus answered, with an error: ${seen}.`,
    fix: 'Look at the Milvus logs; the connection itself is fine.',
  }),
};
