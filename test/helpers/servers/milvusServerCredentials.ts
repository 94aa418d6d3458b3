// gRPC server credentials set the way the Milvus proxy sets its external listener
// (internal/distributed/proxy/service.go, facts §1.2):
//   tlsMode 1: credentials.NewServerTLSFromFile(server.pem, server.key): no client certificate asked.
//   tlsMode 2: tls.Config{ClientAuth: RequireAndVerifyClientCert, ClientCAs: ca.pem, MinVersion: TLS 1.3}.
//
// grpc-js's ServerCredentials.createSsl(ca, pairs, true) gives requestCert + rejectUnauthorized
// (RequireAndVerifyClientCert) but has no way to set minVersion, and grpc-js 1.14 has no
// createFromSecureContext on the server side. ServerCredentials' constructor, however, takes the
// http2.createSecureServer options as they are, so a small subclass sets minVersion: 'TLSv1.3' too.
import { ServerCredentials } from '@grpc/grpc-js';
import type { SecureServerOptions } from 'node:http2';
import type { SecureContextOptions } from 'node:tls';

export interface ServerTlsFiles {
  certPem: string;
  keyPem: string;
  /** Used in mode 2 only, to verify client certificates (tls.caPemPath). */
  caPem: string;
}

class MutualTlsServerCredentials extends ServerCredentials {
  constructor(files: ServerTlsFiles) {
    const serverOptions: SecureServerOptions = { requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' };
    const contextOptions: SecureContextOptions = { ca: files.caPem, cert: files.certPem, key: files.keyPem, minVersion: 'TLSv1.3' };
    super(serverOptions, contextOptions);
  }

  override _equals(other: ServerCredentials): boolean {
    return other === this;
  }
}

export type MilvusTlsMode = 0 | 1 | 2;

export function milvusServerCredentials(mode: MilvusTlsMode, files?: ServerTlsFiles): ServerCredentials {
  if (mode === 0 || !files) return ServerCredentials.createInsecure();
  if (mode === 1) {
    return ServerCredentials.createSsl(null, [{ cert_chain: Buffer.from(files.certPem), private_key: Buffer.from(files.keyPem) }], false);
  }
  return new MutualTlsServerCredentials(files);
}
