/**
 * One document checked within its deployment: a Kubernetes file (chart values, Milvus resource,
 * Secret, cert-manager object, recognised by content) against each deployment it belongs to, else a
 * Milvus config against the deployment that loads it. The language server and `milvus-tls check`
 * both ask this, so a file gets the same findings in the editor and in CI.
 */
import type { KubernetesNames, LoadedFile, ResolveContext } from '../deployment';
import { deploymentForConfigFile, isMountedConfigFile, kubernetesDeployments, recogniseFile, rootOf } from '../deployment';
import type { Analysis, RuleFinding } from '../rules';
import { analyseMilvusConfig } from '../rules';
import { analyseKubernetesFile } from '../rules/kubernetes/analyse';

export interface DocumentToAnalyse {
  fileName: string;
  /** The document's text as the caller holds it (the editor's, unsaved edits included). */
  text: string;
  /** The workspace folders (the CLI: its project folder). */
  roots: readonly string[];
  context: ResolveContext;
  /** Chosen as a Milvus config (by name, setting or command line): less evidence makes it a values file. */
  selected: boolean;
  kubernetes: KubernetesNames;
  clientCertificates: readonly LoadedFile[];
  warnDays?: number;
}

export interface DocumentAnalysis {
  findings: RuleFinding[];
  /** The milvus.yaml analyses in it: one for a config file, one per deployment of a Kubernetes file. */
  analyses: Analysis[];
}

/** Undefined for a file that is neither a Kubernetes file nor a Milvus config (not selected, not mounted as one). */
export async function analyseDocument(input: DocumentToAnalyse): Promise<DocumentAnalysis | undefined> {
  const { fileName, text, roots, context, clientCertificates } = input;
  const warn = input.warnDays !== undefined ? { warnDays: input.warnDays } : {};
  const recognised = await recogniseFile(fileName, context, input.selected);
  if (recognised) {
    const root = rootOf(context.fs.path, fileName, roots);
    const deployments = await kubernetesDeployments(recognised, root, context, input.kubernetes);
    const pathApi = context.fs.path;
    const result = analyseKubernetesFile({
      fileName,
      text,
      recognised,
      deployments,
      root,
      pathApi,
      cache: context.cache,
      clientCertificates,
      ...warn,
    });
    return { findings: result.findings, analyses: result.analyses };
  }
  // A YAML file the compose project mounts as Milvus's config is one, whatever its name.
  if (!input.selected && !(await isMountedConfigFile(fileName, roots, context))) return undefined;
  const deployment = await deploymentForConfigFile(fileName, roots, context);
  const analysis = analyseMilvusConfig({ deployment, fileName, text, clientCertificates, cache: context.cache, ...warn });
  return { findings: analysis.findings, analyses: [analysis] };
}
