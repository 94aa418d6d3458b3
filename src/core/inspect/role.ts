// What a certificate is for. The certificate's own fields decide first (basic constraints, then
// extended key usage, then SANs); the file name is only a fallback hint, and a separate "intended
// role" so the lint can catch a client.pem whose EKU says server.
import { basename } from 'node:path';
import type { BasicConstraints, CertificateRole, RoleSource, SubjectAltNames } from './types';

export type RoleHint = 'ca' | 'server' | 'client';

/** "client.pem" -> client, "server.crt"/"tls.crt" -> server, "ca.pem"/"cacert.pem"/"root-ca.crt" -> ca. */
export function roleHintFromFileName(path: string): RoleHint | undefined {
  const name = basename(path).toLowerCase();
  if (name.includes('client')) return 'client';
  if (name.includes('server') || name === 'tls.crt') return 'server';
  if (/(^|[^a-z])(ca|cacert|root|intermediate)([^a-z]|$)/.test(name)) return 'ca';
  return undefined;
}

export interface RoleInputs {
  basicConstraints: BasicConstraints | undefined;
  extendedKeyUsage: string[] | undefined;
  sans: SubjectAltNames;
  selfSigned: boolean;
}

export function hasServerName(sans: SubjectAltNames): boolean {
  return sans.dns.length > 0 || sans.ip.length > 0;
}

/** Role from the certificate alone (plus the file-name fallback). */
export function roleOfCertificate(inputs: RoleInputs, path: string): { role: CertificateRole; roleSource: RoleSource } {
  if (inputs.basicConstraints?.ca) return { role: 'ca', roleSource: 'basic-constraints' };
  const eku = inputs.extendedKeyUsage;
  if (eku !== undefined) {
    const any = eku.includes('anyExtendedKeyUsage');
    const server = any || eku.includes('serverAuth');
    const client = any || eku.includes('clientAuth');
    const role: CertificateRole = server && client ? 'server+client' : server ? 'server' : client ? 'client' : 'unknown';
    return { role, roleSource: 'extended-key-usage' };
  }
  if (hasServerName(inputs.sans)) return { role: 'server', roleSource: 'subject-alt-name' };
  const hint = roleHintFromFileName(path);
  // A "ca.pem" counts as a CA only when it is at least self-signed: a leaf misnamed ca.pem is not one.
  if (hint === 'ca' && !inputs.selfSigned) return { role: 'unknown', roleSource: 'none' };
  if (hint) return { role: hint, roleSource: 'file-name' };
  return { role: 'unknown', roleSource: 'none' };
}

/**
 * The role the lint holds a non-CA certificate to: the file name when it names one (that is how
 * the user will deploy it), else what the certificate says.
 */
export function intendedLeafRole(role: CertificateRole, path: string): 'server' | 'client' | 'server+client' | undefined {
  const hint = roleHintFromFileName(path);
  if (hint === 'server' || hint === 'client') return hint;
  if (role === 'server' || role === 'client' || role === 'server+client') return role;
  return undefined;
}
