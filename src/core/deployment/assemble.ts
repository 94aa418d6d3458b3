/**
 * The part of building a deployment every kind shares: given the config files Milvus reads, its
 * environment, its version and how its container paths are mounted, work out the effective config,
 * the tlsMode, every path setting (resolved and loaded) and the addresses clients dial.
 */
import { effectiveConfig, getEffectiveValue } from '../config/effectiveConfig';
import { PATH_SLOTS } from '../config/pathSettings';
import { readTlsMode } from '../config/tlsMode';
import { resolveEndpoints } from './endpoints';
import type { PortPublisher } from './endpoints';
import type { ResolveContext } from './context';
import { resolvePathSetting } from './paths';
import { fromEffectiveValue } from './provenance';
import type { Deployment, MountTable, ResolvedPath } from './types';

/** What a deployment kind (compose, Kubernetes, a bare milvus.yaml) found; the rest is derived here. */
export interface AssembleInput extends Pick<Deployment, 'kind' | 'id' | 'label' | 'root' | 'version' | 'configFiles' | 'environment'> {
  mounts: MountTable;
  /** Host ports that reach container ports (compose `ports:`); undefined: ports are dialled as they are. */
  publisher?: PortPublisher;
  /** Whether a path with no mount may be a file on this machine (Milvus run without a container). */
  hostPathsAreLocal: boolean;
  notes: string[];
}

export async function assembleDeployment(input: AssembleInput, context: ResolveContext): Promise<Deployment> {
  const version = input.version.value;
  const milvusYaml = input.configFiles.find((file) => file.slot === 'milvus.yaml');
  const userYaml = input.configFiles.find((file) => file.slot === 'user.yaml');
  const effective = effectiveConfig({
    ...(milvusYaml ? { milvusYaml: milvusYaml.config } : {}),
    ...(userYaml ? { userYaml: userYaml.config } : {}),
    environment: input.environment,
    ...(version ? { version } : {}),
  });
  for (const ignored of effective.ignoredFiles) {
    const file = input.configFiles.find(
      (candidate) => candidate.config.fileName === ignored.fileName && candidate.config.source === ignored.source,
    );
    if (file) file.ignoredBecause = ignored.reason;
  }
  const paths = new Map<string, ResolvedPath>();
  await Promise.all(
    PATH_SLOTS.map(async (slot) => {
      const value = getEffectiveValue(effective, slot.key);
      if (!value || value.value.trim() === '') return;
      paths.set(slot.key, await resolvePathSetting(slot.key, value, input, context));
    }),
  );
  const { grpc, rest } = resolveEndpoints(effective, input.publisher, input.root, context.fs.path);
  return {
    kind: input.kind,
    id: input.id,
    label: input.label,
    root: input.root,
    version: input.version,
    configFiles: input.configFiles,
    environment: input.environment,
    effective,
    tlsMode: readTlsMode(effective),
    mounts: input.mounts,
    paths: new Map(PATH_SLOTS.filter((slot) => paths.has(slot.key)).map((slot) => [slot.key, paths.get(slot.key) as ResolvedPath])),
    grpc,
    rest,
    provenanceOf: (key) => {
      const value = getEffectiveValue(effective, key);
      return value ? fromEffectiveValue(value, input.root, context.fs.path) : undefined;
    },
    notes: input.notes,
  };
}
