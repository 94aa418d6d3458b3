// The Milvus names of the deployments in a folder, through the deployment model (loaded lazily by
// composeNames.ts, as a bundle of its own).
import { discoverDeployments } from '../core/deployment';
import { milvusNamesOf } from '../core/usecases/generateSet';
import { cliContext } from './workspace';

export async function milvusNamesOfDeploymentsIn(dir: string): Promise<string[]> {
  return milvusNamesOf((await discoverDeployments(dir, cliContext({ dir }))).deployments);
}
