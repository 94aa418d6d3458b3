// What the workspace says about its Milvus TLS set-up, read the way Milvus reads it: milvus.yaml,
// overridden by the compose service's environment, container paths mapped to workspace files
// through the compose volumes, the REST port through the published ports. No editor imports: both
// connection commands and the unit tests use it on plain folders.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeFile, ComposeService } from '../../core/compose';
import { findComposeFilesOnDisk, findMilvusServices, mapContainerPath, readComposeFileFromDisk } from '../../core/compose';
import type { EffectiveConfig, MilvusConfigFile } from '../../core/config';
import { effectiveConfig, environmentFromCompose, parseMilvusConfig, readBool, readString, readTlsMode } from '../../core/config';

export interface WorkspaceTls {
  /** The milvus.yaml read, if any. */
  configPath?: string;
  config?: MilvusConfigFile;
  composePath?: string;
  serviceName?: string;
  /** The effective tlsMode; undefined without a milvus.yaml. */
  mode?: number;
  /** Existing workspace files; undefined when not found. */
  serverCertPath?: string;
  caPath?: string;
  certPath?: string;
  keyPath?: string;
  /** The host port that reaches proxy.http.port; undefined when REST is off or the port unset. */
  httpPort?: number;
  authorizationEnabled: boolean;
  /** What was found and where, one line each, for the Output channel. */
  notes: string[];
}

export interface WorkspaceTlsInput {
  workspaceDir: string;
  /** milvus.yaml candidates in the workspace (absolute); the best one is read. */
  configCandidates: readonly string[];
  /** `milvusTls.generate.outputFolder`, where generated files are looked for last. */
  outputFolder: string;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function firstFile(candidates: readonly (string | undefined)[]): Promise<string | undefined> {
  for (const candidate of candidates) if (candidate !== undefined && await isFile(candidate)) return candidate;
  return undefined;
}

/** The shallowest milvus.yaml, then by name: a root-level config is the one compose mounts. */
export function chooseConfigFile(candidates: readonly string[]): string | undefined {
  const depth = (file: string): number => file.split(/[\\/]/).length;
  return [...candidates].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))[0];
}

/** The Milvus service that mounts this config, else the first Milvus service. */
function milvusService(compose: ComposeFile, configPath: string): ComposeService | undefined {
  const services = findMilvusServices(compose);
  const mounting = services.find((service) => service.volumes.some((mount) =>
    mount.target.startsWith('/milvus/configs/') && mapContainerPath(mount.target, service, compose.composeDir)?.hostPath === path.resolve(configPath)));
  return mounting ?? services[0];
}

export async function resolveWorkspaceTls(input: WorkspaceTlsInput): Promise<WorkspaceTls> {
  const result: WorkspaceTls = { authorizationEnabled: false, notes: [] };
  const outputDir = path.resolve(input.workspaceDir, input.outputFolder);
  const configPath = chooseConfigFile(input.configCandidates);
  let effective: EffectiveConfig | undefined;
  let service: ComposeService | undefined;
  let composeDir: string | undefined;
  if (configPath !== undefined) {
    const config = parseMilvusConfig(await readFile(configPath, 'utf8'), configPath);
    result.configPath = configPath;
    result.config = config;
    const composePath = (await findComposeFilesOnDisk(configPath, input.workspaceDir))[0];
    if (composePath !== undefined) {
      const compose = await readComposeFileFromDisk(composePath);
      service = milvusService(compose, configPath);
      composeDir = compose.composeDir;
      result.composePath = composePath;
      if (service) result.serviceName = service.name;
    }
    effective = effectiveConfig({
      milvusYaml: config,
      ...(service ? { environment: environmentFromCompose(service, composePath) } : {}),
      ...(service?.imageVersion ? { version: service.imageVersion } : {}),
    });
    result.mode = readTlsMode(effective).mode;
    result.authorizationEnabled = readBool(effective, 'common.security.authorizationEnabled', false).value;
    result.notes.push(`milvus.yaml: ${configPath}, tlsMode ${result.mode}`
      + (service ? `; compose service "${service.name}" in ${composePath ?? '?'}` : '; no compose file with a Milvus service'));
  } else {
    result.notes.push('milvus.yaml: none in the workspace');
  }

  // A container path (`/milvus/tls/ca.pem`) is the workspace file its volume mounts; without a
  // mapping, the file of that name in the generated folder is the best guess.
  const hostPathOf = (key: string): string[] => {
    const value = effective ? readString(effective, key).value.trim() : '';
    if (value === '') return [];
    const mapped = service ? mapContainerPath(value, service, composeDir)?.hostPath : undefined;
    return [...(mapped !== undefined ? [mapped] : []), path.join(outputDir, path.posix.basename(value))];
  };
  result.serverCertPath = await firstFile([...hostPathOf('tls.serverPemPath'), path.join(outputDir, 'server.pem')]);
  result.caPath = await firstFile([
    ...hostPathOf('tls.caPemPath'),
    result.serverCertPath && path.join(path.dirname(result.serverCertPath), 'ca.pem'),
    path.join(outputDir, 'ca.pem'),
  ]);
  const clientDirs = [...new Set([result.caPath && path.dirname(result.caPath), outputDir].filter((dir): dir is string => !!dir))];
  result.certPath = await firstFile(clientDirs.map((dir) => path.join(dir, 'client.pem')));
  result.keyPath = await firstFile(clientDirs.map((dir) => path.join(dir, 'client.key')));
  result.notes.push(`files: server ${result.serverCertPath ?? 'not found'}, CA ${result.caPath ?? 'not found'}, `
    + `client ${result.certPath ?? 'not found'}, key ${result.keyPath ?? 'not found'}`);

  if (effective && readBool(effective, 'proxy.http.enabled', true).value) {
    const containerPort = Number(readString(effective, 'proxy.http.port').value.trim());
    if (Number.isInteger(containerPort) && containerPort > 0 && containerPort < 65536) {
      const published = service?.ports.find((port) => port.targetPort === containerPort && port.protocol === 'tcp');
      result.httpPort = published?.publishedPort ?? containerPort;
      result.notes.push(`REST: proxy.http.port ${containerPort}`
        + (service ? (published ? `, published as ${result.httpPort}` : ', not published by the compose service') : ''));
    }
  }
  return result;
}
