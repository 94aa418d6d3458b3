// The Go SDK (github.com/milvus-io/milvus/client/v2/milvusclient). Its EnableTLSAuth alone trusts
// only the system roots, so the snippet builds a tls.Config and passes it as transport credentials:
// gRPC applies dial options in order and the last credentials win, which works on every client/v2
// release (WithTLSConfig exists only on newer ones). Go ignores the CommonName: ServerName must be a
// SAN of the server certificate.
import { formatAddress } from '../connection/address';
import { goString } from './quote';
import type { Snippet, SnippetInput } from './types';
import { clientFiles, serverNameOf, TOKEN_ENV } from './types';

export function goSdkSnippet(input: SnippetInput): Snippet {
  const mutual = input.mode === 2;
  const lines = [
    `// Go SDK (milvusclient), Milvus tlsMode ${input.mode} (${mutual ? 'mutual' : 'one-way'} TLS).`,
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"crypto/tls"',
    '\t"crypto/x509"',
    '\t"fmt"',
    '\t"log"',
    '\t"os"',
    '',
    '\t"github.com/milvus-io/milvus/client/v2/milvusclient"',
    '\t"google.golang.org/grpc"',
    '\t"google.golang.org/grpc/credentials"',
    ')',
    '',
    'func main() {',
    `\tcaPEM, err := os.ReadFile(${goString(input.caPath)})`,
    '\tif err != nil {',
    '\t\tlog.Fatal(err)',
    '\t}',
    '\troots := x509.NewCertPool()',
    '\tif !roots.AppendCertsFromPEM(caPEM) {',
    '\t\tlog.Fatal("no PEM certificate in the CA file")',
    '\t}',
  ];
  if (mutual) {
    const { certPath, keyPath } = clientFiles(input);
    lines.push(
      `\tclientCert, err := tls.LoadX509KeyPair(${goString(certPath)}, ${goString(keyPath)})`,
      '\tif err != nil {',
      '\t\tlog.Fatal(err)',
      '\t}',
    );
  }
  const fields: [string, string, string?][] = [['RootCAs', 'roots']];
  if (mutual) fields.push(['Certificates', '[]tls.Certificate{clientCert}']);
  fields.push(['ServerName', goString(serverNameOf(input)), 'a DNS or IP SAN of the server certificate']);
  if (mutual) fields.push(['MinVersion', 'tls.VersionTLS13', 'Milvus tlsMode 2 accepts only TLS 1.3']);
  lines.push('\ttlsConfig := &tls.Config{', ...goFields(fields, '\t\t'));
  lines.push(
    '\t}',
    '\tctx := context.Background()',
    '\tclient, err := milvusclient.New(ctx, &milvusclient.ClientConfig{',
    `\t\tAddress:       ${goString(formatAddress(input.host, input.port))},`,
    '\t\tEnableTLSAuth: true,',
  );
  if (input.auth) lines.push(`\t\tAPIKey:        os.Getenv(${goString(TOKEN_ENV)}), // "user:password" or an API token`);
  lines.push(
    "\t\t// These credentials come last and so replace the SDK's default (system roots only).",
    '\t\tDialOptions: append([]grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(tlsConfig))},',
    '\t\t\tmilvusclient.DefaultGrpcOpts...),',
    '\t})',
    '\tif err != nil {',
    '\t\tlog.Fatal(err)',
    '\t}',
    '\tdefer client.Close(ctx)',
    '\tcollections, err := client.ListCollections(ctx, milvusclient.NewListCollectionOption())',
    '\tif err != nil {',
    '\t\tlog.Fatal(err)',
    '\t}',
    '\tfmt.Println(collections)',
    '}',
    '',
  );
  return { language: 'go', text: lines.join('\n') };
}

/**
 * Struct literal fields aligned the way gofmt aligns them: values after the longest key, and
 * trailing comments aligned within each run of consecutive commented lines.
 */
function goFields(fields: readonly [string, string, string?][], indent: string): string[] {
  const width = Math.max(...fields.map(([name]) => name.length)) + 2;
  const code = fields.map(([name, value]) => `${indent}${`${name}:`.padEnd(width)}${value},`);
  const lines = [...code];
  for (let start = 0; start < fields.length;) {
    let end = start;
    while (end < fields.length && fields[end]?.[2] !== undefined) end++;
    const column = Math.max(0, ...code.slice(start, end).map((line) => line.length));
    for (let index = start; index < end; index++) lines[index] = `${(code[index] ?? '').padEnd(column)} // ${fields[index]?.[2] ?? ''}`;
    start = end === start ? start + 1 : end;
  }
  return lines;
}
