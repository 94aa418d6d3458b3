/**
 * The pieces both Kubernetes flavours build the same way: the user.yaml Milvus reads from YAML
 * embedded in a manifest (as an 'embedded' DeploymentConfigFile whose offsets are the manifest's),
 * the container environment written in a manifest, and the names clients dial.
 */
import type { EnvironmentVariableInput } from '../../config/effectiveConfig';
import type { MilvusConfigFile } from '../../config/milvusConfig';
import type { OffsetRange } from '../../config/yamlSource';
import { detectIndentUnit, linePrefix } from '../../edit/yamlText';
import type { EmbeddedYaml } from '../../kubernetes/embeddedYaml';
import { embeddedMapping, embeddedScalar } from '../../kubernetes/embeddedYaml';
import type { ManifestFile } from '../../kubernetes/manifestFile';
import { serviceDnsNames } from '../../kubernetes/serviceNames';
import type { NodeRef } from '../../kubernetes/yamlNodes';
import { child, items, rangeOf, stringField, text } from '../../kubernetes/yamlNodes';
import type { ResolveContext } from '../context';
import { USER_YAML_CONTAINER_PATH } from '../imageDefaults';
import type { DeploymentConfigFile, Provenance } from '../types';
import type { DialName } from './kubernetesFacts';

export interface EmbeddedSource {
  file: string;
  manifest: ManifestFile;
  /** The key holding the YAML (`user.yaml`, `milvus.yaml`, `config`). */
  key: string;
  keyRange: OffsetRange;
  value: NodeRef | undefined;
  shape: 'scalar' | 'mapping';
  mountedBy: Provenance;
}

/** A quoted string's offsets are not the file's: every finding then covers the whole value. */
function collapseTo(config: MilvusConfigFile, range: OffsetRange): void {
  for (const entry of config.allEntries) {
    entry.keyRange = range;
    entry.valueRange = range;
  }
  for (const block of config.blocks) {
    block.keyRange = range;
    block.range = range;
    for (const childEntry of block.children) childEntry.keyRange = range;
  }
  for (const problem of config.problems) {
    problem.offset = range.start;
    problem.end = range.end;
  }
  for (const duplicate of config.duplicates) duplicate.keyRanges = duplicate.keyRanges.map(() => range);
}

export function readEmbedded(source: EmbeddedSource): EmbeddedYaml {
  const text = source.manifest.text;
  const keyIndent = linePrefix(text, source.keyRange.start).replace(/[^ ]/g, ' ');
  const unit = ' '.repeat(detectIndentUnit(text));
  return source.shape === 'mapping'
    ? embeddedMapping(text, source.value, keyIndent, unit)
    : embeddedScalar(text, source.value, keyIndent, unit);
}

export function embeddedConfigFile(source: EmbeddedSource, context: ResolveContext): DeploymentConfigFile {
  const embedded = readEmbedded(source);
  const config = context.parsed.embeddedConfig(source.file, `${source.keyRange.start}:${source.key}`, embedded.text, 'user.yaml');
  if (!embedded.positionsExact) collapseTo(config, embedded.region);
  return {
    slot: 'user.yaml',
    containerPath: USER_YAML_CONTAINER_PATH,
    source: 'embedded',
    hostPath: source.file,
    config,
    mountedBy: source.mountedBy,
    embedded: {
      keyRange: source.keyRange,
      range: embedded.region,
      indent: embedded.indent,
      style: embedded.style,
      ...(embedded.positionsExact ? {} : { approximate: true }),
      ...(embedded.notEditable !== undefined ? { notEditable: embedded.notEditable } : {}),
    },
  };
}

/** `env:`/`extraEnv:` lists: `{name, value}` sets a variable; `valueFrom` is decided in the cluster (unknown here). */
export function environmentOf(
  list: NodeRef | undefined,
  file: string,
  manifest: ManifestFile,
  component: string,
): EnvironmentVariableInput[] {
  return items(list).flatMap((item) => {
    const name = stringField(item, 'name');
    if (name === undefined) return [];
    const valueRef = child(item, 'value');
    const value = valueRef ? (text(valueRef) ?? '') : child(item, 'valueFrom') ? undefined : '';
    const range = rangeOf(item);
    const nameRange = rangeOf(child(item, 'name'));
    const valueRange = rangeOf(valueRef);
    return [
      {
        name,
        value,
        fileName: file,
        serviceName: component,
        lines: manifest.lineCounter,
        ...(range ? { range } : {}),
        ...(nameRange ? { nameRange } : {}),
        ...(valueRange ? { valueRange } : {}),
      },
    ];
  });
}

/** The Service names (in-cluster DNS forms) and ingress hosts clients dial. */
export function dialNamesOf(service: string, namespace: string, ingressHosts: readonly { host: string; why: string }[]): DialName[] {
  return [
    ...serviceDnsNames(service, namespace).map((name) => ({ name, why: `the Service ${service} in namespace ${namespace}` })),
    ...ingressHosts.map((host) => ({ name: host.host, why: host.why })),
  ];
}
