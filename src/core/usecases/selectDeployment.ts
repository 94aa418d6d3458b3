/**
 * Which deployment a command acts on when the user did not name one: the one the open file belongs
 * to, else the only one in the folder, else the first of several (shallowest first), with the others
 * listed so the front can ask or say which it used.
 */
import type { Deployment, ResolveContext } from '../deployment';
import { deploymentForConfigFile, discoverDeployments, kubernetesDeployments, recogniseFile } from '../deployment';

export interface DeploymentSelection {
  /** Undefined: the folder holds no Milvus config or compose service. */
  chosen: Deployment | undefined;
  /** Every deployment found, the chosen one first. */
  all: Deployment[];
  /** Why this one: "the only one", "the one of the open file", "the first of 3". */
  reason: string;
}

export async function selectDeployment(root: string, context: ResolveContext, openConfigFile?: string): Promise<DeploymentSelection> {
  if (openConfigFile !== undefined) {
    const reason = `the deployment of ${context.fs.path.basename(openConfigFile)}`;
    // A Kubernetes file (a values file, a Milvus resource) under any name, even milvus.yaml.
    const recognised = await recogniseFile(openConfigFile, context);
    const held = recognised ? await kubernetesDeployments(recognised, root, context) : [];
    if (held[0]) return { chosen: held[0], all: held, reason };
    if (!recognised && /(^|[\\/])(milvus|user)\.yaml$/.test(openConfigFile)) {
      const chosen = await deploymentForConfigFile(openConfigFile, [root], context);
      return { chosen, all: [chosen], reason };
    }
  }
  const { deployments } = await discoverDeployments(root, context);
  const [first] = deployments;
  if (!first) return { chosen: undefined, all: [], reason: 'no Milvus config or compose service here' };
  return {
    chosen: first,
    all: deployments,
    reason:
      deployments.length === 1
        ? 'the only one here'
        : `the first of ${deployments.length}: ${deployments.map((deployment) => deployment.label).join('; ')}`,
  };
}
