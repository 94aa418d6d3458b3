/**
 * "Generate cert-manager Resources…" and `milvus-tls generate --cert-manager`, once: the manifest
 * for a Kubernetes target (its Service names as dnsNames), issued by our CA when the output folder
 * holds one (ca.pem and ca.key), else by a selfSigned → CA chain; written all or nothing, never over
 * an existing file unless asked.
 */
import { join } from 'node:path';
import type { KubernetesGenerationTarget } from '../deployment';
import { targetServerSans } from '../deployment';
import type { CertManagerManifest } from '../kubernetes/certManager';
import { certManagerManifest } from '../kubernetes/certManager';
import { DEFAULT_CLIENT_COMMON_NAME } from '../pki/defaults';
import type { KeyType } from '../pki/types';
import { isIpAddress } from '../x509/ipAddress';
import { writeCertificateSet } from '../pki/writeSet';
import type { ExistingCa } from './generateSet';
import { MissingCaFilesError, readExistingCa } from './generateSet';

export const CERT_MANAGER_FILE = 'cert-manager.yaml';

export interface CertManagerRequest {
  target: KubernetesGenerationTarget;
  /** Written on every object (the target's namespace when it is known). */
  namespace?: string;
  mode: 1 | 2;
  keyType: KeyType;
  outputDir: string;
  /** Use a selfSigned → CA chain even when the folder holds our CA. */
  selfSigned: boolean;
  overwrite: boolean;
  clientCommonName?: string;
  leafDays?: number;
}

export interface CertManagerOutcome {
  path: string;
  manifest: CertManagerManifest;
  /** Whether our CA signs (else the selfSigned chain). */
  fromOurCa: boolean;
  /** What to tell the user, one line each. */
  summary: string[];
}

async function ourCa(outputDir: string, selfSigned: boolean): Promise<ExistingCa | undefined> {
  if (selfSigned) return undefined;
  try {
    return await readExistingCa(outputDir);
  } catch (error) {
    if (error instanceof MissingCaFilesError) return undefined;
    throw error;
  }
}

export async function writeCertManagerResources(request: CertManagerRequest): Promise<CertManagerOutcome> {
  const ca = await ourCa(request.outputDir, request.selfSigned);
  const names = targetServerSans(request.target);
  const manifest = certManagerManifest({
    ...(request.namespace !== undefined ? { namespace: request.namespace } : {}),
    baseName: request.target.serviceName,
    secretName: request.target.secretName,
    commonName: request.target.commonName,
    dnsNames: names.filter((name) => !isIpAddress(name)),
    ipAddresses: names.filter((name) => isIpAddress(name)),
    mutual: request.mode === 2,
    clientCommonName: request.clientCommonName ?? DEFAULT_CLIENT_COMMON_NAME,
    keyType: request.keyType,
    ...(ca ? { ca } : {}),
    ...(request.leafDays !== undefined ? { durationHours: request.leafDays * 24 } : {}),
  });
  const [path = join(request.outputDir, CERT_MANAGER_FILE)] = await writeCertificateSet(
    request.outputDir,
    [{ name: CERT_MANAGER_FILE, contents: manifest.text, isPrivateKey: manifest.holdsPrivateKey }],
    { overwrite: request.overwrite },
  );
  const keys = manifest.secretKeys;
  const summary = [
    `${ca ? 'A CA Issuer over the CA in this folder (ca.pem, ca.key)' : 'A selfSigned Issuer and a CA Certificate it signs'}, a server Certificate for ${names.join(', ')}${manifest.clientSecretName !== undefined ? `, a client Certificate (Secret "${manifest.clientSecretName}")` : ''}.`,
    `The Secret "${request.target.secretName}" will hold ${keys.serverPem}, ${keys.serverKey} and ${keys.caPem}: Enable TLS with that Secret points tls.serverPemPath, tls.serverKeyPath and tls.caPemPath at them.`,
    'Milvus reads its certificates at start-up: when cert-manager renews them, restart the Milvus pods.',
  ];
  return { path, manifest, fromOurCa: ca !== undefined, summary };
}
