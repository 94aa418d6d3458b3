// The Java SDK v2 (io.milvus.v2.client.ConnectConfig). Like pymilvus it picks one-way TLS when
// serverPemPath is set (trusting that file, so the CA goes there) and mutual TLS only when
// clientPemPath, clientKeyPath and caPemPath are all set, with serverPemPath unset; serverName
// overrides the authority the certificate is checked against.
import { formatAddress } from '../connection/address';
import { javaString } from './quote';
import type { Snippet, SnippetInput } from './types';
import { clientFiles, serverNameOf, TOKEN_ENV } from './types';

export function javaSdkSnippet(input: SnippetInput): Snippet {
  const mutual = input.mode === 2;
  const uri = `https://${formatAddress(input.host, input.port)}`;
  const lines = [
    `// Java SDK v2 (io.milvus:milvus-sdk-java), Milvus tlsMode ${input.mode} (${mutual ? 'mutual' : 'one-way'} TLS).`,
    'import io.milvus.v2.client.ConnectConfig;',
    'import io.milvus.v2.client.MilvusClientV2;',
    '',
    'public class MilvusTlsExample {',
    '    public static void main(String[] args) {',
    '        ConnectConfig config = ConnectConfig.builder()',
    `                .uri(${javaString(uri)})`,
    '                .secure(true)',
  ];
  if (mutual) {
    const { certPath, keyPath } = clientFiles(input);
    lines.push(
      '                // All three, and no serverPemPath: with it the SDK falls back to one-way TLS.',
      `                .clientPemPath(${javaString(certPath)})`,
      `                .clientKeyPath(${javaString(keyPath)})`,
      `                .caPemPath(${javaString(input.caPath)})`,
    );
  } else {
    lines.push(
      '                // One-way TLS trusts the file given as serverPemPath: the CA that signed server.pem.',
      `                .serverPemPath(${javaString(input.caPath)})`,
    );
  }
  lines.push(`                .serverName(${javaString(serverNameOf(input))})`);
  if (input.auth) lines.push(`                .token(System.getenv(${javaString(TOKEN_ENV)})) // "user:password" or an API token`);
  lines.push(
    '                .build();',
    '        MilvusClientV2 client = new MilvusClientV2(config);',
    '        System.out.println(client.listCollections().getCollectionNames());',
    '        client.close();',
    '    }',
    '}',
    '',
  );
  return { language: 'java', text: lines.join('\n') };
}
