/**
 * cert-manager resources for Milvus (facts §3): an issuer — a CA Issuer over our own CA (its
 * certificate and key in a kubernetes.io/tls Secret), or a selfSigned Issuer that signs a CA
 * Certificate which a CA Issuer then uses — a server Certificate whose dnsNames are what clients
 * dial, and for tlsMode 2 a client Certificate. The Secrets cert-manager writes hold tls.crt,
 * tls.key and ca.crt; Milvus reads them at start-up only, so a renewal takes effect on a restart.
 */
import type { KeyType } from '../pki/types';

export interface CertManagerInput {
  /** Written on every object when given (else kubectl's namespace applies). */
  namespace?: string;
  /** Prefix of the objects' names, e.g. `my-release-milvus`. */
  baseName: string;
  /** The server Certificate's Secret (the one the Milvus pods mount). */
  secretName: string;
  commonName: string;
  dnsNames: readonly string[];
  ipAddresses?: readonly string[];
  /** tlsMode 2: also a client Certificate, in `<secretName>-client`. */
  mutual: boolean;
  clientCommonName: string;
  keyType: KeyType;
  /** Our CA (PEM certificate and key) for a CA Issuer; undefined: a selfSigned → CA chain. */
  ca?: { certificatePem: string; privateKeyPem: string };
  /** Validity of the leaves in hours (cert-manager's default: 2160h, 90 days). */
  durationHours?: number;
}

export interface CertManagerManifest {
  text: string;
  /** True when it holds a private key (our CA's): keep it out of git. */
  holdsPrivateKey: boolean;
  /** The keys the server Secret will hold, for Enable TLS. */
  secretKeys: { serverPem: 'tls.crt'; serverKey: 'tls.key'; caPem: 'ca.crt' };
  issuerName: string;
  clientSecretName: string | undefined;
}

function quoted(value: string): string {
  return /^[A-Za-z0-9_./*-]+$/.test(value) && !/^[-*.]/.test(value) ? value : JSON.stringify(value);
}

function metadata(name: string, namespace: string | undefined): string[] {
  return ['metadata:', `  name: ${quoted(name)}`, ...(namespace !== undefined ? [`  namespace: ${quoted(namespace)}`] : [])];
}

function privateKey(keyType: KeyType): string[] {
  const [algorithm, size] = keyType.startsWith('rsa') ? ['RSA', keyType.slice(3)] : ['ECDSA', keyType === 'ecdsa-p384' ? '384' : '256'];
  // Go's tls.LoadX509KeyPair reads PKCS#1, SEC 1 and PKCS#8; cert-manager's default PKCS1 is fine.
  return ['  privateKey:', `    algorithm: ${algorithm}`, `    size: ${size}`, '    rotationPolicy: Always'];
}

function certificate(
  input: CertManagerInput,
  name: string,
  secretName: string,
  commonName: string,
  usages: readonly string[],
  names: { dns: readonly string[]; ip: readonly string[] },
  issuer: string,
): string {
  return [
    'apiVersion: cert-manager.io/v1',
    'kind: Certificate',
    ...metadata(name, input.namespace),
    'spec:',
    `  secretName: ${quoted(secretName)}`,
    `  commonName: ${quoted(commonName)}`,
    ...(names.dns.length > 0 ? ['  dnsNames:', ...names.dns.map((dns) => `    - ${quoted(dns)}`)] : []),
    ...(names.ip.length > 0 ? ['  ipAddresses:', ...names.ip.map((ip) => `    - ${quoted(ip)}`)] : []),
    ...(input.durationHours !== undefined ? [`  duration: ${input.durationHours}h`] : []),
    '  usages:',
    ...usages.map((usage) => `    - ${usage}`),
    ...privateKey(input.keyType),
    '  issuerRef:',
    `    name: ${quoted(issuer)}`,
    '    kind: Issuer',
    '    group: cert-manager.io',
  ].join('\n');
}

export function certManagerManifest(input: CertManagerInput): CertManagerManifest {
  const issuerName = `${input.baseName}-ca-issuer`;
  const caSecret = `${input.baseName}-ca`;
  const documents: string[] = [];
  if (input.ca) {
    documents.push(
      [
        '# Our CA (ca.pem and ca.key), for the CA Issuer below. It holds the CA private key: keep this file out of git.',
        'apiVersion: v1',
        'kind: Secret',
        ...metadata(caSecret, input.namespace),
        'type: kubernetes.io/tls',
        'data:',
        `  tls.crt: ${Buffer.from(input.ca.certificatePem).toString('base64')}`,
        `  tls.key: ${Buffer.from(input.ca.privateKeyPem).toString('base64')}`,
      ].join('\n'),
    );
  } else {
    const selfSigned = `${input.baseName}-selfsigned`;
    documents.push(
      [
        '# A selfSigned issuer only signs the CA below.',
        'apiVersion: cert-manager.io/v1',
        'kind: Issuer',
        ...metadata(selfSigned, input.namespace),
        'spec:',
        '  selfSigned: {}',
      ].join('\n'),
    );
    documents.push(
      [
        'apiVersion: cert-manager.io/v1',
        'kind: Certificate',
        ...metadata(caSecret, input.namespace),
        'spec:',
        '  isCA: true',
        `  commonName: ${quoted(`${input.baseName} CA`)}`,
        `  secretName: ${quoted(caSecret)}`,
        ...privateKey(input.keyType),
        '  issuerRef:',
        `    name: ${quoted(selfSigned)}`,
        '    kind: Issuer',
        '    group: cert-manager.io',
      ].join('\n'),
    );
  }
  documents.push(
    [
      'apiVersion: cert-manager.io/v1',
      'kind: Issuer',
      ...metadata(issuerName, input.namespace),
      'spec:',
      '  ca:',
      `    secretName: ${quoted(caSecret)}`,
    ].join('\n'),
  );
  documents.push(
    [
      `# The Milvus server certificate. cert-manager writes tls.crt, tls.key and ca.crt into the Secret "${input.secretName}";`,
      '# mount it and point tls.serverPemPath, tls.serverKeyPath and tls.caPemPath at those three files.',
      '# Milvus reads certificates at start-up only: after a renewal, restart the Milvus pods.',
      certificate(
        input,
        `${input.baseName}-server`,
        input.secretName,
        input.commonName,
        ['digital signature', 'key encipherment', 'server auth'],
        { dns: input.dnsNames, ip: input.ipAddresses ?? [] },
        issuerName,
      ),
    ].join('\n'),
  );
  const clientSecretName = input.mutual ? `${input.secretName}-client` : undefined;
  if (clientSecretName !== undefined) {
    documents.push(
      [
        '# A client certificate for tlsMode 2, from the same CA (tls.caPemPath verifies it).',
        certificate(
          input,
          `${input.baseName}-client`,
          clientSecretName,
          input.clientCommonName,
          ['digital signature', 'key encipherment', 'client auth'],
          { dns: [], ip: [] },
          issuerName,
        ),
      ].join('\n'),
    );
  }
  return {
    text: `${documents.join('\n---\n')}\n`,
    holdsPrivateKey: input.ca !== undefined,
    secretKeys: { serverPem: 'tls.crt', serverKey: 'tls.key', caPem: 'ca.crt' },
    issuerName,
    clientSecretName,
  };
}
