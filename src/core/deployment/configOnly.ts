/**
 * A milvus.yaml with no compose file or manifest around it: Milvus runs on this machine (or we cannot
 * tell where). It reads the milvus.yaml and the user.yaml of one folder; the version is unknown, so
 * treated as the newest; absolute paths that exist here are the files Milvus opens.
 */
import { readText } from '../workspace';
import { assembleDeployment } from './assemble';
import type { ResolveContext } from './context';
import { IMAGE_MILVUS_YAML_NAME, imageMilvusYaml, MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH } from './imageDefaults';
import { fromDefault, fromFile } from './provenance';
import type { ConfigSlot, Deployment, DeploymentConfigFile, MountTable } from './types';

const NO_MOUNTS: MountTable = {
  locate: () => undefined,
  containerPathsOf: () => [],
  boundFolders: () => [],
  uncoveredReason: 'no compose file says where it comes from',
};

/**
 * The milvus.yaml and user.yaml of `folder`. A `focus` file with another name (`my-milvus.yaml`, a
 * `milvusTls.configFiles` match) is read as the milvus.yaml, on its own.
 */
export async function configOnlyDeployment(
  folder: string,
  root: string,
  context: ResolveContext,
  focus?: string,
): Promise<Deployment | undefined> {
  const pathApi = context.fs.path;
  const configFiles: DeploymentConfigFile[] = [];
  const standsAlone = focus !== undefined && !['milvus.yaml', 'user.yaml'].includes(pathApi.basename(focus));
  const candidates: [ConfigSlot, string][] = [
    ['milvus.yaml', MILVUS_YAML_CONTAINER_PATH],
    ['user.yaml', USER_YAML_CONTAINER_PATH],
  ];
  for (const [slot, containerPath] of standsAlone ? candidates.slice(0, 1) : candidates) {
    const hostPath = standsAlone && focus !== undefined ? focus : pathApi.join(folder, slot);
    const read = await readText(context.fs, hostPath);
    if (read.text !== undefined) {
      configFiles.push({ slot, containerPath, source: 'host', hostPath, config: context.parsed.config(hostPath, read.text) });
    }
  }
  if (configFiles.length === 0) return undefined;
  // A user.yaml alone still sits on top of the milvus.yaml Milvus ships with.
  if (!configFiles.some((file) => file.slot === 'milvus.yaml')) {
    configFiles.unshift({
      slot: 'milvus.yaml',
      containerPath: MILVUS_YAML_CONTAINER_PATH,
      source: 'image',
      config: imageMilvusYaml(),
      mountedBy: { kind: 'image', text: IMAGE_MILVUS_YAML_NAME },
    });
  }
  const shown = fromFile(pathApi, root, folder, undefined, undefined).text;
  return assembleDeployment(
    {
      kind: 'config-only',
      id: `config:${standsAlone && focus !== undefined ? focus : folder}`,
      label: `Milvus config in ${shown === '' ? '.' : shown} (no compose file)`,
      root,
      version: { value: undefined, from: fromDefault('no image names a version: treated as the newest Milvus') },
      configFiles,
      environment: [],
      mounts: NO_MOUNTS,
      hostPathsAreLocal: true,
      notes: [],
    },
    context,
  );
}
