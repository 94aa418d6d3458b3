// The names other containers reach Milvus by (compose service and container names) in the compose
// projects around the current folder, for `milvus-tls generate`'s default SANs, as the editor proposes
// them. The deployment model and its YAML parser are loaded only when the walk finds a compose file:
// without one there is no name to find, and generate starts without them.
import { COMPOSE_FILE_NAMES } from '../core/compose/composeFileLookup';
import { nodeFileSystem, walkFiles } from '../core/workspace';

/** How deep discoverDeployments (src/core/deployment/discover.ts) looks by default. */
const DISCOVERY_DEPTH = 4;

export async function milvusNamesAround(dir: string): Promise<string[]> {
  const { files } = await walkFiles(nodeFileSystem(), dir, (name) => COMPOSE_FILE_NAMES.includes(name), { maxDepth: DISCOVERY_DEPTH });
  if (files.length === 0) return [];
  const { milvusNamesOfDeploymentsIn } = await import('./deploymentNames.js');
  return milvusNamesOfDeploymentsIn(dir);
}
