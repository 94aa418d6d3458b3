// `milvus-tls generate --cert-manager`: cert-manager resources instead of certificate files (see
// src/core/usecases/certManager.ts), for the Kubernetes deployment in the current folder or the
// release and namespace given.
import { resolve } from 'node:path';
import { FilesExistError } from '../core/pki/errors';
import type { KeyType } from '../core/pki/types';
import { unignoredKeyFiles } from '../core/pki/gitignore';
import { writeCertManagerResources } from '../core/usecases';
import { ExitCode, UsageError } from './exitCodes';
import type { KubernetesSecretRequest } from './kubernetesTarget';

export interface CertManagerFlags {
  out?: string | undefined;
  mode?: string | undefined;
  'self-signed'?: boolean | undefined;
  force?: boolean | undefined;
  json?: boolean | undefined;
  'client-cn'?: string | undefined;
}

export async function runCertManager(
  flags: CertManagerFlags,
  request: KubernetesSecretRequest,
  keyType: KeyType,
  leafDays: number | undefined,
): Promise<number> {
  if (flags.mode !== undefined && flags.mode !== '1' && flags.mode !== '2') {
    throw new UsageError(`--mode must be 1 or 2 (got '${flags.mode}')`);
  }
  const outputDir = resolve(flags.out ?? 'tls');
  try {
    const outcome = await writeCertManagerResources({
      target: request.target,
      mode: flags.mode === '2' ? 2 : 1,
      keyType,
      outputDir,
      selfSigned: flags['self-signed'] === true,
      overwrite: flags.force === true,
      ...(request.namespace !== undefined ? { namespace: request.namespace } : {}),
      ...(flags['client-cn'] !== undefined ? { clientCommonName: flags['client-cn'] } : {}),
      ...(leafDays !== undefined ? { leafDays } : {}),
    });
    if (flags.json) {
      console.log(
        JSON.stringify(
          {
            path: outcome.path,
            secretName: request.target.secretName,
            keys: outcome.manifest.secretKeys,
            clientSecretName: outcome.manifest.clientSecretName ?? null,
            fromOurCa: outcome.fromOurCa,
            summary: outcome.summary,
          },
          null,
          2,
        ),
      );
    } else {
      console.log(`Wrote ${outcome.path}${outcome.manifest.holdsPrivateKey ? ' (holds the CA private key: mode 0600)' : ''}:`);
      for (const line of outcome.summary) console.log(`  ${line}`);
      console.log(`Apply it with: kubectl apply -f ${outcome.path}`);
    }
    if (outcome.manifest.holdsPrivateKey && (await unignoredKeyFiles(outputDir, [outcome.path])).length > 0) {
      console.error(`warning: git would commit ${outcome.path}, which holds the CA private key; add it to .gitignore`);
    }
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof FilesExistError) {
      console.error(
        `milvus-tls generate: refusing to overwrite ${error.existing.join(', ')} in ${error.directory}. Use --force to replace it.`,
      );
      return ExitCode.refused;
    }
    throw error;
  }
}
