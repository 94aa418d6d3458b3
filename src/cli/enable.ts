// `milvus-tls enable`: the docs' "Set up a Milvus server with TLS" as one command, with minimal
// edits to milvus.yaml and docker-compose that a second run leaves alone.
import { access } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { parseArgs } from 'node:util';
import { DEFAULT_HTTP_PORT, EditPlanError, isEmptyPlan, planEnableTls, type EnableTlsPlan } from '../core/edit';
import { composeFileIn, defaultConfigPath, diffOf, displayPath, hasChanges, readOptional, writeChanges, type FileChange } from './editFiles';
import { parseCommandLine } from './args';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';

const HELP = `Usage: milvus-tls enable --mode 1|2 [options]

Turns on TLS for Milvus: in milvus.yaml sets tls.serverPemPath, tls.serverKeyPath, tls.caPemPath
(container paths), common.security.tlsMode and proxy.http.port (Milvus 2.4.13+ does not start with
TLS while REST shares the gRPC port); in docker-compose mounts the certificate folder and the config
into the Milvus container and publishes the REST port. Comments, order and layout are kept; running
it again changes nothing.

Options:
  --mode 1|2        1: one-way TLS (server certificate); 2: mutual TLS (clients need certificates too)
  --config FILE     milvus.yaml to edit, created when missing (default: the file the compose file
                    in this folder mounts as the Milvus config, else ./milvus.yaml)
  --compose FILE    compose file (default: compose.yaml, compose.yml, docker-compose.yaml or
                    docker-compose.yml next to the config; none found: compose is left alone)
  --certs DIR       folder with server.pem, server.key and ca.pem (default: ./tls)
  --http-port N     REST port (default: ${DEFAULT_HTTP_PORT}; a proxy.http.port already set apart from proxy.port is kept)
  --dry-run         print the changes, write nothing
  --json            print {"changed", "files", "summary"} as JSON
  --help            show this help

Exit codes: 0 done (or nothing to change), 1 bad usage or missing certificates, 3 failed (nothing written).`;

const OPTIONS = {
  mode: { type: 'string' }, config: { type: 'string' }, compose: { type: 'string' }, certs: { type: 'string' },
  'http-port': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function parseValues(args: string[]): Values {
  return parseCommandLine('enable', { args, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

function parseMode(text: string | undefined): 1 | 2 {
  if (text === '1' || text === '2') return Number(text) as 1 | 2;
  throw new UsageError(text === undefined ? '--mode 1 (one-way) or --mode 2 (mutual TLS) is required' : `--mode must be 1 or 2 (got '${text}')`);
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_HTTP_PORT;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--http-port must be a port number 1-65535 (got '${text}')`);
  return port;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** The certificate files Milvus needs for the mode; missing ones are a usage error naming the fix. */
async function checkCertificates(certsDir: string, mode: 1 | 2): Promise<void> {
  const needed = mode === 2 ? ['server.pem', 'server.key', 'ca.pem'] : ['server.pem', 'server.key'];
  const missing: string[] = [];
  for (const name of needed) if (!(await exists(join(certsDir, name)))) missing.push(name);
  if (missing.length > 0) {
    throw new UsageError(`${displayPath(certsDir)} has no ${missing.join(', ')}. Create the certificates first:\n`
      + `  milvus-tls generate --out ${displayPath(certsDir)}\nor pass the folder that holds them with --certs DIR.`);
  }
}

async function findCompose(option: string | undefined, configPath: string): Promise<string | undefined> {
  if (option === undefined) return composeFileIn(dirname(configPath));
  const path = resolve(option);
  if (!(await exists(path))) throw new UsageError(`--compose ${option}: no such file`);
  return path;
}

/** `a/b` relative to `from`, with forward slashes (compose paths), or absolute when outside it on another drive. */
function relativePosix(from: string, to: string): string {
  const path = relative(from, to);
  return isAbsolute(path) ? to.split(sep).join('/') : (path === '' ? '.' : path.split(sep).join('/'));
}

async function run(args: string[]): Promise<number> {
  const values = parseValues(args);
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const mode = parseMode(values.mode);
  const httpPort = parsePort(values['http-port']);
  const certsDir = resolve(values.certs ?? 'tls');
  await checkCertificates(certsDir, mode);
  const configPath = values.config !== undefined ? resolve(values.config) : await defaultConfigPath(values.compose);
  const composePath = await findCompose(values.compose, configPath);
  const configText = await readOptional(configPath);
  const composeText = composePath === undefined ? undefined : await readOptional(composePath);
  const baseDir = composePath === undefined ? dirname(configPath) : dirname(composePath);

  let plan: EnableTlsPlan;
  try {
    plan = planEnableTls({
      milvusYamlText: configText, composeText, mode, httpPort,
      milvusYamlLabel: displayPath(configPath), composeLabel: composePath === undefined ? undefined : displayPath(composePath),
      certsHostDir: relativePosix(baseDir, certsDir), configHostPath: relativePosix(baseDir, configPath),
      files: { serverPem: 'server.pem', serverKey: 'server.key', caPem: 'ca.pem' },
    });
  } catch (error) {
    if (!(error instanceof EditPlanError)) throw error;
    console.error(`milvus-tls enable: ${error.message}\nNothing was written.`);
    return ExitCode.failed;
  }
  const changes: FileChange[] = [{ path: configPath, before: configText, edits: plan.milvusYaml }];
  if (composePath !== undefined) changes.push({ path: composePath, before: composeText, edits: plan.compose });
  const notes = composePath === undefined
    ? [`note: no compose file next to ${displayPath(configPath)}: mount ${displayPath(certsDir)} at ${plan.certsContainerDir} and the config into the Milvus container yourself`]
    : [];
  const nothing = isEmptyPlan(plan);
  if (!values['dry-run'] && !nothing) await writeChanges(changes);

  if (values.json) {
    console.log(JSON.stringify({
      changed: !nothing, dryRun: values['dry-run'] === true, mode, httpPort: plan.httpPort, certsContainerDir: plan.certsContainerDir,
      files: changes.map((change) => ({ path: change.path, created: !Array.isArray(change.edits), changed: hasChanges(change), diff: diffOf(change) })),
      summary: [...plan.summary, ...notes],
    }, null, 2));
    return ExitCode.ok;
  }
  if (nothing) {
    console.log(`TLS is already enabled (tlsMode ${mode}) in ${displayPath(configPath)}${composePath === undefined ? '' : ` and ${displayPath(composePath)}`}: nothing to change.`);
  } else {
    for (const change of changes.filter(hasChanges)) console.log(`${diffOf(change)}\n`);
    for (const line of plan.summary) console.log(line.startsWith('warning:') || line.startsWith('note:') ? line : `  ${line}`);
    console.log(values['dry-run'] ? 'Dry run: nothing was written.' : `TLS enabled (tlsMode ${mode}). Restart Milvus (docker compose up -d) to apply it.`);
  }
  for (const note of notes) console.log(note);
  return ExitCode.ok;
}

export const enableCommand: Subcommand = {
  run,
};
