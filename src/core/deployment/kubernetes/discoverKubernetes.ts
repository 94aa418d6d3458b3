/**
 * Which Kubernetes deployments a file holds: a chart values file is one Helm release; each `Milvus`
 * resource of a manifest is one deployment. Secrets, ConfigMaps and cert-manager objects on their own
 * are no deployment (they feed the deployments around them).
 */
import type { RecognisedKubernetesFile } from '../../kubernetes/recognise';
import { mayBeKubernetesText, recogniseManifestFile } from '../../kubernetes/recognise';
import { readText } from '../../workspace';
import type { ResolveContext } from '../context';
import type { Deployment } from '../types';
import { helmDeployment } from './helmDeployment';
import type { KubernetesNames } from './kubernetesFacts';
import { operatorDeployment } from './operatorDeployment';

/** Recognised from the file's current text (the editor's, when it is open), parsed once per text. */
export async function recogniseFile(
  file: string,
  context: ResolveContext,
  selected = false,
): Promise<RecognisedKubernetesFile | undefined> {
  const read = await readText(context.fs, file);
  if (read.text === undefined) return undefined;
  // The cheap gate first: most YAML files are not ours, and the language server sees them all.
  if (!mayBeKubernetesText(read.text)) return undefined;
  return recogniseManifestFile(context.parsed.manifest(file, read.text), { selected });
}

export async function kubernetesDeployments(
  recognised: RecognisedKubernetesFile,
  root: string,
  context: ResolveContext,
  names: KubernetesNames = {},
): Promise<Deployment[]> {
  const { file } = recognised;
  const fileName = file.fileName;
  if (fileName === undefined) return [];
  if (recognised.kind === 'helm-values') {
    const doc = file.documents.find((candidate) => candidate.document.contents !== null);
    return doc ? [await helmDeployment({ file: fileName, manifest: file, doc, root, names }, context)] : [];
  }
  const deployments: Deployment[] = [];
  for (const object of recognised.objects.filter((candidate) => candidate.type === 'milvus')) {
    const deployment = await operatorDeployment({ file: fileName, manifest: file, doc: object.doc, root, names }, context);
    if (deployment) deployments.push(deployment);
  }
  return deployments;
}
