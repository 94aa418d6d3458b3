// `milvus-tls enable`: the docs' "Set up a Milvus server with TLS" as one command, with minimal
// edits to milvus.yaml and docker-compose that a second run leaves alone.
import path from 'node:path';
import type { parseArgs } from 'node:util';
import { DEFAULT_HTTP_PORT, EditPlanError, isEmptyPlan } from '../core/edit';
import type { EnableTlsOutcome } from '../core/usecases';
import { hasChanges, MissingCertificatesError, planEnableTlsChanges, UnsafeTargetError } from '../core/usecases';
import { parseCommandLine } from './args';
import { cliDeployment, DIR_HELP } from './deploymentOption';
import { diffOf, displayPath, writeChanges } from './editFiles';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';
import { cliContext } from './workspace';
import { KUBERNETES_HELP, kubernetesDeploymentOf } from './kubernetesOption';

const HELP = `Usage: milvus-tls enable --mode 1|2 [options]

Turns on TLS for Milvus: in milvus.yaml sets tls.serverPemPath, tls.serverKeyPath, tls.caPemPath
(container paths), common.security.tlsMode and proxy.http.port (Milvus 2.4.13+ does not start with
TLS while REST shares the gRPC port); in docker-compose mounts the certificate folder and the config
into the Milvus container and publishes the REST port. Comments, order and layout are kept; running
it again changes nothing.

For Kubernetes, the values file of the milvus Helm chart or the Milvus resource is edited instead
(see --helm, --operator); the certificates come from a Secret.

Options:
  --mode 1|2        1: one-way TLS (server certificate); 2: mutual TLS (clients need certificates too)
  ${DIR_HELP}
  --config FILE     config file to edit, created when missing (default: the one the deployment's
                    Milvus reads last, e.g. the milvus.yaml or user.yaml the compose service mounts,
                    else milvus.yaml in the folder); only a named file may lie outside the folder
  --compose FILE    compose file for the mounts and the port (default: the deployment's file that
                    lists the Milvus service's volumes, the override when it does; with none, the
                    compose file next to the config; none at all: compose is left alone). Mounts and
                    ports any file of the project already provides are never added again
  --certs DIR       folder with server.pem, server.key and ca.pem (default: ./tls)
  --http-port N     REST port (default: ${DEFAULT_HTTP_PORT}; a proxy.http.port already set apart from proxy.port is kept)
  ${KUBERNETES_HELP}
  --dry-run         print the changes, write nothing
  --json            print {"changed", "files", "summary"} as JSON
  --help            show this help

Exit codes: 0 done (or nothing to change), 1 bad usage or missing certificates, 3 failed (nothing written).`;

const OPTIONS = {
  mode: { type: 'string' },
  dir: { type: 'string' },
  config: { type: 'string' },
  compose: { type: 'string' },
  certs: { type: 'string' },
  'http-port': { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  helm: { type: 'string' },
  operator: { type: 'string' },
  secret: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function parseValues(args: string[]): Values {
  return parseCommandLine('enable', { args, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

function parseMode(text: string | undefined): 1 | 2 {
  if (text === '1' || text === '2') return Number(text) as 1 | 2;
  throw new UsageError(
    text === undefined ? '--mode 1 (one-way) or --mode 2 (mutual TLS) is required' : `--mode must be 1 or 2 (got '${text}')`,
  );
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_HTTP_PORT;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--http-port must be a port number 1-65535 (got '${text}')`);
  }
  return port;
}

async function run(args: string[]): Promise<number> {
  const values = parseValues(args);
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const mode = parseMode(values.mode);
  const httpPort = parsePort(values['http-port']);
  const certsDir = path.resolve(values.certs ?? path.join(values.dir ?? '.', 'tls'));
  const explicit = [values.config, values.compose, values.certs, values.helm, values.operator].filter(
    (file): file is string => file !== undefined,
  );
  const context = cliContext({ dir: path.resolve(values.dir ?? '.'), explicitPaths: explicit });
  if (values.compose !== undefined && (await context.fs.stat(path.resolve(values.compose)))?.type !== 'file') {
    throw new UsageError(`--compose ${values.compose}: no such file`);
  }
  const named = await kubernetesDeploymentOf(values, path.resolve(values.dir ?? '.'), context);
  const found = named
    ? { root: path.resolve(values.dir ?? '.'), deployment: named.deployment, note: `using ${named.deployment.label}` }
    : values.config === undefined
      ? await cliDeployment(values.dir, context)
      : { root: path.resolve(values.dir ?? '.'), deployment: undefined, note: '' };
  let outcome: EnableTlsOutcome;
  try {
    outcome = await planEnableTlsChanges(
      {
        root: found.root,
        mode,
        certsDir,
        httpPort,
        deployment: found.deployment,
        ...(values.config !== undefined ? { configPath: values.config } : named ? { configPath: named.file } : {}),
        ...(values.secret !== undefined ? { secretName: values.secret } : {}),
        ...(values.compose !== undefined ? { composePath: values.compose } : {}),
      },
      context,
    );
  } catch (error) {
    if (error instanceof MissingCertificatesError) {
      throw new UsageError(
        `${displayPath(certsDir)} has no ${error.missing.join(', ')}. Create the certificates first:\n` +
          `  milvus-tls generate --out ${displayPath(certsDir)}\nor pass the folder that holds them with --certs DIR.`,
      );
    }
    if (error instanceof EditPlanError || error instanceof UnsafeTargetError) {
      console.error(`milvus-tls enable: ${error.message}\nNothing was written.`);
      return ExitCode.failed;
    }
    throw error;
  }
  const { changes, plan, summary, configPath, composePath } = outcome;
  const nothing = isEmptyPlan(plan);
  if (!values['dry-run'] && !nothing) await writeChanges(changes);

  if (values.json) {
    console.log(
      JSON.stringify(
        {
          changed: !nothing,
          dryRun: values['dry-run'] === true,
          mode,
          httpPort: plan.httpPort,
          certsContainerDir: plan.certsContainerDir,
          files: changes.map((change) => ({
            path: change.path,
            created: !Array.isArray(change.edits),
            changed: hasChanges(change),
            diff: diffOf(change),
          })),
          summary,
        },
        null,
        2,
      ),
    );
    return ExitCode.ok;
  }
  if (nothing) {
    console.log(
      `TLS is already enabled (tlsMode ${mode}) in ${displayPath(configPath)}${composePath === undefined ? '' : ` and ${displayPath(composePath)}`}: nothing to change.`,
    );
  } else {
    for (const change of changes.filter(hasChanges)) console.log(`${diffOf(change)}\n`);
    for (const line of summary) console.log(line.startsWith('warning:') || line.startsWith('note:') ? line : `  ${line}`);
    const apply =
      outcome.applyHint !== undefined
        ? `Apply it with: ${outcome.applyHint}. Milvus reads its certificates at start-up: its pods restart with the new settings.`
        : 'Restart Milvus (docker compose up -d) to apply it.';
    console.log(values['dry-run'] ? 'Dry run: nothing was written.' : `TLS enabled (tlsMode ${mode}). ${apply}`);
  }
  if (found.note !== '') console.log(`(${found.note})`);
  return ExitCode.ok;
}

export const enableCommand: Subcommand = {
  run,
};
