// Editing a workspace's compose file before VS Code opens it: a scenario's volumes and published ports.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSeq, parseDocument } from 'yaml';

export interface ServiceChanges {
  /** Volume entries added to the service's `volumes:` (short syntax, e.g. "./certs:/milvus/certs"). */
  readonly addVolumes?: readonly string[];
  /** The service's `ports:` as a whole (e.g. ["41000:19530", "41001:9999"]). */
  readonly ports?: readonly string[];
}

/** Changes `service` (default "standalone") of `<workspace>/docker-compose.yml`, keeping the rest of the file. */
export async function editComposeService(
  workspace: string,
  changes: ServiceChanges,
  service = 'standalone',
  file = 'docker-compose.yml',
): Promise<void> {
  const path = join(workspace, file);
  const document = parseDocument(await readFile(path, 'utf8'));
  const volumes = document.getIn(['services', service, 'volumes']);
  if (!isSeq(volumes)) throw new Error(`${file}: service ${service} has no volumes list`);
  for (const volume of changes.addVolumes ?? []) volumes.add(document.createNode(volume));
  if (changes.ports) document.setIn(['services', service, 'ports'], document.createNode([...changes.ports]));
  if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map(String).join('; ')}`);
  await writeFile(path, document.toString());
}
