/**
 * Milvus settings written where the chart never passes them to Milvus (facts §1): TLS keys at the
 * root of a values file (`--set common.security.tlsMode=1` does nothing) or anywhere outside
 * `extraConfigFiles`; an `extraConfigFiles` key other than `user.yaml` (rendered into the ConfigMap,
 * never mounted); `extraConfigFiles` while `customConfigMap` is set (ignored); and a user.yaml
 * written as a folded (`>`) block, whose lines YAML joins before Milvus reads them.
 */
import { isMap } from 'yaml';
import { normaliseKey } from '../../config';
import type { DeploymentConfigFile } from '../../deployment';
import type { HelmValues } from '../../kubernetes/helmValues';
import type { NodeRef } from '../../kubernetes/yamlNodes';
import { nodeRange } from '../../kubernetes/yamlNodes';
import { mapEntries } from '../../config/yamlSource';
import type { RuleFinding } from '../types';

/** Keys that only mean something to Milvus: found outside user.yaml, they are lost. */
const MILVUS_TLS_LEAVES = new Set(
  ['tlsmode', 'internaltlsenabled', 'serverpempath', 'serverkeypath', 'capempath'].map((key) => normaliseKey(key)),
);
const MILVUS_ROOT_BLOCKS = new Set(['tls', 'internaltls', 'common']);
/** Milvus keys that share a name with chart settings: only this exact path is Milvus's (the chart's proxy.http.enabled is unused too). */
const MILVUS_PATHS = ['proxy.http.port'];
const MILVUS_PATH_DEPTHS = new Set(MILVUS_PATHS.map((path) => path.split('.').length));
const MAX_NODES = 5_000;
const MAX_DEPTH = 8;

interface Misplaced {
  path: string[];
  keyRange: RuleFinding['range'];
}

/** Whether `key` under `path` is one of MILVUS_PATHS; the path is joined only at a depth one of them has. */
function isMilvusPath(path: readonly string[], key: string): boolean {
  return MILVUS_PATH_DEPTHS.has(path.length + 1) && MILVUS_PATHS.includes([...path, key].join('.'));
}

/**
 * Milvus TLS keys outside extraConfigFiles: whole root blocks, or a leaf anywhere. Bounded; aliases
 * are not followed twice. Runs on every keystroke over the whole values file (~1,500 lines): it
 * builds a path or a range only for what it reports or enters.
 */
function misplacedKeys(root: NodeRef): Misplaced[] {
  const found: Misplaced[] = [];
  const seen = new Set<unknown>();
  let budget = MAX_NODES;
  const visit = (ref: NodeRef, path: string[]): void => {
    if (path.length > MAX_DEPTH || seen.has(ref.node) || --budget < 0) return;
    seen.add(ref.node);
    for (const entry of mapEntries(ref.node, ref.document)) {
      if (path.length === 0 && entry.key === 'extraConfigFiles') continue;
      const mapping = isMap(entry.value);
      const milvusKey = mapping
        ? path.length === 0 && MILVUS_ROOT_BLOCKS.has(entry.key)
        : MILVUS_TLS_LEAVES.has(normaliseKey(entry.key)) || isMilvusPath(path, entry.key);
      const keyRange = milvusKey ? nodeRange(entry.keyNode) : undefined;
      if (keyRange) found.push({ path: [...path, entry.key], keyRange });
      else if (mapping) visit({ node: entry.value, document: ref.document }, [...path, entry.key]);
    }
  };
  visit(root, []);
  return found;
}

export function valuesPlacementRules(text: string, values: HelmValues, userYaml: DeploymentConfigFile | undefined): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const misplaced of misplacedKeys(values.doc.root)) {
    const written = misplaced.path.join('.');
    findings.push({
      code: 'k8s-key-outside-user-yaml',
      severity: 'warning',
      message: `"${written}" is a Milvus setting, but in a values file no chart template reads it (the same as --set ${written}=…): Milvus never sees it. Milvus settings go inside extraConfigFiles.user.yaml.`,
      range: misplaced.keyRange,
      data: { fix: 'move-into-user-yaml', path: misplaced.path },
    });
  }
  const hasUserYaml = values.extraConfigFiles.some((file) => file.key === 'user.yaml');
  for (const file of values.extraConfigFiles.filter((candidate) => candidate.key !== 'user.yaml')) {
    if (!file.keyRange) continue;
    const written = text.slice(file.keyRange.start, file.keyRange.end);
    findings.push({
      code: 'k8s-extra-config-not-mounted',
      severity: 'warning',
      message: `extraConfigFiles.${file.key} becomes a key of the chart's ConfigMap, but the Milvus pods mount only user.yaml (and default.yaml) from it: Milvus never reads ${file.key}.${hasUserYaml ? '' : ' Name it user.yaml.'}`,
      range: file.keyRange,
      ...(hasUserYaml
        ? {}
        : {
            data: {
              fix: 'replace-text' as const,
              title: 'Rename to user.yaml',
              start: file.keyRange.start,
              end: file.keyRange.end,
              expected: written,
              newText: 'user.yaml',
            },
          }),
    });
  }
  if (values.customConfigMap && values.extraConfigFiles.length > 0 && values.extraConfigFilesKey) {
    findings.push({
      code: 'k8s-extra-config-ignored',
      severity: 'warning',
      message: `customConfigMap is set ("${values.customConfigMap.value}"), so the chart renders no ConfigMap of its own and ignores extraConfigFiles: Milvus reads the milvus.yaml key of that ConfigMap as its user.yaml instead.`,
      range: values.extraConfigFilesKey,
    });
  }
  findings.push(...foldedUserYaml(text, userYaml));
  return findings;
}

/** `user.yaml: >` joins adjacent lines into one: what Milvus reads is not what the file shows. */
export function foldedUserYaml(text: string, userYaml: DeploymentConfigFile | undefined): RuleFinding[] {
  const embedded = userYaml?.embedded;
  if (embedded?.style !== 'folded') return [];
  const header = text.indexOf('>', embedded.keyRange.end);
  const fix =
    header >= 0 && header < embedded.range.start
      ? {
          fix: 'replace-text' as const,
          title: 'Write it as a literal block (|)',
          start: header,
          end: header + 1,
          expected: '>',
          newText: '|',
        }
      : undefined;
  return [
    {
      code: 'k8s-user-yaml-folded',
      severity: 'warning',
      message:
        'This milvus.yaml is a folded block scalar (>): YAML joins lines of the same indentation with a space before Milvus reads it, so "a: 1" and "b: 2" on two lines become "a: 1 b: 2". Write it with | (literal) instead.',
      range: embedded.keyRange,
      ...(fix ? { data: fix } : {}),
    },
  ];
}
