// `milvus-tls rotate start|reissue|finish|status|undo`: replaces the CA in three phases, so clients
// are never locked out (see src/core/lifecycle/rotationGuide.ts for what each phase does).
import { resolve } from 'node:path';
import { expiryPhrase } from '../core/inspect';
import { RotationOrderError } from '../core/lifecycle/errors';
import { readRotation, rotateFinish, rotateReissue, rotateStart, type PhaseOutcome } from '../core/lifecycle/rotate';
import { AFTER_PHASE, describePhase, nextStep, type RotationStep } from '../core/lifecycle/rotationGuide';
import type { RotationStatus } from '../core/lifecycle/rotationStatus';
import { rotateUndo } from '../core/lifecycle/undo';
import { BACKUP_FOLDER } from '../core/pki/store/names';
import { MAX_DAYS } from '../core/pki/validate';
import { parseCommandLine } from './args';
import { displayPath } from './editFiles';
import { ExitCode, UsageError } from './exitCodes';
import { abortOnSignals } from './interrupt';
import type { Subcommand } from './main';
import { reportWriteFailure } from './writeFailures';

const HELP = `Usage: milvus-tls rotate <phase> [--dir DIR] [options]

Replaces the CA of a certificate folder without locking clients out, in three phases. The file
names never change, so milvus.yaml and the clients keep their paths; restart Milvus after each phase.

Phases:
  start    a new CA as ca-next.pem/ca-next.key; ca.pem becomes the bundle of the current and the
           new CA (the current one also kept as ca-prev.pem); server and client files stay.
           Then: give every client the new ca.pem, restart Milvus.
  reissue  server.* and client.* reissued from the new CA (same names, SANs, key types).
           Then: restart Milvus, roll the new client certificate out; old and new client
           certificates are both accepted in this phase.
  finish   ca.pem and ca.key become the new CA alone; ca-next.* and ca-prev.pem go to the backup.
           Then: restart Milvus; client certificates of the old CA are refused from now on.
  status   the phase, and which CA signed each certificate
  undo     undo the last phase from its backup (DIR/${BACKUP_FOLDER}/<date>-rotate-<phase>/), byte for byte

Every phase refuses to run out of order, writes all its files or none, and keeps what it replaces.
A Kubernetes Secret manifest in DIR holding server.pem, server.key and ca.pem is rewritten with them.

Options:
  --dir DIR        the certificate folder (default: ./tls)
  --ca-cn NAME     start: the new CA's common name (default: the current one with today's date)
  --ca-days N      start: the new CA's validity (default: the current CA's)
  --force          undo: even if files changed since the phase (they are kept in the undo's backup)
  --json           status: print the status as JSON
  -h, --help       show this help

Exit codes: 0 done; 1 bad usage; 2 refused (out of order, another run holds the folder, files changed
meanwhile); 3 failed; 130/143 interrupted. Except for 0, nothing was written.`;

const PHASES = ['start', 'reissue', 'finish', 'status', 'undo'] as const;
type Phase = (typeof PHASES)[number];

interface RotateArguments {
  phase: Phase;
  directory: string;
  caCommonName: string | undefined;
  caDays: number | undefined;
  force: boolean;
  json: boolean;
}

function parseArguments(args: string[]): RotateArguments | 'help' {
  const { values, positionals } = parseCommandLine('rotate', {
    args,
    allowPositionals: true,
    strict: true,
    options: {
      dir: { type: 'string' },
      'ca-cn': { type: 'string' },
      'ca-days': { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [phase, ...extra] = positionals;
  if (phase === undefined) throw new UsageError(`name a phase: ${PHASES.join(', ')}`);
  if (!(PHASES as readonly string[]).includes(phase)) throw new UsageError(`unknown phase '${phase}'; use one of ${PHASES.join(', ')}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0] ?? ''}'`);
  const caDays = values['ca-days'];
  if (caDays !== undefined && (!/^\d+$/.test(caDays) || Number(caDays) < 1 || Number(caDays) > MAX_DAYS)) {
    throw new UsageError(`--ca-days must be a whole number from 1 to ${MAX_DAYS} (got '${caDays}')`);
  }
  if ((values['ca-cn'] !== undefined || caDays !== undefined) && phase !== 'start') {
    throw new UsageError('--ca-cn and --ca-days belong to rotate start');
  }
  return {
    phase: phase as Phase,
    directory: resolve(values.dir ?? 'tls'),
    caCommonName: values['ca-cn'],
    caDays: caDays === undefined ? undefined : Number(caDays),
    force: values.force === true,
    json: values.json === true,
  };
}

function caLabel(status: RotationStatus, which: 'current' | 'next'): string {
  const ca = status[which];
  return ca ? `${ca.info.commonName ?? ca.info.subject} (${expiryPhrase(new Date(ca.info.notAfter), new Date())})` : '-';
}

export function statusText(status: RotationStatus, directory: string): string {
  const lines = [
    `Rotation in ${displayPath(directory)}: ${status.phase ? describePhase(status.phase) : `not possible: ${status.problem ?? ''}`}`,
  ];
  lines.push(`  current CA (ca.key): ${caLabel(status, 'current')}`);
  if (status.next) lines.push(`  next CA (ca-next.pem): ${caLabel(status, 'next')}`);
  lines.push(`  ca.pem trusts: ${status.trusted.map((ca) => ca.info.commonName ?? ca.info.subject).join(', ') || 'nothing'}`);
  for (const leaf of status.leaves) {
    const by = leaf.signedBy === 'other' ? 'a CA that is not the current or the next one' : `the ${leaf.signedBy} CA`;
    lines.push(`  ${leaf.role}.pem: signed by ${by}, ${expiryPhrase(new Date(leaf.certificate.info.notAfter), new Date())}`);
  }
  if (status.phase) lines.push(`Next: milvus-tls rotate ${nextStep(status.phase)}`);
  return lines.join('\n');
}

function statusJson(status: RotationStatus): object {
  const ca = (which: 'current' | 'next'): object | null => {
    const certificate = status[which];
    return certificate
      ? {
          commonName: certificate.info.commonName ?? null,
          notAfter: certificate.info.notAfter,
          fingerprint: certificate.info.fingerprintSha256,
        }
      : null;
  };
  return {
    phase: status.phase ?? null,
    problem: status.problem ?? null,
    current: ca('current'),
    next: ca('next'),
    trusted: status.trusted.map((certificate) => certificate.info.commonName ?? certificate.info.subject),
    leaves: status.leaves.map((leaf) => ({
      file: displayPath(leaf.file),
      role: leaf.role,
      signedBy: leaf.signedBy,
      notAfter: leaf.certificate.info.notAfter,
    })),
    next_step: status.phase ? nextStep(status.phase) : null,
  };
}

function printOutcome(outcome: PhaseOutcome, step: RotationStep | 'undo'): void {
  for (const path of outcome.written) console.log(`  wrote ${displayPath(path)}`);
  for (const path of outcome.removed) console.log(`  removed ${displayPath(path)}`);
  console.log(`  previous files kept in ${displayPath(outcome.backupFolder ?? '')}`);
  if (step === 'undo') {
    console.log(
      `Now: ${outcome.status.phase ? describePhase(outcome.status.phase) : (outcome.status.problem ?? '')}. Restart Milvus so it loads these files again.`,
    );
  } else {
    console.log(`Next: ${AFTER_PHASE[step]}`);
  }
}

async function runPhase(parsed: RotateArguments, signal: AbortSignal): Promise<void> {
  const options = { signal };
  switch (parsed.phase) {
    case 'start':
      printOutcome(await rotateStart(parsed.directory, { ...options, caCommonName: parsed.caCommonName, caDays: parsed.caDays }), 'start');
      return;
    case 'reissue':
      printOutcome(await rotateReissue(parsed.directory, options), 'reissue');
      return;
    case 'finish':
      printOutcome(await rotateFinish(parsed.directory, options), 'finish');
      return;
    case 'undo': {
      const outcome = await rotateUndo(parsed.directory, { ...options, force: parsed.force });
      console.log(`Undid ${outcome.undone.manifest.operation} (${outcome.undone.name}):`);
      printOutcome(outcome, 'undo');
      return;
    }
    case 'status': {
      const { status } = await readRotation(parsed.directory, options);
      console.log(parsed.json ? JSON.stringify(statusJson(status), null, 2) : statusText(status, parsed.directory));
      if (!status.phase) throw new RotationOrderError(status.problem ?? 'not a certificate set');
    }
  }
}

async function run(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed === 'help') {
    console.log(HELP);
    return ExitCode.ok;
  }
  try {
    await abortOnSignals((signal) => runPhase(parsed, signal));
    return ExitCode.ok;
  } catch (error) {
    return reportWriteFailure(`rotate ${parsed.phase}`, error);
  }
}

export const rotateCommand: Subcommand = {
  run,
};
