// curl against the REST API (facts §1.3): under TLS Milvus serves REST on proxy.http.port, never on
// 19530, with the same certificates; `Authorization: Bearer <user:password | token>`. When the
// certificate's name differs from the host, --connect-to keeps the URL's name (checked against the
// certificate) while connecting to the host.
import { formatAddress } from '../connection/address';
import { shellWord } from './quote';
import type { Snippet, SnippetInput } from './types';
import { clientFiles, DEFAULT_HTTP_PORT, serverNameOf, TOKEN_ENV } from './types';

export function curlSnippet(input: SnippetInput): Snippet {
  const mutual = input.mode === 2;
  const port = input.httpPort ?? DEFAULT_HTTP_PORT;
  const name = serverNameOf(input);
  const lines = [`# curl, Milvus REST over ${mutual ? 'mutual' : 'one-way'} TLS (tlsMode ${input.mode}) on proxy.http.port ${port}.`];
  if (input.httpPort === undefined) {
    lines.push(`# proxy.http.port is not set in milvus.yaml: ${DEFAULT_HTTP_PORT} is the Milvus docs' choice.`);
  }
  if (input.auth) lines.push(`# Set ${TOKEN_ENV} to "user:password" or an API token first.`);
  const args = [`curl --cacert ${shellWord(input.caPath)}`];
  if (mutual) {
    const { certPath, keyPath } = clientFiles(input);
    args.push(`--cert ${shellWord(certPath)} --key ${shellWord(keyPath)}`, '--tlsv1.3');
  }
  if (name !== input.host) {
    // --connect-to HOST1:PORT1:HOST2:PORT2; IPv6 addresses in brackets on both sides.
    args.push(`--connect-to ${shellWord(`${formatAddress(name, port)}:${formatAddress(input.host, port)}`)}`);
  }
  if (input.auth) args.push(`-H "Authorization: Bearer \${${TOKEN_ENV}}"`);
  args.push("-H 'Content-Type: application/json' -d '{}'", shellWord(`https://${formatAddress(name, port)}/v2/vectordb/collections/list`));
  lines.push(args.join(' \\\n  '), '');
  return { language: 'shellscript', text: lines.join('\n') };
}
