// The one-line verdict of a connection report, for the notification: what worked, or the first
// failure's cause and fix. The full report goes to the Output channel.
import type { Cause, ConnectionReport, StepResult } from '../../core/connection';

export interface ReportSummary {
  ok: boolean;
  message: string;
  /** The failing (or, for a pass with warnings, the first warning) step's cause. */
  cause?: Cause;
  failedStep?: StepResult;
}

/** "TLS 1.3" from the handshake step's "Protocol TLSv1.3, cipher …" detail. */
function negotiatedProtocol(report: ConnectionReport): string | undefined {
  const tls = report.steps.find((step) => step.id === 'tls');
  const match = tls?.details.map((line) => /^Protocol TLSv(1\.[0-3])\b/.exec(line)).find((found) => found !== null);
  return match ? `TLS ${match[1]}` : undefined;
}

function mutualTls(report: ConnectionReport): boolean {
  const tls = report.steps.find((step) => step.id === 'tls');
  return report.target.clientCertificateGiven && (tls?.details.some((line) => /required by the server.*accepted/.test(line)) ?? false);
}

export function summarizeReport(report: ConnectionReport): ReportSummary {
  if (report.cancelled) return { ok: false, message: 'Connection test cancelled.' };
  const failed = report.steps.find((step) => step.status === 'fail');
  if (failed) {
    const cause = failed.cause;
    const message = cause ? `${failed.title} failed: ${cause.message} Fix: ${cause.fix}` : `${failed.title} failed: ${failed.summary}`;
    return { ok: false, message, failedStep: failed, ...(cause ? { cause } : {}) };
  }
  const protocol = negotiatedProtocol(report) ?? 'TLS';
  const how = `over ${protocol} (${mutualTls(report) ? 'mutual' : 'one-way'})`;
  const warning = report.steps.find((step) => step.status === 'warn');
  const reached = report.steps.some((step) => step.id === 'grpc' && step.status !== 'skipped');
  const base =
    report.serverVersion !== undefined
      ? `Connected to Milvus ${report.serverVersion} ${how}`
      : reached
        ? `Connected ${how}`
        : `TLS handshake succeeded ${how}`;
  if (!warning) return { ok: true, message: `${base}.` };
  const detail = warning.cause ? `${warning.cause.message} ${warning.cause.fix}` : warning.summary;
  return {
    ok: true,
    message: `${base}, with a warning: ${detail}`,
    failedStep: warning,
    ...(warning.cause ? { cause: warning.cause } : {}),
  };
}
