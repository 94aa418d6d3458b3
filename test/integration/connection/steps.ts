// Small assertions shared by the connection tests.
import { strict as assert } from 'node:assert';
import type { ConnectionReport, StepId, StepResult } from '../../../src/core/connection';
import type { PemPair, TestPki } from '../../helpers/testPki';
import type { ServerTlsFiles } from '../../helpers/servers/milvusServerCredentials';

export function step(report: ConnectionReport, id: StepId): StepResult {
  const found = report.steps.find((s) => s.id === id);
  assert.ok(found, `no ${id} step`);
  return found;
}

/** Asserts a step's status and, for failures and warnings, its cause code. */
export function expectStep(report: ConnectionReport, id: StepId, status: StepResult['status'], code?: string): StepResult {
  const found = step(report, id);
  const shown = JSON.stringify({ status: found.status, summary: found.summary, cause: found.cause?.code });
  assert.equal(found.status, status, `${id}: ${shown}`);
  if (code !== undefined) assert.equal(found.cause?.code, code, `${id}: ${shown}`);
  return found;
}

/** Server files as Milvus would be configured: this key pair, and ca.pem as tls.caPemPath. */
export function serverFiles(pki: TestPki, pair: PemPair): ServerTlsFiles {
  return { certPem: pair.certPem, keyPem: pair.keyPem, caPem: pki.ca.certPem };
}
