// `--helm VALUES.yaml` / `--operator CR.yaml` for `enable` and `disable`: the Kubernetes deployment
// a named file holds, resolved through the deployment model (recognised by content, so a values
// file may have any name).
import path from 'node:path';
import type { Deployment, ResolveContext } from '../core/deployment';
import { deploymentsForFile } from '../core/deployment';
import { isDnsSubdomain } from '../core/kubernetes';
import { UsageError } from './exitCodes';

export const KUBERNETES_HELP = `--helm FILE       a values file of the milvus Helm chart: TLS goes into extraConfigFiles.user.yaml,
                    the Secret into the global volumes and volumeMounts
  --operator FILE   a Milvus resource (milvus.io/v1beta1): TLS goes into spec.config, the Secret into
                    spec.components.volumes and volumeMounts, serviceRestfulPort follows the REST port
  --secret NAME     the Secret with the certificates (default: the one the file mounts, else milvus-tls);
                    its keys are server.pem, server.key, ca.pem, or tls.crt, tls.key, ca.crt when its
                    manifest or a cert-manager Certificate here says so`;

export interface KubernetesFlags {
  helm?: string | undefined;
  operator?: string | undefined;
  secret?: string | undefined;
}

/** The deployment of --helm/--operator; undefined when neither is given. */
export async function kubernetesDeploymentOf(
  flags: KubernetesFlags,
  root: string,
  context: ResolveContext,
): Promise<{ deployment: Deployment; file: string } | undefined> {
  if (flags.secret !== undefined && !isDnsSubdomain(flags.secret)) {
    throw new UsageError(`--secret '${flags.secret}' is not a valid Secret name (lower-case letters, digits, '-' and '.')`);
  }
  if (flags.helm !== undefined && flags.operator !== undefined) throw new UsageError('give --helm or --operator, not both');
  const named = flags.helm ?? flags.operator;
  if (named === undefined) return undefined;
  const file = path.resolve(named);
  if ((await context.fs.stat(file))?.type !== 'file') throw new UsageError(`${named}: no such file`);
  const wanted = flags.helm !== undefined ? 'helm' : 'operator';
  const found = (await deploymentsForFile(file, [root], context)).filter((deployment) => deployment.kubernetes?.flavour === wanted);
  const [deployment] = found;
  if (!deployment) {
    throw new UsageError(
      wanted === 'helm'
        ? `${named} is not a values file of the milvus Helm chart (no extraConfigFiles, cluster.enabled, image.all, standalone, …)`
        : `${named} holds no Milvus resource (apiVersion milvus.io/v1beta1, kind Milvus)`,
    );
  }
  if (found.length > 1) console.error(`note: ${named} holds ${found.length} Milvus resources; using the first, ${deployment.label}`);
  return { deployment, file };
}
