// CA rotation in three phases with fixed file names (see setFiles.ts and rotationGuide.ts), each one
// transaction of the folder's store: checked against the phase read from the files under the lock,
// all or nothing, its previous files kept in a dated backup that `rotateUndo` restores byte for byte.
import { join } from 'node:path';
import { lifetimeDays } from '../inspect';
import { generateCertificateAuthority } from '../pki/generate';
import { readSetFiles, type ReadOptions } from '../pki/store/read';
import { applySetChange, type AppliedChange, type SetChange } from '../pki/store/transaction';
import type { AfterChange } from './changedFiles';
import { RotationOrderError } from './errors';
import { secretManifestWrites } from './secretManifests';
import { keyTypeFor, planLeafRenewal, subjectFieldsOf } from './leafRenewal';
import { renewLeaves } from './renew';
import { describePhase, type RotationStep } from './rotationGuide';
import { rotationStatus, type RotationPhase, type RotationStatus } from './rotationStatus';
import {
  CA_CERTIFICATE,
  CA_KEY,
  leafFiles,
  modeFor,
  NEXT_CA_CERTIFICATE,
  NEXT_CA_KEY,
  PREVIOUS_CA_CERTIFICATE,
  ROTATION_FILES,
} from './setFiles';

export interface RotationOptions extends ReadOptions {
  afterChange?: AfterChange;
  now?: Date;
}

export interface PhaseOutcome {
  operation: string;
  written: string[];
  removed: string[];
  backupFolder: string | undefined;
  /** The status after the phase. */
  status: RotationStatus;
}

/** The set's rotation status, read under the folder's lock after recovery; and the bytes it was read from. */
export async function readRotation(
  directory: string,
  options: RotationOptions = {},
): Promise<{ status: RotationStatus; files: Map<string, Buffer | undefined> }> {
  const files = await readSetFiles(directory, ROTATION_FILES, options);
  return { status: rotationStatus(directory, files, options.now ?? new Date()), files };
}

function requirePhase(status: RotationStatus, wanted: RotationPhase, step: RotationStep): void {
  if (status.phase === wanted) return;
  if (status.phase === undefined) throw new RotationOrderError(`cannot ${step}: ${status.problem ?? 'not a certificate set'}`);
  const advice: Record<RotationPhase, string> = {
    none: 'start the rotation first (rotate start)',
    started: 'the next phase is reissue (rotate reissue)',
    reissued: 'the next phase is finish (rotate finish)',
  };
  throw new RotationOrderError(`cannot ${step} now: ${describePhase(status.phase)}; ${advice[status.phase]}`);
}

async function commit(directory: string, operation: string, setChange: SetChange, options: RotationOptions): Promise<PhaseOutcome> {
  const manifests = await secretManifestWrites(directory, setChange.writes);
  const change: SetChange = {
    ...setChange,
    writes: [...setChange.writes, ...manifests.writes],
    unchanged: new Map([...(setChange.unchanged ?? new Map<string, Buffer | undefined>()), ...manifests.unchanged]),
  };
  const applied: AppliedChange = await applySetChange(directory, { ...change, backupOperation: operation }, options);
  await options.afterChange?.({
    operation,
    directory,
    written: applied.written,
    removed: applied.removed,
    backupFolder: applied.backupFolder,
  });
  const { status } = await readRotation(directory, options);
  return { operation, written: applied.written, removed: applied.removed, backupFolder: applied.backupFolder, status };
}

/** "Milvus TLS CA" → "Milvus TLS CA 2026-03-01"; a date from an earlier rotation is replaced, not stacked. */
export function nextCaCommonName(current: string, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  const base = current.replace(/ \d{4}-\d\d-\d\d(?:-\d+)?$/, '').slice(0, 64 - date.length - 3);
  const name = `${base} ${date}`;
  return name === current ? `${name}-2` : name;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Phase 1: a new CA beside the current one; ca.pem trusts both. */
export async function rotateStart(
  directory: string,
  options: RotationOptions & { caCommonName?: string; caDays?: number } = {},
): Promise<PhaseOutcome> {
  const { status, files } = await readRotation(directory, options);
  requirePhase(status, 'none', 'start');
  const current = status.current;
  if (!current) throw new RotationOrderError('cannot start: ca.key belongs to no certificate of ca.pem');
  const now = options.now ?? new Date();
  const next = await generateCertificateAuthority(
    {
      keyType: keyTypeFor(current.info.publicKey).keyType,
      subject: subjectFieldsOf(current.info).subject,
      commonName: options.caCommonName ?? nextCaCommonName(current.info.commonName ?? 'Milvus TLS CA', now),
      days: options.caDays ?? lifetimeDays(new Date(current.info.notBefore), new Date(current.info.notAfter)),
    },
    options.signal,
  );
  const bundle = `${withNewline(files.get(CA_CERTIFICATE)?.toString('utf8') ?? current.info.pem)}${next.certificatePem}`;
  return commit(
    directory,
    'rotate-start',
    {
      writes: [
        { name: NEXT_CA_CERTIFICATE, contents: next.certificatePem, mode: modeFor(NEXT_CA_CERTIFICATE) },
        { name: NEXT_CA_KEY, contents: next.privateKeyPem, mode: modeFor(NEXT_CA_KEY) },
        { name: PREVIOUS_CA_CERTIFICATE, contents: current.info.pem, mode: modeFor(PREVIOUS_CA_CERTIFICATE) },
        { name: CA_CERTIFICATE, contents: bundle, mode: modeFor(CA_CERTIFICATE) },
      ],
      unchanged: files,
    },
    options,
  );
}

/** Phase 2: the server and client certificates reissued from the next CA. */
export async function rotateReissue(directory: string, options: RotationOptions = {}): Promise<PhaseOutcome> {
  const { status, files } = await readRotation(directory, options);
  requirePhase(status, 'started', 'reissue');
  const next = status.next;
  const nextKey = files.get(NEXT_CA_KEY)?.toString('utf8');
  if (!next || nextKey === undefined) throw new RotationOrderError('cannot reissue: ca-next.pem and ca-next.key are needed');
  const now = options.now ?? new Date();
  const requests = status.leaves
    .filter((leaf) => leaf.signedBy !== 'next')
    .map((leaf) => {
      const keyName = leafFiles(leaf.role).key;
      const plan = planLeafRenewal(
        leaf.certificate.info,
        next.info,
        files.get(keyName) === undefined ? undefined : join(directory, keyName),
        now,
      );
      if (typeof plan === 'string') throw new RotationOrderError(`cannot reissue ${leaf.role}.pem: ${plan}`);
      return { plan, ca: { certificatePem: next.info.pem, privateKeyPem: nextKey } };
    });
  const operation = 'rotate-reissue';
  const outcome = await renewLeaves(requests, { ...options, operation, unchanged: files });
  return {
    operation,
    written: outcome.written,
    removed: [],
    backupFolder: outcome.backupFolder,
    status: (await readRotation(directory, options)).status,
  };
}

/** Phase 3: the next CA becomes the only CA; ca-next.* and ca-prev.pem go to the backup. */
export async function rotateFinish(directory: string, options: RotationOptions = {}): Promise<PhaseOutcome> {
  const { status, files } = await readRotation(directory, options);
  requirePhase(status, 'reissued', 'finish');
  const nextCertificate = files.get(NEXT_CA_CERTIFICATE);
  const nextKey = files.get(NEXT_CA_KEY);
  if (!nextCertificate || !nextKey) throw new RotationOrderError('cannot finish: ca-next.pem and ca-next.key are needed');
  return commit(
    directory,
    'rotate-finish',
    {
      writes: [
        { name: CA_CERTIFICATE, contents: nextCertificate, mode: modeFor(CA_CERTIFICATE) },
        { name: CA_KEY, contents: nextKey, mode: modeFor(CA_KEY) },
      ],
      removals: [NEXT_CA_CERTIFICATE, NEXT_CA_KEY, ...(files.get(PREVIOUS_CA_CERTIFICATE) ? [PREVIOUS_CA_CERTIFICATE] : [])],
      unchanged: files,
    },
    options,
  );
}

export { commit as commitRotationChange };
