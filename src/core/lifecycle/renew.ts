// Renewing leaves: new key pairs and certificates from their CA, with the same subject, SANs and key
// type, written to the same names in one transaction of the folder's store, the old files kept in a
// dated backup folder. The one engine behind `milvus-tls renew`, "Renew Expiring Certificates…" and
// the tree's "Renew Certificate…".
import { basename, dirname, extname } from 'node:path';
import { readPemOrDer } from '../inspect';
import { SetChangedError, WriteSetError } from '../pki/errors';
import { reissueLeaves } from '../pki/generate';
import { readSetFiles } from '../pki/store/read';
import { applySetChange, type FileWrite } from '../pki/store/transaction';
import type { AfterChange } from './changedFiles';
import { secretManifestWrites } from './secretManifests';
import type { LeafRenewalPlan } from './leafRenewal';
import { CA_SERIAL, modeFor } from './setFiles';

export interface RenewRequest {
  plan: LeafRenewalPlan;
  /** The signing CA's certificate and private key, PEM (the key may live in another folder). */
  ca: { certificatePem: string; privateKeyPem: string };
}

export interface RenewOptions {
  signal?: AbortSignal;
  lockTimeoutMs?: number;
  afterChange?: AfterChange;
  /** Backup folder label; "renew" unless a rotation phase reissues. */
  operation?: string;
  /** More files of the folder that must not change meanwhile (a rotation's CA files). */
  unchanged?: ReadonlyMap<string, Buffer | undefined>;
}

export interface RenewOutcome {
  written: string[];
  backupFolder: string | undefined;
}

/** Names in the folder that this renewal may touch, so they are read (and guarded) under the lock. */
function namesInvolved(plans: readonly LeafRenewalPlan[]): string[] {
  const names = new Set<string>([CA_SERIAL]);
  for (const plan of plans) {
    for (const target of plan.targets) names.add(basename(target.path));
    names.add(`${basename(plan.certificate.file, extname(plan.certificate.file))}.csr`);
  }
  return [...names];
}

function stillTheSame(plan: LeafRenewalPlan, bytes: Buffer | undefined): boolean {
  if (!bytes) return false;
  const first = readPemOrDer(bytes, plan.certificate.file).objects.find((object) => object.kind === 'certificate');
  return first?.kind === 'certificate' && first.fingerprintSha256 === plan.certificate.fingerprintSha256;
}

/** The generated files under the names they replace: cert and key always, the CSR and ca.srl where the folder has them. */
function placeGenerated(
  plan: LeafRenewalPlan,
  generated: Awaited<ReturnType<typeof reissueLeaves>>,
  present: ReadonlyMap<string, Buffer | undefined>,
): FileWrite[] {
  const writes: FileWrite[] = [];
  const csrName = `${basename(plan.certificate.file, extname(plan.certificate.file))}.csr`;
  for (const file of generated) {
    const target = plan.targets.find((candidate) => candidate.generated === file.name);
    let name: string | undefined = target ? basename(target.path) : undefined;
    if (file.name.endsWith('.csr') && present.get(csrName) !== undefined) name = csrName;
    // openssl's serial file belongs to the CA: updated only when it sits beside that CA.
    if (file.name === CA_SERIAL && present.get(CA_SERIAL) !== undefined && dirname(plan.issuer.file) === plan.directory) name = CA_SERIAL;
    if (name !== undefined) writes.push({ name, contents: file.contents, mode: modeFor(name) });
  }
  return writes;
}

/**
 * Renews the planned leaves, all in one folder, all or nothing. Throws SetChangedError (nothing
 * written) when a certificate is no longer the one planned, and the store's errors otherwise.
 */
export async function renewLeaves(requests: readonly RenewRequest[], options: RenewOptions = {}): Promise<RenewOutcome> {
  const first = requests[0];
  if (!first) return { written: [], backupFolder: undefined };
  const directory = first.plan.directory;
  if (requests.some((request) => request.plan.directory !== directory)) {
    throw new WriteSetError('renewals in one transaction must share a folder');
  }
  const plans = requests.map((request) => request.plan);
  const read = await readSetFiles(directory, namesInvolved(plans), options);
  const moved = plans.filter((plan) => !stillTheSame(plan, read.get(basename(plan.certificate.file))));
  if (moved.length > 0) {
    throw new SetChangedError(
      directory,
      moved.map((plan) => basename(plan.certificate.file)),
    );
  }

  const writes = new Map<string, FileWrite>();
  for (const { plan, ca } of requests) {
    const generated = await reissueLeaves(
      ca,
      plan.options,
      { server: plan.role === 'server', client: plan.role === 'client' },
      options.signal,
    );
    for (const write of placeGenerated(plan, generated, read)) writes.set(write.name, write);
  }
  const manifests = await secretManifestWrites(directory, [...writes.values()]);
  const unchanged = new Map([...read, ...(options.unchanged ?? new Map<string, Buffer | undefined>()), ...manifests.unchanged]);
  const operation = options.operation ?? 'renew';
  const applied = await applySetChange(
    directory,
    { writes: [...writes.values(), ...manifests.writes], unchanged, backupOperation: operation },
    options,
  );
  await options.afterChange?.({ operation, directory, written: applied.written, removed: [], backupFolder: applied.backupFolder });
  return { written: applied.written, backupFolder: applied.backupFolder };
}
