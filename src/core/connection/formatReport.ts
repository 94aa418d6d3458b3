// The report as plain text lines: what `milvus-tls ping` prints and what the editor writes to its
// Output channel, so both read the same. No colours, no secrets (the report holds none).
import { formatAddress } from './address';
import type { Cause, ConnectionReport, StepResult, StepStatus } from './types';

const MARK: Readonly<Record<StepStatus, string>> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skipped: 'SKIP' };

function causeLines(cause: Cause, indent: string): string[] {
  const lines = [`${indent}cause: ${cause.code}: ${cause.message}`, `${indent}fix:   ${cause.fix}`];
  if (cause.configKey) lines.push(`${indent}key:   ${cause.configKey}`);
  return lines;
}

export function formatStep(step: StepResult, options: { details?: boolean } = {}): string[] {
  const time = step.status === 'skipped' ? '' : ` (${step.durationMs} ms)`;
  const lines = [`${MARK[step.status]}  ${step.title}${time}: ${step.summary}`];
  if (options.details !== false) for (const detail of step.details) lines.push(`        ${detail}`);
  for (const cause of [...(step.cause ? [step.cause] : []), ...(step.moreCauses ?? [])]) lines.push(...causeLines(cause, '      '));
  return lines;
}

export function formatHeader(report: Pick<ConnectionReport, 'target'>): string {
  const { target } = report;
  const parts = [`server name ${target.serverName}`];
  if (target.httpPort !== undefined) parts.push(`REST port ${target.httpPort}`);
  parts.push(target.caGiven ? 'CA given' : 'system CAs');
  if (target.clientCertificateGiven) parts.push('client certificate');
  if (target.tokenGiven) parts.push('credentials');
  if (target.maxTlsVersion !== 'TLSv1.3') parts.push(`TLS up to ${target.maxTlsVersion}`);
  return `Testing ${formatAddress(target.host, target.port)} (${parts.join(', ')})`;
}

export function formatVerdict(report: ConnectionReport): string {
  if (report.cancelled) return 'Result: CANCELLED';
  const failed = report.steps.filter((s) => s.status === 'fail').length;
  const warned = report.steps.filter((s) => s.status === 'warn').length;
  const version = report.serverVersion ? ` Milvus ${report.serverVersion}.` : '';
  if (failed > 0) return `Result: FAILED (${failed} step${failed === 1 ? '' : 's'} failed) in ${report.durationMs} ms.${version}`;
  if (warned > 0) return `Result: OK with ${warned} warning${warned === 1 ? '' : 's'} in ${report.durationMs} ms.${version}`;
  return `Result: OK in ${report.durationMs} ms.${version}`;
}

export function formatReport(report: ConnectionReport, options: { details?: boolean } = {}): string[] {
  return [formatHeader(report), ...report.steps.flatMap((step) => formatStep(step, options)), formatVerdict(report)];
}
