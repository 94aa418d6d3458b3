// What "Generate Certificates…" offers when the output folder already holds files of a set: the
// user must choose explicitly; reissuing is only possible when the CA's certificate and key are there.
import type { CertificateSetFileName } from '../../core/pki/types';

export type ExistingSetAction = 'overwrite' | 'reissue';

export interface ExistingSetChoice {
  label: string;
  action: ExistingSetAction;
}

export interface ExistingSetPrompt {
  message: string;
  detail: string;
  /** The modal's buttons; Cancel is the modal's own. */
  choices: ExistingSetChoice[];
}

export const OVERWRITE_LABEL = 'Overwrite';
export const REISSUE_LABEL = 'Reissue leaves with the existing CA';

/** Reissuing needs both halves of the CA: its certificate to name the issuer, its key to sign. */
export function canReissueLeaves(existing: readonly string[]): boolean {
  return existing.includes('ca.pem' satisfies CertificateSetFileName) && existing.includes('ca.key' satisfies CertificateSetFileName);
}

/** The modal's text for the files found in `folderLabel` (e.g. "tls/"), or undefined when none exist. */
export function existingSetPrompt(existing: readonly string[], folderLabel: string): ExistingSetPrompt | undefined {
  if (existing.length === 0) return undefined;
  const reissue = canReissueLeaves(existing);
  // The first button is the modal's default (Enter): make it the choice that keeps the CA clients trust.
  const choices: ExistingSetChoice[] = [{ label: OVERWRITE_LABEL, action: 'overwrite' }];
  if (reissue) choices.unshift({ label: REISSUE_LABEL, action: 'reissue' });
  const count = existing.length === 1 ? '1 file' : `${existing.length} files`;
  const detail = [
    `Existing: ${existing.join(', ')}.`,
    `${OVERWRITE_LABEL} replaces the whole set with a new CA: clients that trust the old ca.pem must get the new one.`,
    reissue
      ? `${REISSUE_LABEL} keeps ca.pem and ca.key and replaces the server and client certificates and keys: clients keep trusting the CA.`
      : 'Reissuing needs both ca.pem and ca.key in the folder.',
  ].join('\n\n');
  return { message: `${folderLabel} already holds ${count} of a certificate set`, detail, choices };
}

/** The action behind the button the user pressed; undefined (Cancel, Escape) means write nothing. */
export function actionForChoice(prompt: ExistingSetPrompt, pressedLabel: string | undefined): ExistingSetAction | undefined {
  return prompt.choices.find((choice) => choice.label === pressedLabel)?.action;
}
