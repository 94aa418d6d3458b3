// The names a container reaches Milvus by inside a compose network (service and container name),
// so the default server SANs already cover `standalone` and `milvus-standalone`. A module of its own
// because it parses YAML: composeNames.ts loads it only when a compose file is there.
import { findMilvusServices, parseComposeFile } from '../compose/composeFile';
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
