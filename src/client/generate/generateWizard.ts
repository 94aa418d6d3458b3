// The questions of "Generate Certificates…" as a plain step model: defaults, validation, and the
// certificate options they add up to. Pressing Enter at every step yields a working set.
import { isAbsolute, normalize } from 'node:path';
import { DEFAULT_SERVER_COMMON_NAME, defaultServerSans } from '../../core/pki/defaults';
import type { CertificateSetOptions, KeyType } from '../../core/pki/types';
import { KEY_TYPES } from '../../core/pki/types';
import { parseSanList, validateCommonName, validateCountry, validateSubjectText } from '../../core/pki/validate';
import type { InputStep, PickStep, WizardStep } from '../quickInput/steps';
import type { GenerateSettings } from './generateSettings';
import type { SharedSubject } from './subjectLine';
import { formatSubjectLine, parseSubjectLine } from './subjectLine';

export interface GenerateWizardState {
  outputFolder: string;
  serverCommonName: string;
  /** Undefined until the user accepts the SAN step: the default then follows the server CN. */
  serverSans: string[] | undefined;
  keyType: KeyType;
  clientCommonName: string;
  subject: SharedSubject;
}

export interface GenerateWizardContext {
  settings: GenerateSettings;
  /** Milvus service and container names from the workspace's compose file (or a Kubernetes target's Service names), added to the default SANs. */
  composeNames: string[];
  /** Where composeNames come from, for the SAN prompt (default: "the compose file"). */
  namesSource?: string;
  /** Shown in the folder prompt ("relative to my-project"). */
  workspaceFolderName: string;
  /** What the folder step asks for; the export command writes two scripts instead of the nine files. */
  folderPurpose: string;
  /** Called when the user picks a key type, so that its keys can be made while the questions go on. */
  onKeyTypeChosen?: (keyType: KeyType) => void;
}

export const KEY_TYPE_DESCRIPTIONS: Record<KeyType, string> = {
  rsa2048: "RSA 2048 — the Milvus docs' choice; every client accepts it",
  rsa3072: 'RSA 3072 — stronger, slower handshakes',
  rsa4096: 'RSA 4096 — strongest RSA, slowest handshakes',
  'ecdsa-p256': 'ECDSA P-256 — small and fast; supported by Go, Python, Java and Node clients',
  'ecdsa-p384': 'ECDSA P-384 — stronger curve, still fast',
};

/** Validator messages start in lower case so they read well after a field name; alone, capitalise. */
function sentence(message: string | undefined): string | undefined {
  return message === undefined ? undefined : message.charAt(0).toUpperCase() + message.slice(1);
}

export function initialWizardState(settings: GenerateSettings): GenerateWizardState {
  return {
    outputFolder: settings.outputFolder,
    serverCommonName: DEFAULT_SERVER_COMMON_NAME,
    serverSans: undefined,
    keyType: settings.keyType,
    clientCommonName: settings.clientCommonName,
    subject: {
      country: settings.country,
      state: settings.state,
      locality: settings.locality,
      organization: settings.organization,
      organizationalUnit: settings.organizationalUnit,
    },
  };
}

/** The SANs in effect: what the user accepted, or the default for the current server CN. */
export function effectiveServerSans(state: GenerateWizardState, composeNames: string[]): string[] {
  return state.serverSans ?? defaultServerSans(state.serverCommonName, composeNames);
}

/** A folder relative to the workspace folder (or absolute); never empty, never climbing out with "..". */
export function validateOutputFolder(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Give a folder, for example tls (relative to the workspace folder)';
  if (isAbsolute(trimmed)) return undefined;
  const normalized = normalize(trimmed);
  if (normalized === '..' || normalized.startsWith('../') || normalized.startsWith('..\\')) {
    return 'Use a folder inside the workspace folder, or an absolute path';
  }
  return undefined;
}

function validateCommonNameStep(value: string, settings: GenerateSettings): string | undefined {
  const problem = validateCommonName(value.trim());
  if (problem) return sentence(problem);
  if (value.trim() === settings.caCommonName) {
    return `"${settings.caCommonName}" is the CA's name (setting milvusTls.generate.caCommonName); a leaf needs a different name`;
  }
  return undefined;
}

export function validateServerSansText(value: string): string | undefined {
  const { sans, errors } = parseSanList(value);
  if (errors.length > 0) return sentence(errors[0]);
  if (sans.length === 0) return 'Give at least one name or address: Go clients ignore the CommonName and check only these';
  return undefined;
}

export function validateSubjectLineText(value: string): string | undefined {
  const { subject, errors } = parseSubjectLine(value);
  if (errors.length > 0) return errors[0];
  const problem =
    validateCountry(subject.country) ??
    validateSubjectText(subject.state) ??
    validateSubjectText(subject.locality) ??
    validateSubjectText(subject.organization) ??
    validateSubjectText(subject.organizationalUnit);
  return sentence(problem);
}

/** The six steps, each reading and writing `state`. */
export function generateWizardSteps(state: GenerateWizardState, context: GenerateWizardContext): WizardStep[] {
  const { settings, composeNames } = context;
  const folder: InputStep = {
    kind: 'input',
    title: 'Output folder',
    prompt: `${context.folderPurpose}, relative to ${context.workspaceFolderName} (Enter keeps the default)`,
    value: () => state.outputFolder,
    validate: validateOutputFolder,
    accept: (value) => {
      state.outputFolder = value.trim();
    },
  };
  const serverName: InputStep = {
    kind: 'input',
    title: 'Server CommonName',
    prompt: "The server certificate's CommonName: the host name clients connect to (Milvus docs: localhost)",
    value: () => state.serverCommonName,
    validate: (value) => validateCommonNameStep(value, settings),
    accept: (value) => {
      state.serverCommonName = value.trim();
    },
  };
  const sans: InputStep = {
    kind: 'input',
    title: 'Server subject alternative names',
    prompt:
      'Every DNS name and IP address clients use to reach Milvus, separated by commas' +
      (composeNames.length > 0 ? ` (includes ${composeNames.join(', ')} from ${context.namesSource ?? 'the compose file'})` : ''),
    value: () => effectiveServerSans(state, composeNames).join(', '),
    validate: validateServerSansText,
    accept: (value) => {
      const accepted = parseSanList(value).sans;
      // Unchanged defaults keep following the CN, so going back to rename the server updates them.
      const isDefault = accepted.join(',') === defaultServerSans(state.serverCommonName, composeNames).join(',');
      state.serverSans = isDefault ? undefined : accepted;
    },
  };
  const keyType: PickStep<KeyType> = {
    kind: 'pick',
    title: 'Key type',
    placeholder: `Key algorithm for the CA, server and client keys (default ${settings.keyType}, setting milvusTls.generate.keyType)`,
    options: () =>
      KEY_TYPES.map((value) => ({
        label: value,
        description: value === settings.keyType ? '(default)' : undefined,
        detail: KEY_TYPE_DESCRIPTIONS[value],
        value,
      })),
    active: () => state.keyType,
    accept: (value) => {
      state.keyType = value;
      context.onKeyTypeChosen?.(value);
    },
  };
  const clientName: InputStep = {
    kind: 'input',
    title: 'Client CommonName',
    prompt: "The client certificate's CommonName, for mutual TLS (tlsMode 2)",
    value: () => state.clientCommonName,
    validate: (value) => validateCommonNameStep(value, settings),
    accept: (value) => {
      state.clientCommonName = value.trim();
    },
  };
  const subject: InputStep = {
    kind: 'input',
    title: 'Subject fields',
    prompt: 'Optional fields shared by all three certificates, as C=.., ST=.., L=.., O=.., OU=.. (empty for none)',
    placeholder: 'C=DE, ST=Bavaria, L=Munich, O=Acme, OU=Platform',
    value: () => formatSubjectLine(state.subject),
    validate: validateSubjectLineText,
    accept: (value) => {
      state.subject = parseSubjectLine(value).subject;
    },
  };
  return [folder, serverName, sans, keyType, clientName, subject];
}

/** The options the answers add up to; CA name and validity come from the settings. */
export function certificateSetOptionsFrom(
  state: GenerateWizardState,
  context: Pick<GenerateWizardContext, 'settings' | 'composeNames'>,
): CertificateSetOptions {
  const subject: SharedSubject = {};
  for (const [field, value] of Object.entries(state.subject) as [keyof SharedSubject, string | undefined][]) {
    if (value !== undefined && value !== '') subject[field] = value;
  }
  return {
    keyType: state.keyType,
    subject,
    caCommonName: context.settings.caCommonName,
    serverCommonName: state.serverCommonName,
    serverSans: effectiveServerSans(state, context.composeNames),
    clientCommonName: state.clientCommonName,
    caDays: context.settings.caDays,
    leafDays: context.settings.days,
  };
}
