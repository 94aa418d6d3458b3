// The default server name: a name the server certificate actually holds, because Go clients and
// Milvus itself check SANs only. The host the user dials wins when the certificate holds it (then
// no override is needed at all); otherwise `localhost` (the docs' certificates), then the first DNS
// name, then the first IP address.
import { readFile } from 'node:fs/promises';
import type { ServerNames } from '../../core/inspect';
import { readPemOrDer, sanMatchesName } from '../../core/inspect';

/** Undefined when the certificate has no DNS or IP SAN (Go refuses it anyway: the test says so). */
export function pickServerName(names: ServerNames, host: string): string | undefined {
  if (sanMatchesName(names, host)) return host;
  const concrete = names.dns.filter((dns) => !dns.startsWith('*.'));
  if (concrete.some((dns) => dns.toLowerCase() === 'localhost')) return 'localhost';
  return concrete[0] ?? names.ip[0];
}

/**
 * The name to test with when the user set none: from the server certificate's SANs, read with the
 * inspection engine. Undefined when the file is unreadable or has no SAN (the test then uses the host).
 */
export async function serverNameFromCertificateFile(file: string, host: string): Promise<string | undefined> {
  try {
    const bytes = await readFile(file);
    const certificate = readPemOrDer(bytes, file).objects.find((object) => object.kind === 'certificate');
    return certificate?.kind === 'certificate' ? pickServerName(certificate.sans, host) : undefined;
  } catch {
    return undefined;
  }
}
