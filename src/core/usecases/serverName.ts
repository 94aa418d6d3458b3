/**
 * The default server name: a name the server certificate actually holds, because Go clients and
 * Milvus itself check SANs only. The host the user dials wins when the certificate holds it (then
 * no override is needed at all); otherwise `localhost` (the docs' certificates), then the first DNS
 * name, then the first IP address.
 */
import type { ServerNames } from '../inspect';
import { sanMatchesName } from '../inspect';

/** Undefined when the certificate has no DNS or IP SAN (Go refuses it anyway: the test says so). */
export function pickServerName(names: ServerNames, host: string): string | undefined {
  if (sanMatchesName(names, host)) return host;
  const concrete = names.dns.filter((dns) => !dns.startsWith('*.'));
  if (concrete.some((dns) => dns.toLowerCase() === 'localhost')) return 'localhost';
  return concrete[0] ?? names.ip[0];
}
