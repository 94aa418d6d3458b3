/**
 * Enable TLS as one plan over milvus.yaml and docker-compose (the docs' "Encryption in Transit"
 * steps): tls.* paths and common.security.tlsMode, a REST port of its own so Milvus ≥ 2.4.13
 * starts (milvus-tls-facts.md §1.3, §4.1), the certificate folder and the config mounted into the
 * Milvus container, and the REST port published. Pure: texts in, offset edits out.
 */
import path from 'node:path';
import { findBlocksNamed, getConfigEntry, parseMilvusConfig } from '../config/milvusConfig';
import { normaliseKeyPath } from '../config/keyNormalisation';
import { resolveConfigPath } from '../config/containerPaths';
import { DEFAULT_CERTS_CONTAINER_DIR, planComposeEdits } from './composeEdits';
import type { ComposeProjectView } from './composePlanView';
import { EditPlanError } from './errors';
import { checkInsertedPath } from './insertedText';
import { planConfigValues, type DesiredValue, type ValueChange } from './milvusYamlEdits';
import { applyTextEdits, type TextEdit } from './textEdit';

export const DEFAULT_HTTP_PORT = 8080;
const DEFAULT_PROXY_PORT = '19530';
const NEW_CONFIG_HEADER = '# TLS settings for Milvus, written by Milvus TLS (Enable TLS).\n';

export interface EnableTlsFiles {
  serverPem: string;
  serverKey: string;
  caPem: string;
}

export interface EnableTlsInput {
  /** The current milvus.yaml; undefined when there is none (a minimal one is created). */
  milvusYamlText?: string;
  /** The current compose file; undefined to leave compose alone. */
  composeText?: string;
  /** Names used in messages and the summary. */
  milvusYamlLabel?: string;
  composeLabel?: string;
  mode: 1 | 2;
  /** Certificate folder relative to the compose file's folder, e.g. `tls`. */
  certsHostDir: string;
  /** File names inside that folder. */
  files: EnableTlsFiles;
  httpPort?: number;
  /** milvus.yaml relative to the compose file's folder (default `milvus.yaml`). */
  configHostPath?: string;
  /** The merged project the compose file belongs to; host paths above are then relative to its folder. */
  composeProject?: ComposeProjectView;
}

export interface EnableTlsPlan {
  milvusYaml: TextEdit[] | { create: string };
  compose: TextEdit[];
  /** One line per change, then warnings ("warning: …") and notes. */
  summary: string[];
  /** The milvus.yaml key changes, for callers that report them structurally. */
  changes: ValueChange[];
  certsContainerDir: string;
  /** The REST port Milvus will use: an existing separate proxy.http.port is kept. */
  httpPort: number;
}

/** True when applying the plan changes nothing. */
export function isEmptyPlan(plan: { milvusYaml: TextEdit[] | { create: string }; compose: TextEdit[] }): boolean {
  return Array.isArray(plan.milvusYaml) && plan.milvusYaml.length === 0 && plan.compose.length === 0;
}

export function planEnableTls(input: EnableTlsInput): EnableTlsPlan {
  const yamlLabel = input.milvusYamlLabel ?? 'milvus.yaml';
  const composeLabel = input.composeLabel ?? 'docker-compose.yml';
  if (input.mode !== 1 && input.mode !== 2) throw new EditPlanError(yamlLabel, `tlsMode must be 1 or 2 (got ${String(input.mode)})`);
  for (const name of [input.files.serverPem, input.files.serverKey, input.files.caPem]) {
    if (name === '' || /[/\\]/.test(name)) {
      throw new EditPlanError(yamlLabel, `certificate file names must be plain names in the folder (got "${name}")`);
    }
  }
  const created = input.milvusYamlText === undefined;
  const yamlText = input.milvusYamlText ?? NEW_CONFIG_HEADER;
  const httpPort = chooseHttpPort(yamlText, yamlLabel, input.httpPort ?? DEFAULT_HTTP_PORT);

  const desiredKeys = ['tls.serverPemPath', 'tls.serverKeyPath', 'tls.caPemPath', 'common.security.tlsMode', 'proxy.http.port'];
  const summary: string[] = [];
  let compose: TextEdit[] = [];
  let certsContainerDir = DEFAULT_CERTS_CONTAINER_DIR;
  const composeSummary: string[] = [];
  if (input.composeText !== undefined) {
    const planned = planComposeEdits({
      text: input.composeText,
      label: composeLabel,
      certsHostDir: input.certsHostDir,
      configHostPath: input.configHostPath ?? 'milvus.yaml',
      configCreated: created,
      httpPort,
      keysSet: desiredKeys.map((key) => normaliseKeyPath([key])),
      ...(input.composeProject ? { project: input.composeProject } : {}),
    });
    compose = planned.edits;
    certsContainerDir = planned.certsContainerDir;
    composeSummary.push(...planned.summary);
  }

  // The folder may come from a mount the compose file already has: it is written into milvus.yaml.
  const containerFile = (name: string): string => {
    const file = path.posix.join(certsContainerDir, name);
    checkInsertedPath(yamlLabel, 'the container path', file);
    return file;
  };
  const samePath =
    (wanted: string) =>
    (current: string): boolean =>
      current.trim() !== '' && resolveConfigPath(current) === wanted;
  const desired: DesiredValue[] = [
    {
      path: ['tls', 'serverPemPath'],
      value: containerFile(input.files.serverPem),
      satisfiedBy: samePath(containerFile(input.files.serverPem)),
    },
    {
      path: ['tls', 'serverKeyPath'],
      value: containerFile(input.files.serverKey),
      satisfiedBy: samePath(containerFile(input.files.serverKey)),
    },
    { path: ['tls', 'caPemPath'], value: containerFile(input.files.caPem), satisfiedBy: samePath(containerFile(input.files.caPem)) },
    { path: ['common', 'security', 'tlsMode'], value: String(input.mode) },
    { path: ['proxy', 'http', 'port'], value: String(httpPort) },
  ];
  const planned = planConfigValues(yamlText, desired, yamlLabel);
  for (const change of planned.changes) {
    summary.push(
      `${yamlLabel}: ${change.key}: ${change.from === undefined ? 'added' : `${change.from === '' ? '(empty)' : change.from} →`} ${change.to}`,
    );
  }
  for (const block of findBlocksNamed(planned.config, 'tls')) {
    if (block.path.length > 1 && !block.shadowed) {
      summary.push(`note: ${yamlLabel}: "${block.path.join('.')}" is not read by Milvus (tls: must be at the top level); left unchanged`);
    }
  }
  summary.push(...composeSummary);
  const milvusYaml = created ? { create: applyTextEdits(yamlText, planned.edits) } : planned.edits;
  if (created) summary.unshift(`${yamlLabel}: created`);
  return { milvusYaml, compose, summary, changes: planned.changes, certsContainerDir, httpPort };
}

/**
 * The REST port: a proxy.http.port that is already set apart from proxy.port is the user's
 * choice and stays; otherwise the requested one, which must differ from proxy.port.
 */
export function chooseHttpPort(text: string, label: string, requested: number): number {
  if (!Number.isInteger(requested) || requested < 1 || requested > 65535) {
    throw new EditPlanError(label, `the HTTP port must be 1-65535 (got ${requested})`);
  }
  const config = parseMilvusConfig(text, label);
  const proxyPort = getConfigEntry(config, 'proxy.port')?.value.trim() || DEFAULT_PROXY_PORT;
  const current = getConfigEntry(config, 'proxy.http.port')?.value.trim() ?? '';
  if (/^\d+$/.test(current) && Number(current) >= 1 && Number(current) <= 65535 && current !== proxyPort) return Number(current);
  if (String(requested) === proxyPort) {
    throw new EditPlanError(
      label,
      `the HTTP port must differ from proxy.port (${proxyPort}): with TLS, Milvus does not serve REST and gRPC on one port`,
    );
  }
  return requested;
}
