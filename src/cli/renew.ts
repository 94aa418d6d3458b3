// `milvus-tls renew`: reissues the server and client certificates of a folder that expire soon, from
// their CA, keeping subject, SANs and key type; the old files go to a dated backup folder.
import { basename, resolve } from 'node:path';
import { expiryPhrase } from '../core/inspect';
import { renewFolder, type FolderRenewal } from '../core/lifecycle/renewFolder';
import { BACKUP_FOLDER } from '../core/pki/store/names';
import { parseCommandLine } from './args';
import { displayPath } from './editFiles';
import { ExitCode, UsageError } from './exitCodes';
import { abortOnSignals } from './interrupt';
import type { Subcommand } from './main';
import { reportWriteFailure } from './writeFailures';

const DEFAULT_WITHIN_DAYS = 30;

const HELP = `Usage: milvus-tls renew [--dir DIR] [--within DAYS] [--force] [--dry-run] [--json]

Reissues every server and client certificate in DIR that expires within DAYS, from its CA in the
same folder (its key must be there), with the same subject, SANs and key type and a new key pair.
All renewed files (and a Kubernetes Secret manifest in DIR holding server.pem, server.key and ca.pem)
are written at once or not at all; the old ones are kept in DIR/${BACKUP_FOLDER}/<date>-renew/. A certificate never outlives its CA: when the CA ends sooner,
the new certificate ends with it, and the output says so. Milvus reads its certificates at start-up:
restart it (and the clients whose certificates were renewed) afterwards.

Options:
  --dir DIR        the certificate folder (default: ./tls, where generate writes)
  --within DAYS    renew what has at most DAYS days left, counted as inspect does (default: ${DEFAULT_WITHIN_DAYS},
                   the editor's milvusTls.expiryWarningDays default)
  --force          renew every server and client certificate, due or not
  --dry-run        say what would be renewed, write nothing
  --json           print {"renewed": [...], "notDue": [...], "blocked": [...], "backupFolder"}
  -h, --help       show this help

Exit codes: 0 renewed, or nothing due; 1 bad usage; 2 refused (another run holds the folder, or a
file changed meanwhile); 3 failed, or a due certificate cannot be renewed here (its CA or the CA's
key is not in the folder); 130/143 interrupted. Except for 0, nothing was written.`;

interface RenewArguments {
  directory: string;
  withinDays: number;
  all: boolean;
  dryRun: boolean;
  json: boolean;
}

function parseArguments(args: string[]): RenewArguments | 'help' {
  const { values } = parseCommandLine('renew', {
    args,
    allowPositionals: false,
    strict: true,
    options: {
      dir: { type: 'string' },
      within: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const within = values.within ?? String(DEFAULT_WITHIN_DAYS);
  if (!/^\d+$/.test(within) || Number(within) > 36_500) {
    throw new UsageError(`--within takes a whole number of days from 0 to 36500, not '${within}'`);
  }
  if (values.dir?.trim() === '') throw new UsageError('--dir is empty; give the certificate folder, such as ./tls');
  return {
    directory: resolve(values.dir ?? 'tls'),
    withinDays: Number(within),
    all: values.force === true,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
  };
}

function printHuman(result: FolderRenewal, args: RenewArguments, now: Date): void {
  const { selection, outcome } = result;
  for (const { plan } of selection.due) {
    const verb = args.dryRun ? 'would renew' : 'renewed';
    console.log(
      `${verb} ${displayPath(plan.certificate.file)} (${plan.certificate.commonName ?? plan.certificate.subject}, ${expiryPhrase(new Date(plan.certificate.notAfter), now)})`,
    );
    for (const note of plan.notes) console.log(`  ${note}`);
  }
  for (const { certificate, reason } of selection.blocked) console.error(`cannot renew ${displayPath(certificate.file)}: ${reason}`);
  if (selection.due.length === 0 && selection.blocked.length === 0) {
    console.log(
      `Nothing to renew in ${displayPath(args.directory)}: no server or client certificate ${args.all ? 'found' : `expires within ${args.withinDays} days`}.`,
    );
  }
  if (outcome) {
    console.log(`Old files kept in ${displayPath(outcome.backupFolder ?? '')}.`);
    console.log(
      'Restart Milvus so it loads the new certificates (it reads them at start-up only), and give the renewed client files to their clients.',
    );
  }
}

function printJson(result: FolderRenewal): void {
  const leaf = (file: string, commonName: string | undefined, notAfter: string): object => ({
    file: displayPath(file),
    name: basename(file),
    commonName: commonName ?? null,
    notAfter,
  });
  console.log(
    JSON.stringify(
      {
        renewed: result.selection.due.map(({ plan }) => ({
          ...leaf(plan.certificate.file, plan.certificate.commonName, plan.certificate.notAfter),
          notes: plan.notes,
        })),
        notDue: result.selection.notDue.map((cert) => ({ ...leaf(cert.file, cert.commonName, cert.notAfter), daysLeft: cert.daysLeft })),
        blocked: result.selection.blocked.map(({ certificate, reason }) => ({
          ...leaf(certificate.file, certificate.commonName, certificate.notAfter),
          reason,
        })),
        written: result.outcome?.written.map(displayPath) ?? [],
        backupFolder: result.outcome?.backupFolder === undefined ? null : displayPath(result.outcome.backupFolder),
      },
      null,
      2,
    ),
  );
}

async function run(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed === 'help') {
    console.log(HELP);
    return ExitCode.ok;
  }
  const now = new Date();
  try {
    const result = await abortOnSignals((signal) =>
      renewFolder(parsed.directory, { withinDays: parsed.withinDays, all: parsed.all, now }, { signal, dryRun: parsed.dryRun }),
    );
    if (parsed.json) printJson(result);
    else printHuman(result, parsed, now);
    return result.selection.blocked.length > 0 ? ExitCode.failed : ExitCode.ok;
  } catch (error) {
    return reportWriteFailure('renew', error);
  }
}

export const renewCommand: Subcommand = {
  run,
};
