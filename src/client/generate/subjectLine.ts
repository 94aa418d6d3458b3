// One line for the shared subject fields, "C=DE, ST=Bavaria, L=Munich, O=Acme, OU=Ops", so the wizard
// needs one step for five optional fields. A comma inside a value is written as "\,".
import type { SubjectFields } from '../../core/pki/types';

export type SharedSubject = Omit<SubjectFields, 'commonName'>;
type SharedField = keyof SharedSubject;

const FIELD_BY_LABEL: Record<string, SharedField> = {
  c: 'country',
  country: 'country',
  st: 'state',
  state: 'state',
  l: 'locality',
  locality: 'locality',
  o: 'organization',
  organization: 'organization',
  ou: 'organizationalUnit',
  organizationalunit: 'organizationalUnit',
};

const SHORT_LABEL: [SharedField, string][] = [
  ['country', 'C'],
  ['state', 'ST'],
  ['locality', 'L'],
  ['organization', 'O'],
  ['organizationalUnit', 'OU'],
];

export interface ParsedSubjectLine {
  subject: SharedSubject;
  errors: string[];
}

/** Splits on commas that are not escaped, then unescapes "\," and "\\". */
function splitUnescaped(line: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length) {
      current += line[++i];
    } else if (char === ',') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Parses the line; an empty line means "no subject fields besides the CN". */
export function parseSubjectLine(line: string): ParsedSubjectLine {
  const subject: SharedSubject = {};
  const errors: string[] = [];
  if (line.trim() === '') return { subject, errors };
  for (const part of splitUnescaped(line)) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    if (equals < 0) {
      errors.push(`"${part.trim()}" is not FIELD=value (for example O=Acme)`);
      continue;
    }
    const label = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim();
    const field = FIELD_BY_LABEL[label.toLowerCase()];
    if (label.toUpperCase() === 'CN') {
      errors.push("CN is not set here: the CommonNames have their own steps (and the CA's its own setting)");
    } else if (!field) {
      errors.push(`Unknown field "${label}": use C, ST, L, O or OU`);
    } else if (subject[field] !== undefined) {
      errors.push(`${label.toUpperCase()} is given twice`);
    } else if (value !== '') {
      subject[field] = value;
    }
  }
  return { subject, errors };
}

function escapeValue(value: string): string {
  return value.replace(/[\\,]/g, (char) => `\\${char}`);
}

/** The inverse of parseSubjectLine: only the fields that have a value, in C, ST, L, O, OU order. */
export function formatSubjectLine(subject: SharedSubject): string {
  return SHORT_LABEL.filter(([field]) => (subject[field] ?? '') !== '')
    .map(([field, label]) => `${label}=${escapeValue(subject[field] ?? '')}`)
    .join(', ');
}
