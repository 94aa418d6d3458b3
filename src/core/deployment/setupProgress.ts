/**
 * How far the workspace's Milvus is along the Getting Started walkthrough, read from the deployment
 * model (so the walkthrough agrees with the diagnostics, status and Test Connection): a step is done
 * when the deployment says so, not only when its command was run once, possibly on another folder.
 */
import { PATH_SLOTS } from '../config/pathSettings';
import type { Deployment } from './types';

export interface SetupProgress {
  /** Every external-TLS file Milvus will load (server.pem, server.key, ca.pem) is a workspace file holding what it should. */
  certificatesInPlace: boolean;
  /** Some deployment runs Milvus with tlsMode 1 or 2. */
  tlsEnabled: boolean;
}

const EXTERNAL_TLS_SLOTS = PATH_SLOTS.filter((slot) => slot.group === 'tls');

function holdsWhatItShould(deployment: Deployment, slot: (typeof EXTERNAL_TLS_SLOTS)[number]): boolean {
  const objects = deployment.paths.get(slot.key)?.file?.read?.objects ?? [];
  const kind = slot.expect === 'key' ? 'private-key' : 'certificate';
  return objects.some((object) => object.kind === kind);
}

function certificatesInPlace(deployment: Deployment): boolean {
  return EXTERNAL_TLS_SLOTS.every((slot) => holdsWhatItShould(deployment, slot));
}

/** Progress over every Milvus deployment found; a hypothetical one (a lone config file standing in) does not count. */
export function setupProgressOf(deployments: readonly Deployment[]): SetupProgress {
  const real = deployments.filter((deployment) => deployment.hypothetical === undefined);
  return {
    certificatesInPlace: real.some(certificatesInPlace),
    tlsEnabled: real.some((deployment) => deployment.tlsMode.mode === 1 || deployment.tlsMode.mode === 2),
  };
}
