/**
 * What a Kubernetes deployment knows beyond the shared Deployment shape: which chart values or
 * Milvus resource it comes from, the release and namespace, the pods' volumes and mounts, the
 * Services and ingress hosts clients dial, and the Secrets and ConfigMaps in the workspace. The
 * Kubernetes rules, edits and generation read it; nothing else needs to.
 */
import type { HelmValues } from '../../kubernetes/helmValues';
import type { ManifestFile } from '../../kubernetes/manifestFile';
import type { MilvusResource } from '../../kubernetes/milvusResource';
import type { ComponentPod } from '../../kubernetes/volumes';
import type { Traced } from '../types';
import type { ManifestIndex } from './manifestIndex';

export interface DialName {
  name: string;
  /** "the Service my-release-milvus", "an ingress host (values.yaml:152)". */
  why: string;
}

export interface KubernetesFacts {
  flavour: 'helm' | 'operator';
  /** The values file, or the manifest holding the Milvus resource. */
  file: string;
  manifest: ManifestFile;
  values?: HelmValues;
  resource?: MilvusResource;
  /** Helm: the release (not in the values file: a setting or --release, else the docs' my-release); Operator: metadata.name. */
  release: Traced<string>;
  namespace: Traced<string>;
  /** True when release and namespace are assumed, not known: SAN findings are then softer. */
  namesAssumed: boolean;
  /** The Service clients dial (`<release>-milvus`). */
  serviceName: string;
  dialNames: DialName[];
  /** Where user.yaml comes from. */
  userYamlSource: 'extraConfigFiles' | 'customConfigMap' | 'spec.config' | 'none';
  servingPod: ComponentPod;
  /** Every pod that loads internal TLS files (each Milvus component). */
  internalPods: ComponentPod[];
  manifests: ManifestIndex;
}

/** Release and namespace as the user gave them (settings, CLI flags); absent: the docs' defaults. */
export interface KubernetesNames {
  release?: string;
  namespace?: string;
}
