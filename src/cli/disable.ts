// `milvus-tls disable`: common.security.tlsMode back to 0 wherever the deployment's Milvus reads it,
// nothing else (the certificate paths and mounts stay, so `enable` later changes only the mode again).
import path from 'node:path';
import { EditPlanError } from '../core/edit';
import type { DisableTlsOutcome } from '../core/usecases';
import { hasChanges, NoConfigError, planDisableTlsChanges, UnsafeTargetError } from '../core/usecases';
import { parseCommandLine } from './args';
import { cliDeployment, DIR_HELP } from './deploymentOption';
import { diffOf, writeChanges } from './editFiles';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';
import { cliContext } from './workspace';
import { kubernetesDeploymentOf } from './kubernetesOption';

const HELP = `Usage: milvus-tls disable [options]

Sets common.security.tlsMode to 0 in every config file the deployment's Milvus reads that sets it
(milvus.yaml, user.yaml), and changes nothing else. Says so when the compose environment still
turns TLS on.

Options:
  ${DIR_HELP}
  --config FILE   the one config file to edit (default: the deployment's; only a named file may
                  lie outside the folder)
  --helm FILE     a values file of the milvus Helm chart: tlsMode 0 in extraConfigFiles.user.yaml
  --operator FILE a Milvus resource: tlsMode 0 in spec.config
  --dry-run       print the change, write nothing
  --json          print {"changed", "files", "summary"} as JSON
  --help          show this help

Exit codes: 0 done (or already off), 1 bad usage or no such file, 3 failed (nothing written).`;

const OPTIONS = {
  dir: { type: 'string' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  helm: { type: 'string' },
  operator: { type: 'string' },
} as const;

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandLine('disable', { args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const explicit = [values.config, values.helm, values.operator].filter((file): file is string => file !== undefined);
  const context = cliContext({ dir: path.resolve(values.dir ?? '.'), explicitPaths: explicit });
  const named = await kubernetesDeploymentOf(values, path.resolve(values.dir ?? '.'), context);
  const found = named
    ? { root: path.resolve(values.dir ?? '.'), deployment: named.deployment, note: '' }
    : values.config === undefined
      ? await cliDeployment(values.dir, context)
      : { root: path.resolve(values.dir ?? '.'), deployment: undefined, note: '' };
  let outcome: DisableTlsOutcome;
  try {
    outcome = await planDisableTlsChanges(
      {
        root: found.root,
        deployment: found.deployment,
        ...(values.config !== undefined ? { configPath: values.config } : named ? { configPath: named.file } : {}),
      },
      context,
    );
  } catch (error) {
    if (error instanceof NoConfigError) throw new UsageError(`${error.message} (pass the config with --config FILE)`);
    if (error instanceof EditPlanError || error instanceof UnsafeTargetError) {
      console.error(`milvus-tls disable: ${error.message}\nNothing was written.`);
      return ExitCode.failed;
    }
    throw error;
  }
  const { changes, summary } = outcome;
  const changed = changes.some(hasChanges);
  if (changed && !values['dry-run']) await writeChanges(changes);
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          changed,
          dryRun: values['dry-run'] === true,
          files: changes.map((change) => ({ path: change.path, changed: hasChanges(change), diff: diffOf(change) })),
          summary,
        },
        null,
        2,
      ),
    );
    return ExitCode.ok;
  }
  if (!changed) {
    console.log(`TLS is already disabled (tlsMode 0)${found.deployment ? ` for ${found.deployment.label}` : ''}: nothing to change.`);
  } else {
    for (const change of changes) console.log(`${diffOf(change)}\n`);
    console.log(
      values['dry-run']
        ? 'Dry run: nothing was written.'
        : 'TLS disabled (tlsMode 0). Restart Milvus to apply it; clients must connect without TLS.',
    );
  }
  for (const line of summary.filter((entry) => entry.startsWith('warning:'))) console.log(line);
  return ExitCode.ok;
}

export const disableCommand: Subcommand = { run };
