// pymilvus MilvusClient. Its trap (facts §3.1, pymilvus#2785): a lone ca_pem_path is ignored and
// the system roots are used; the CA must go in server_pem_path for one-way TLS, and mutual TLS needs
// all three of client_pem_path, client_key_path and ca_pem_path.
import { formatAddress } from '../connection/address';
import { pythonString } from './quote';
import type { Snippet, SnippetInput } from './types';
import { clientFiles, serverNameOf, TOKEN_ENV } from './types';

export function pymilvusSnippet(input: SnippetInput): Snippet {
  const uri = `https://${formatAddress(input.host, input.port)}`;
  const lines =
    input.mode === 1
      ? [
          '# pymilvus, Milvus tlsMode 1 (one-way TLS).',
          '# The CA goes in server_pem_path: pymilvus ignores a ca_pem_path given alone (pymilvus#2785).',
        ]
      : [
          '# pymilvus, Milvus tlsMode 2 (mutual TLS).',
          '# All three files are needed: with any one missing pymilvus silently trusts the system CAs instead.',
        ];
  if (input.auth) lines.push('import os');
  lines.push('from pymilvus import MilvusClient', '', 'client = MilvusClient(', `    uri=${pythonString(uri)},`, '    secure=True,');
  if (input.mode === 1) {
    lines.push(`    server_pem_path=${pythonString(input.caPath)},`);
  } else {
    const { certPath, keyPath } = clientFiles(input);
    lines.push(
      `    client_pem_path=${pythonString(certPath)},`,
      `    client_key_path=${pythonString(keyPath)},`,
      `    ca_pem_path=${pythonString(input.caPath)},`,
    );
  }
  lines.push(`    server_name=${pythonString(serverNameOf(input))},`);
  if (input.auth) lines.push(`    token=os.environ[${pythonString(TOKEN_ENV)}],  # "user:password" or an API token`);
  lines.push(')', 'print(client.list_collections())', '');
  return { language: 'python', text: lines.join('\n') };
}
