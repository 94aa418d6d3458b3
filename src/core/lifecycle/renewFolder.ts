// `milvus-tls renew --dir DIR`: the certificate files of one folder, read under its lock (after
// recovering what a killed run left), inspected, and every leaf due renewed in one transaction.
import { join } from 'node:path';
import { inspectFiles, isCertificateFileName } from '../inspect';
import type { WorkspaceInspection } from '../inspect/types';
import { readFolderFiles } from '../pki/store/read';
import { renewLeaves, type RenewOptions, type RenewOutcome } from './renew';
import { pemBlockText, selectRenewals, type RenewSelection, type RenewWindow } from './renewSelection';

export interface FolderRenewal {
  selection: RenewSelection;
  inspection: WorkspaceInspection;
  /** Undefined when nothing was due (nothing written). */
  outcome: RenewOutcome | undefined;
}

/** Reads and inspects the folder's certificate files, as the renewal sees them. */
export async function inspectFolder(
  directory: string,
  now: Date,
  options: RenewOptions = {},
): Promise<{ inspection: WorkspaceInspection; read: Map<string, Buffer> }> {
  const read = await readFolderFiles(directory, isCertificateFileName, options);
  const inspection = inspectFiles(
    [...read].map(([name, bytes]) => ({ path: join(directory, name), bytes, mode: 0o600 })),
    now,
  );
  return { inspection, read };
}

/** Renews the leaves of `directory` due within the window (all with `window.all`), or only plans with `dryRun`. */
export async function renewFolder(
  directory: string,
  window: RenewWindow,
  options: RenewOptions & { dryRun?: boolean } = {},
): Promise<FolderRenewal> {
  const { inspection, read } = await inspectFolder(directory, window.now, options);
  const selection = selectRenewals(inspection, window);
  if (selection.due.length === 0 || options.dryRun) return { selection, inspection, outcome: undefined };
  const textOf = (file: string): string => read.get(file.slice(directory.length + 1))?.toString('utf8') ?? '';
  const requests = selection.due.map(({ plan, issuerKey }) => ({
    plan,
    ca: { certificatePem: plan.issuer.pem, privateKeyPem: pemBlockText(textOf(issuerKey.file), issuerKey.range) },
  }));
  // Every certificate file read must still be as read: the selection was made from them.
  const unchanged = new Map<string, Buffer | undefined>(read);
  const outcome = await renewLeaves(requests, { ...options, unchanged });
  return { selection, inspection, outcome };
}
