// The names a container reaches Milvus by inside a compose network (service and container name),
// so the default server SANs already cover `standalone` and `milvus-standalone`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findMilvusServices, parseComposeFile } from '../compose/composeFile';
import { COMPOSE_FILE_NAMES } from '../compose/composeFileLookup';
import { validateSan } from './validate';

/**
 * The Milvus service and container names of a compose file's text, deduplicated, in file order.
 * Names that are no valid DNS name (rare, e.g. with a space) are left out so the default SANs stay valid.
 */
export function milvusNamesFromCompose(text: string, fileName?: string): string[] {
  const compose = parseComposeFile(text, fileName);
  const names: string[] = [];
  for (const service of findMilvusServices(compose)) {
    for (const name of [service.name, service.containerName]) {
      if (name !== undefined && validateSan(name) === undefined && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

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
      return { names: milvusNamesFromCompose(text, fileName), composeFile: fileName };
    } catch {
      return { names: [], composeFile: fileName };
    }
  }
  return { names: [] };
}
