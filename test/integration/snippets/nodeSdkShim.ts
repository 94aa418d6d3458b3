// A stand-in for @zilliz/milvus2-sdk-node, so the generated Node snippet runs as written without
// adding the SDK (and its protobuf tree) to the project. It turns the snippet's options into
// grpc-js credentials exactly as the SDK does (facts §3.2, milvus/grpc/BaseClient.ts): https:// or
// `ssl` or a root certificate → createSsl(root); a private key → createSsl(root, key, chain);
// `tls.serverName` → grpc.ssl_target_name_override; the token as base64 `authorization` metadata.
// Only getVersion() is implemented: what the snippet calls.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SHIM = (grpcPath: string): string => `'use strict';
const { readFileSync } = require('node:fs');
const grpc = require(${JSON.stringify(grpcPath)});

function readVersion(buffer) {
  // GetVersionResponse { Status status = 1; string version = 2; }: length-delimited fields only.
  let offset = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = buffer[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  let version = '';
  while (offset < buffer.length) {
    const tag = varint();
    const length = varint();
    if (tag >> 3 === 2) version = buffer.subarray(offset, offset + length).toString('utf8');
    offset += length;
  }
  return version;
}

class MilvusClient {
  constructor(config) {
    const tls = config.tls || {};
    const rootCert = tls.rootCertPath ? readFileSync(tls.rootCertPath) : tls.rootCert;
    const privateKey = tls.privateKeyPath ? readFileSync(tls.privateKeyPath) : tls.privateKey;
    const certChain = tls.certChainPath ? readFileSync(tls.certChainPath) : tls.certChain;
    let mode = 'INSECURE';
    if (config.address.startsWith('https://') || config.ssl) mode = 'ONE_WAY';
    if (rootCert) mode = 'ONE_WAY';
    if (privateKey) mode = 'TWO_WAY';
    const credentials = mode === 'TWO_WAY' ? grpc.credentials.createSsl(rootCert, privateKey, certChain, tls.verifyOptions)
      : mode === 'ONE_WAY' ? grpc.credentials.createSsl(rootCert || undefined)
      : grpc.credentials.createInsecure();
    const channelOptions = {};
    if (tls.serverName) channelOptions['grpc.ssl_target_name_override'] = tls.serverName;
    this.client = new grpc.Client(config.address.replace(/^https?:\\/\\//, ''), credentials, channelOptions);
    this.metadata = new grpc.Metadata();
    if (config.token) this.metadata.set('authorization', Buffer.from(config.token).toString('base64'));
  }

  getVersion() {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest('/milvus.proto.milvus.MilvusService/GetVersion', (b) => b, (b) => b, Buffer.alloc(0),
        this.metadata, { deadline: Date.now() + 10000 }, (error, response) => {
          this.client.close();
          if (error) reject(error);
          else resolve({ version: readVersion(response) });
        });
    });
  }
}

exports.MilvusClient = MilvusClient;
`;

/** Installs the shim as node_modules/@zilliz/milvus2-sdk-node under `dir`, where a snippet .mjs will resolve it. */
export async function installNodeSdkShim(dir: string): Promise<void> {
  const packageDir = join(dir, 'node_modules', '@zilliz', 'milvus2-sdk-node');
  await mkdir(packageDir, { recursive: true });
  await writeFile(
    join(packageDir, 'package.json'),
    JSON.stringify({ name: '@zilliz/milvus2-sdk-node', version: '0.0.0-shim', main: 'index.js' }),
  );
  const grpcPath = createRequire(__filename).resolve('@grpc/grpc-js');
  await writeFile(join(packageDir, 'index.js'), SHIM(grpcPath));
}
