// `milvus-tls disable`: common.security.tlsMode back to 0, nothing else (the certificate paths and
// mounts stay, so `enable` later changes only the mode again).
import { resolve } from 'node:path';
import { EditPlanError, planDisableTls } from '../core/edit';
import { defaultConfigPath, diffOf, displayPath, hasChanges, readOptional, writeChanges, type FileChange } from './editFiles';
import { parseCommandLine } from './args';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';

const HELP = `Usage: milvus-tls disable [options]

Sets common.security.tlsMode to 0 in milvus.yaml and changes nothing else.

Options:
  --config FILE   milvus.yaml to edit (default: the file the compose file in this folder mounts
                  as the Milvus config, else ./milvus.yaml)
  --dry-run       print the change, write nothing
  --json          print {"changed", "files", "summary"} as JSON
  --help          show this help

Exit codes: 0 done (or already off), 1 bad usage or no such file, 3 failed (nothing written).`;

const OPTIONS = { config: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } } as const;

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandLine('disable', { args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const configPath = values.config !== undefined ? resolve(values.config) : await defaultConfigPath(undefined);
  const text = await readOptional(configPath);
  if (text === undefined) throw new UsageError(`${displayPath(configPath)}: no such file (pass the config with --config FILE)`);
  let change: FileChange;
  let summary: string[];
  try {
    const plan = planDisableTls({ milvusYamlText: text, milvusYamlLabel: displayPath(configPath) });
    change = { path: configPath, before: text, edits: plan.milvusYaml };
    summary = plan.summary;
  } catch (error) {
    if (!(error instanceof EditPlanError)) throw error;
    console.error(`milvus-tls disable: ${error.message}\nNothing was written.`);
    return ExitCode.failed;
  }
  const changed = hasChanges(change);
  if (changed && !values['dry-run']) await writeChanges([change]);
  if (values.json) {
    console.log(JSON.stringify({ changed, dryRun: values['dry-run'] === true, files: [{ path: configPath, changed, diff: diffOf(change) }], summary }, null, 2));
  } else if (!changed) {
    console.log(`TLS is already disabled (tlsMode 0) in ${displayPath(configPath)}: nothing to change.`);
  } else {
    console.log(`${diffOf(change)}\n`);
    console.log(values['dry-run'] ? 'Dry run: nothing was written.' : 'TLS disabled (tlsMode 0). Restart Milvus to apply it; clients must connect without TLS.');
  }
  return ExitCode.ok;
}

export const disableCommand: Subcommand = {
  run,
};
