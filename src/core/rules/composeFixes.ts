/**
 * The quick fix in the compose file: mounting a folder so that a config path reaches a workspace
 * file. The container path comes from milvus.yaml, so it is checked and escaped like every other
 * inserted path (core/edit/insertedText.ts), written through the compose list editor, and the
 * result is parsed back; anything that does not come out as the intended mount offers no fix.
 */
import path from 'node:path';
import { mapContainerPath, parseComposeFile } from '../compose';
import { EditPlanError } from '../edit/errors';
import { appendToServiceList, composeTextContext } from '../edit/composeLists';
import { volumeEntry } from '../edit/insertedText';
import { blockingProblem } from '../edit/readBack';
import { applyTextEdits, EditCollector } from '../edit/textEdit';
import type { TextEdit } from './fixes';

export interface VolumeToAdd {
  /** Relative to the compose file's folder (`./certs`) or absolute. */
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

/** A folder, whose compose file is not known here, to resolve relative host paths against. */
const COMPOSE_DIR = '/compose';

/** Appends the mount to the service's volumes (adding the key), in the list's own layout; [] when it cannot. */
export function addVolumeEdits(composeText: string, serviceName: string, volume: VolumeToAdd): TextEdit[] {
  const label = 'the compose file';
  let edits: TextEdit[];
  try {
    const compose = parseComposeFile(composeText, `${COMPOSE_DIR}/compose.yaml`);
    if (blockingProblem(compose.errors) || !compose.services.some((service) => service.name === serviceName)) return [];
    const entry = volumeEntry(label, { prefix: '', path: volume.hostPath }, volume.containerPath, volume.readOnly);
    const collector = new EditCollector();
    appendToServiceList(composeTextContext(composeText, label), serviceName, 'volumes', [entry], undefined, collector);
    edits = collector.edits;
  } catch (error) {
    if (error instanceof EditPlanError) return [];
    throw error;
  }
  const service = parseComposeFile(applyTextEdits(composeText, edits), `${COMPOSE_DIR}/compose.yaml`).services.find((candidate) => candidate.name === serviceName);
  const mapped = service ? mapContainerPath(volume.containerPath, service, COMPOSE_DIR)?.hostPath : undefined;
  return mapped === path.posix.resolve(COMPOSE_DIR, volume.hostPath) ? edits : [];
}
