/**
 * The check of a Kubernetes file (a chart values file, a manifest with Milvus resources, Secrets,
 * cert-manager objects): every milvus.yaml rule on the effective config of each deployment it holds,
 * reported on the lines of its embedded milvus.yaml, plus the Kubernetes rules, plus what is wrong
 * inside its Secrets. One engine for the language server and `milvus-tls check`.
 */
import type { PathApi } from '../../workspace';
import { parseMilvusConfig } from '../../config';
import type { Deployment, DeploymentConfigFile, LoadedFile, LoadedFileCache } from '../../deployment';
import { manifestLabel, manifestsOf, USER_YAML_CONTAINER_PATH } from '../../deployment';
import type { RecognisedKubernetesFile } from '../../kubernetes/recognise';
import { readHelmValues } from '../../kubernetes/helmValues';
import { keyRangeOf } from '../../kubernetes/yamlNodes';
import { DEFAULT_WARN_DAYS } from '../../inspect';
import type { Analysis } from '../index';
import { analyseMilvusConfig, sortFindings } from '../index';
import type { RuleFinding } from '../types';
import { mountRules } from './mountRules';
import { foldedUserYaml, valuesPlacementRules } from './placementRules';
import { secretRules } from './secretRules';
import { serviceRules } from './serviceRules';

export interface KubernetesCheckInput {
  fileName: string;
  text: string;
  recognised: RecognisedKubernetesFile;
  /** The deployments the file holds (kubernetesDeployments), in file order. */
  deployments: readonly Deployment[];
  root: string;
  pathApi: PathApi;
  cache: LoadedFileCache;
  clientCertificates?: readonly LoadedFile[];
  now?: Date;
  warnDays?: number;
}

export interface KubernetesAnalysis {
  findings: RuleFinding[];
  /** One per deployment, for hovers, links and inlay hints on its embedded milvus.yaml. */
  analyses: Analysis[];
}

function syntaxFindings(recognised: RecognisedKubernetesFile): RuleFinding[] {
  return recognised.file.problems.map((problem) => ({
    code: problem.severity === 'error' ? 'yaml-syntax' : 'yaml-warning',
    severity: problem.severity,
    message:
      problem.severity === 'error'
        ? `${problem.message.replace(/\.?$/, '.')} ${recognised.kind === 'helm-values' ? 'Helm' : 'kubectl'} cannot read this file.`
        : problem.message,
    range: { start: problem.offset, end: Math.max(problem.end, problem.offset) },
  }));
}

/** The document's own milvus.yaml for a deployment, or an empty stand-in anchored on the file (customConfigMap, no extraConfigFiles, no spec.config). */
function documentConfig(deployment: Deployment, input: KubernetesCheckInput): DeploymentConfigFile {
  const own = deployment.configFiles.find((file) => file.source === 'embedded' && file.hostPath === input.fileName);
  if (own) return own;
  const facts = deployment.kubernetes;
  const root = facts?.resource?.doc.root ?? facts?.values?.doc.root;
  const anchor = (facts?.values
    ? (facts.values.customConfigMap?.keyRange ?? facts.values.extraConfigFilesKey)
    : keyRangeOf(root, 'spec')) ??
    keyRangeOf(root, 'kind') ?? { start: 0, end: 0 };
  return {
    slot: 'user.yaml',
    containerPath: USER_YAML_CONTAINER_PATH,
    source: 'embedded',
    hostPath: input.fileName,
    config: parseMilvusConfig('', input.fileName, 'user.yaml'),
    embedded: {
      keyRange: anchor,
      range: { start: anchor.start, end: anchor.start },
      indent: '',
      style: 'empty',
      notEditable: 'this file holds no milvus.yaml of its own',
    },
  };
}

function overlaps(a: RuleFinding['range'], b: RuleFinding['range']): boolean {
  return a.start === b.start && a.end === b.end;
}

function deploymentFindings(deployment: Deployment, input: KubernetesCheckInput): { analysis: Analysis; findings: RuleFinding[] } {
  const configFile = documentConfig(deployment, input);
  const analysis = analyseMilvusConfig({
    deployment,
    fileName: input.fileName,
    text: input.text,
    configFile,
    cache: input.cache,
    ...(input.clientCertificates ? { clientCertificates: input.clientCertificates } : {}),
    ...(input.now ? { now: input.now } : {}),
    ...(input.warnDays !== undefined ? { warnDays: input.warnDays } : {}),
  });
  const ctx = analysis.context;
  const mounts = mountRules(ctx, analysis.references);
  // The Kubernetes rules say precisely what the generic "not checkable"/"no such file" say vaguely.
  const generic = analysis.findings.filter(
    (finding) =>
      !(
        (finding.code === 'path-not-mapped' || finding.code === 'file-not-found') &&
        mounts.supersedes.some((range) => overlaps(range, finding.range))
      ),
  );
  const facts = deployment.kubernetes;
  const placement = facts?.values ? valuesPlacementRules(input.text, facts.values, configFile) : foldedUserYaml(input.text, configFile);
  return {
    analysis,
    findings: [
      ...generic,
      ...mounts.findings,
      ...serviceRules(ctx, analysis.references),
      ...(deployment === input.deployments[0] ? placement : []),
    ],
  };
}

export function analyseKubernetesFile(input: KubernetesCheckInput): KubernetesAnalysis {
  const syntax = syntaxFindings(input.recognised);
  if (syntax.some((finding) => finding.severity === 'error')) return { findings: sortFindings(syntax), analyses: [] };
  const findings: RuleFinding[] = [...syntax];
  const analyses: Analysis[] = [];
  for (const deployment of input.deployments) {
    const result = deploymentFindings(deployment, input);
    analyses.push(result.analysis);
    findings.push(...result.findings);
  }
  // A values file with no deployment model (never: one per file) still gets its placement rules.
  if (input.deployments.length === 0 && input.recognised.kind === 'helm-values') {
    const doc = input.recognised.file.documents.find((candidate) => candidate.document.contents !== null);
    if (doc) findings.push(...valuesPlacementRules(input.text, readHelmValues(doc), undefined));
  }
  const options = { now: input.now ?? new Date(), warnDays: input.warnDays ?? DEFAULT_WARN_DAYS };
  for (const { manifest } of manifestsOf(input.fileName, input.recognised.file)) {
    findings.push(
      ...secretRules(input.text, manifest, (key) => manifestLabel(input.pathApi, input.root, input.fileName, manifest.name, key), options),
    );
  }
  return { findings: sortFindings(dedupe(findings)), analyses };
}

function dedupe(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}|${finding.range.start}|${finding.range.end}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
