/**
 * What is wrong inside a Secret (or ConfigMap) manifest, on the key that holds it: a PEM YAML
 * folded onto one line (written without `|`), `data` that is not base64 (the API server rejects the
 * manifest), and every finding of the certificate engine for the certificates and keys it holds —
 * expiry, key mismatch, chain, Go's rules — read together, as the files of one mounted folder.
 */
import type { OffsetRange } from '../../config';
import type { SecretEntry, SecretManifest } from '../../kubernetes/secret';
import { inspectFiles } from '../../inspect';
import type { Severity } from '../../inspect';
import type { RuleFinding, RuleSeverity } from '../types';

export interface SecretCheckOptions {
  now: Date;
  warnDays: number;
}

const SEVERITY: Record<Severity, RuleSeverity> = { error: 'error', warning: 'warning', info: 'information' };

/** `server.key:` followed by the PEM on the next lines: a ` |` after the colon keeps its line breaks. */
function foldedPemFix(text: string, entry: SecretEntry): RuleFinding['data'] {
  const colon = text.indexOf(':', entry.keyRange.end);
  if (colon < 0 || colon > entry.valueRange.start) return undefined;
  const between = text.slice(colon + 1, entry.valueRange.start);
  // Only the layout of the sample: the value starts on its own, more indented line.
  if (!/^[ \t]*\r?\n[ \t]+$/.test(between)) return undefined;
  const quote = text[entry.valueRange.start];
  if (quote === '"' || quote === "'") return undefined;
  return {
    fix: 'replace-text',
    title: `Write ${entry.key} as a literal block (|)`,
    start: colon + 1,
    end: colon + 1,
    expected: '',
    newText: ' |',
  };
}

function entryProblems(text: string, secret: SecretManifest, entry: SecretEntry): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const what = `${secret.kind} "${secret.name}", key ${entry.key}`;
  if (entry.problems.includes('folded-pem')) {
    const fix = foldedPemFix(text, entry);
    findings.push({
      code: 'k8s-secret-pem-folded',
      severity: 'error',
      message: `${what}: the PEM is written without "|", so YAML folds its lines into one ("-----BEGIN … ----- … -----END …-----"), which is not PEM: Milvus fails to load it ("failed to find any PEM data"). Write it as a literal block: "${entry.key}: |".`,
      range: entry.keyRange,
      ...(fix ? { data: fix } : {}),
    });
  }
  if (entry.problems.includes('not-base64')) {
    const raw = text.slice(entry.valueRange.start, entry.valueRange.end);
    const plain = /^[^"'|>\n\r]+$/.test(raw) ? raw : undefined;
    findings.push({
      code: 'k8s-secret-not-base64',
      severity: 'error',
      message: `${what}: values under "data" must be base64, and this one is not: kubectl apply fails ("illegal base64 data"). Encode it, or put the text under "stringData".`,
      range: entry.valueRange,
      ...(plain !== undefined
        ? {
            data: {
              fix: 'replace-text' as const,
              title: 'Encode the value as base64',
              start: entry.valueRange.start,
              end: entry.valueRange.end,
              expected: raw,
              newText: Buffer.from(plain, 'utf8').toString('base64'),
            },
          }
        : {}),
    });
  }
  return findings;
}

/** Certificates and keys of one Secret, inspected as the files of the folder it is mounted as. */
function certificateFindings(secret: SecretManifest, label: (key: string) => string, options: SecretCheckOptions): RuleFinding[] {
  const entries = secret.entries.filter(
    (entry) => !entry.shadowed && entry.bytes && entry.problems.length === 0 && /-----BEGIN /.test(entry.bytes.toString('latin1')),
  );
  if (entries.length === 0) return [];
  const byLabel = new Map<string, SecretEntry>(entries.map((entry) => [label(entry.key), entry]));
  const inspection = inspectFiles(
    entries.map((entry) => ({ path: label(entry.key), bytes: entry.bytes ?? Buffer.alloc(0) })),
    options.now,
    { warnDays: options.warnDays },
  );
  return inspection.findings.flatMap((finding) => {
    const entry = byLabel.get(finding.file);
    if (!entry) return [];
    const range: OffsetRange = entry.keyRange;
    return [
      {
        code: finding.code,
        severity: SEVERITY[finding.severity],
        message: `${secret.kind} "${secret.name}", key ${entry.key}: ${finding.message}`,
        range,
      },
    ];
  });
}

export function secretRules(
  text: string,
  secret: SecretManifest,
  label: (key: string) => string,
  options: SecretCheckOptions,
): RuleFinding[] {
  return [
    ...secret.entries.filter((entry) => !entry.shadowed).flatMap((entry) => entryProblems(text, secret, entry)),
    ...certificateFindings(secret, label, options),
  ];
}
