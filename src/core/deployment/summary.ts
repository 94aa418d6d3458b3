/**
 * A deployment as plain JSON: what `milvus-tls status --json` prints, what the language server answers
 * to `milvusTls/deployment`, and what the agreement tests compare across fronts. Every field says
 * where it came from.
 */
import { formatMilvusVersion } from '../compose/imageVersion';
import { readBool } from '../config/typedValues';
import type { Deployment, PathLocation, Provenance } from './types';

export interface TracedSummary<T> {
  value: T;
  from: string;
}

export interface DeploymentSummary {
  id: string;
  kind: Deployment['kind'];
  label: string;
  version: TracedSummary<string | null>;
  configFiles: { slot: string; containerPath: string; source: string; path: string | null; ignored: string | null }[];
  tlsMode: TracedSummary<number>;
  internalTls: boolean;
  /** Path settings Milvus has a value for: where each lives. */
  paths: Record<string, { containerPath: string; location: PathLocation['kind']; file: string | null; from: string }>;
  grpc: { host: string; port: number; from: string };
  rest: { host: string; port: number; from: string } | null;
  /** Set when the file being checked stands in for one the deployment does not load. */
  hypothetical: string | null;
  notes: string[];
}

function traced<T>(value: T, from: Provenance | undefined, fallback: string): TracedSummary<T> {
  return { value, from: from?.text ?? fallback };
}

function fileOf(location: PathLocation): string | null {
  switch (location.kind) {
    case 'host':
    case 'outside-workspace':
    case 'foreign-host':
      return location.hostPath;
    case 'manifest':
      return location.label;
    default:
      return null;
  }
}

export function summarizeDeployment(deployment: Deployment): DeploymentSummary {
  const paths: DeploymentSummary['paths'] = {};
  for (const [key, resolved] of deployment.paths) {
    paths[key] = {
      containerPath: resolved.containerPath,
      location: resolved.location.kind,
      file: fileOf(resolved.location),
      from: resolved.from.text,
    };
  }
  const endpoint = (value: Deployment['grpc']) => ({ host: value.host.value, port: value.port.value, from: value.port.from.text });
  return {
    id: deployment.id,
    kind: deployment.kind,
    label: deployment.label,
    version: traced(deployment.version.value ? formatMilvusVersion(deployment.version.value) : null, deployment.version.from, 'unknown'),
    configFiles: deployment.configFiles.map((file) => ({
      slot: file.slot,
      containerPath: file.containerPath,
      source: file.source,
      path: file.hostPath ?? null,
      ignored: file.ignoredBecause ?? null,
    })),
    tlsMode: traced(deployment.tlsMode.mode, deployment.provenanceOf('common.security.tlsMode'), "Milvus's default"),
    internalTls: readBool(deployment.effective, 'common.security.internaltlsEnabled', false).value,
    paths,
    grpc: endpoint(deployment.grpc),
    rest: deployment.rest ? endpoint(deployment.rest) : null,
    hypothetical: deployment.hypothetical ?? null,
    notes: deployment.notes,
  };
}
