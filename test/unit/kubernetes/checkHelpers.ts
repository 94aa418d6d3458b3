// A Kubernetes file checked as the language server and `milvus-tls check` do: recognised, its
// deployments resolved through the real deployment model over an in-memory workspace.
import path from 'node:path';
import type { KubernetesNames } from '../../../src/core/deployment';
import { kubernetesDeployments, LoadedFileCache, ParseCache, recogniseFile } from '../../../src/core/deployment';
import type { RuleFinding } from '../../../src/core/rules';
import type { KubernetesAnalysis } from '../../../src/core/rules/kubernetes/analyse';
import { analyseKubernetesFile } from '../../../src/core/rules/kubernetes/analyse';
import { memoryFileSystem } from '../../../src/core/workspace';
import { applyTextEdits } from '../../../src/core/edit';
import { documentFixes } from '../../../src/core/rules/documentFixes';

export const K8S_ROOT = '/ws';

export async function analyseFile(
  files: Record<string, string>,
  fileName: string,
  names: KubernetesNames = {},
  now?: Date,
): Promise<KubernetesAnalysis> {
  const context = { fs: memoryFileSystem(files), cache: new LoadedFileCache(), parsed: new ParseCache() };
  const recognised = await recogniseFile(fileName, context);
  if (!recognised) throw new Error(`${fileName} is not a Kubernetes file`);
  const deployments = await kubernetesDeployments(recognised, K8S_ROOT, context, names);
  return analyseKubernetesFile({
    fileName,
    text: files[fileName] ?? '',
    recognised,
    deployments,
    root: K8S_ROOT,
    pathApi: path.posix,
    cache: context.cache,
    ...(now ? { now } : {}),
  });
}

export async function findingsOf(files: Record<string, string>, fileName: string, names: KubernetesNames = {}): Promise<RuleFinding[]> {
  return (await analyseFile(files, fileName, names)).findings;
}

/** `code@line` for each finding of at least `minimum` severity, in order. */
export function codesAndLines(
  text: string,
  findings: readonly RuleFinding[],
  minimum: 'error' | 'warning' | 'information' | 'hint' = 'hint',
): string[] {
  const order = ['error', 'warning', 'information', 'hint'];
  return findings
    .filter((finding) => order.indexOf(finding.severity) <= order.indexOf(minimum))
    .map((finding) => `${finding.code}@${text.slice(0, finding.range.start).split('\n').length}`);
}

/** Applies the preferred fix of the first finding with `code`, as the language server routes it. */
export async function applyFirstFix(
  files: Record<string, string>,
  fileName: string,
  code: string,
  names: KubernetesNames = {},
): Promise<string> {
  const text = files[fileName] ?? '';
  const analysis = await analyseFile(files, fileName, names);
  const finding = analysis.findings.find((candidate) => candidate.code === code);
  if (!finding?.data) throw new Error(`no ${code} finding with a fix: ${analysis.findings.map((candidate) => candidate.code).join(', ')}`);
  const fixes = documentFixes(text, finding.data, finding.range, analysis.analyses, path.posix.basename(fileName));
  const fix = fixes.find((candidate) => candidate.preferred) ?? fixes[0];
  if (!fix || fix.edits.length === 0) throw new Error(`the ${code} fix has no edit`);
  return applyTextEdits(text, fix.edits);
}
