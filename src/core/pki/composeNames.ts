// The Milvus service and container names of the compose file in a folder, for the default server SANs.
// The YAML parser is loaded only when there is a compose file to parse (`milvus-tls generate` in a
// folder without one starts without it).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMPOSE_FILE_NAMES } from '../compose/composeFileLookup';

/**
 * Reads the first compose file found at `root`. A missing or unparsable file gives no names: the
 * defaults then stay the loopback ones, which is still a working set.
 */
export async function milvusNamesInFolder(root: string): Promise<{ names: string[]; composeFile?: string }> {
  for (const fileName of COMPOSE_FILE_NAMES) {
    let text: string;
    try {
      text = await readFile(join(root, fileName), 'utf8');
    } catch {
      continue;
    }
    try {
      const { milvusNamesFromCompose } = await import('./composeNamesFromText.js');
      return { names: milvusNamesFromCompose(text, fileName), composeFile: fileName };
    } catch {
      return { names: [], composeFile: fileName };
    }
  }
  return { names: [] };
}
