// What a person does around each phase of a CA rotation, in one place for the CLI and the editor.
// Milvus reads its certificate files once, at start-up, so every phase ends with a restart.
import type { RotationPhase } from './rotationStatus';

export type RotationStep = 'start' | 'reissue' | 'finish';

/** The three phases, for the plan the editor shows before the first. */
export const ROTATION_PLAN: readonly { step: RotationStep; title: string; does: string }[] = [
  {
    step: 'start',
    title: 'Start',
    does: 'a new CA as ca-next.pem/ca-next.key; ca.pem becomes the bundle of the current and the new CA (the current one also kept as ca-prev.pem). Server and client certificates stay.',
  },
  {
    step: 'reissue',
    title: 'Reissue',
    does: 'new server and client certificates and keys from the new CA (same names, SANs and key types). Old and new client certificates are both accepted.',
  },
  {
    step: 'finish',
    title: 'Finish',
    does: 'ca.pem and ca.key become the new CA alone; ca-next.* and ca-prev.pem go to the backup. Client certificates of the old CA are refused from then on.',
  },
];

/** What to do after a phase ran, before the next. */
export const AFTER_PHASE: Readonly<Record<RotationStep, string>> = {
  start: 'Give every client the new ca.pem (it trusts both CAs), then restart Milvus. Then run the reissue phase.',
  reissue:
    'Restart Milvus (it now serves a certificate from the new CA, which clients holding the new ca.pem trust), ' +
    'then roll the new client.pem/client.key out to the clients. Then run the finish phase.',
  finish: 'Restart Milvus: from now on it accepts only client certificates from the new CA. The rotation is complete.',
};

/** The phase that can run next from a status phase. */
export function nextStep(phase: RotationPhase): RotationStep {
  return phase === 'none' ? 'start' : phase === 'started' ? 'reissue' : 'finish';
}

export function describePhase(phase: RotationPhase): string {
  switch (phase) {
    case 'none':
      return 'no rotation in progress: ca.pem holds the CA that ca.key belongs to';
    case 'started':
      return 'started: ca.pem trusts the current and the next CA; the server and client certificates are still from the current CA';
    case 'reissued':
      return 'reissued: the server and client certificates are from the next CA; ca.pem still trusts both';
  }
}

export interface RotationChoice {
  action: RotationStep | 'undo';
  label: string;
  detail: string;
}

/**
 * What "Rotate CA…" offers for a set: the one phase that can run now (each phase refuses to run out
 * of order, so only that one is offered), and undoing the last phase when there is one.
 */
export function rotationChoices(phase: RotationPhase | undefined, lastPhaseBackup: string | undefined): RotationChoice[] {
  const choices: RotationChoice[] = [];
  if (phase !== undefined) {
    const step = nextStep(phase);
    const index = ROTATION_PLAN.findIndex((entry) => entry.step === step);
    const plan = ROTATION_PLAN[index];
    if (plan) choices.push({ action: step, label: `Phase ${index + 1} of 3: ${plan.title}`, detail: plan.does });
  }
  if (lastPhaseBackup !== undefined) {
    choices.push({ action: 'undo', label: 'Undo the last phase', detail: `Restores the files from ${lastPhaseBackup}, byte for byte.` });
  }
  return choices;
}
