// @zilliz/milvus2-sdk-node (facts §3.2): `ssl: true` plus `tls.rootCertPath` gives one-way TLS; a
// private key switches to mutual TLS (grpc-js wants the key and the chain together); `serverName`
// becomes grpc.ssl_target_name_override. The root must be ca.pem: Node does not accept a CA-signed
// server.pem as a trust anchor (milvus-sdk-node#334).
import { formatAddress } from '../connection/address';
import { jsString } from './quote';
import type { Snippet, SnippetInput } from './types';
import { clientFiles, serverNameOf, TOKEN_ENV } from './types';

export function nodeSdkSnippet(input: SnippetInput): Snippet {
  const mutual = input.mode === 2;
  const lines = [
    `// @zilliz/milvus2-sdk-node, Milvus tlsMode ${input.mode} (${mutual ? 'mutual' : 'one-way'} TLS). An ES module (.mjs).`,
    "import { MilvusClient } from '@zilliz/milvus2-sdk-node';",
    '',
    'const client = new MilvusClient({',
    `  address: ${jsString(formatAddress(input.host, input.port))},`,
    '  ssl: true,',
  ];
  if (input.auth) lines.push(`  token: process.env[${jsString(TOKEN_ENV)}], // "user:password" or an API token`);
  lines.push('  tls: {', `    rootCertPath: ${jsString(input.caPath)},`);
  if (mutual) {
    const { certPath, keyPath } = clientFiles(input);
    lines.push(`    privateKeyPath: ${jsString(keyPath)},`, `    certChainPath: ${jsString(certPath)},`);
  }
  lines.push(
    `    serverName: ${jsString(serverNameOf(input))},`,
    '  },',
    '});',
    'const { version } = await client.getVersion();',
    'console.log(`Connected to Milvus ${version}`);',
    '',
  );
  return { language: 'javascript', text: lines.join('\n') };
}
