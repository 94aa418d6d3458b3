// `milvus-tls status`: what Milvus TLS sees in a folder, the way `docker compose config` shows what
// Compose sees: each Milvus deployment, the config files it reads, its tlsMode, where its certificate
// paths lead, the addresses clients dial, and where each value came from. The same model every other
// command and the editor use.
import path from 'node:path';
import type { DeploymentSummary } from '../core/deployment';
import { discoverDeployments, summarizeDeployment } from '../core/deployment';
import type { ConnectionPlanSummary } from '../core/usecases';
import { planConnection, summarizeConnectionPlan } from '../core/usecases';
import { parseCommandLine } from './args';
import { DEFAULT_OUTPUT_FOLDER, DIR_HELP } from './deploymentOption';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';
import { ALLOW_OUTSIDE_HELP, cliContext } from './workspace';

const HELP = `Usage: milvus-tls status [options]

Shows every Milvus deployment in a folder (compose services running Milvus, milvus.yaml files without
a compose file): the config files Milvus reads for its version, the effective tlsMode, where each
certificate path leads, and the gRPC and REST addresses clients dial, each with where it came from.

Options:
  ${DIR_HELP}
  --json              print {"deployments": [...]} as JSON
  ${ALLOW_OUTSIDE_HELP.replace(/\n/g, '\n  ')}
  -h, --help          show this help

Exit codes: 0 printed (also when there is no deployment), 1 bad usage.`;

const OPTIONS = {
  dir: { type: 'string' },
  json: { type: 'boolean' },
  'allow-outside': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function printHuman(summary: DeploymentSummary & { client: ConnectionPlanSummary }, root: string): void {
  const shown = (file: string): string => (file.startsWith(`${root}${path.sep}`) ? path.relative(root, file) : file);
  console.log(summary.label);
  console.log(`  version      ${summary.version.value ?? 'unknown (treated as the newest)'}  (${summary.version.from})`);
  for (const file of summary.configFiles) {
    console.log(
      `  ${file.slot.padEnd(12)} ${file.path !== null ? shown(file.path) : file.source === 'image' ? "the image's own" : '?'} as ${file.containerPath}${file.ignored ? ` (ignored: ${file.ignored})` : ''}`,
    );
  }
  console.log(`  tlsMode      ${summary.tlsMode.value}  (${summary.tlsMode.from})`);
  for (const [key, entry] of Object.entries(summary.paths)) {
    console.log(
      `  ${key.padEnd(26)} ${entry.containerPath} → ${entry.file !== null ? shown(entry.file) : entry.location}  (${entry.from})`,
    );
  }
  console.log(`  gRPC         ${summary.grpc.host}:${summary.grpc.port}  (${summary.grpc.from})`);
  console.log(
    `  REST         ${summary.rest ? `${summary.rest.host}:${summary.rest.port}  (${summary.rest.from})` : 'none of its own (off, or sharing the gRPC port)'}`,
  );
  const client = summary.client;
  console.log(
    `  client files CA ${client.ca !== null ? shown(client.ca) : 'not found'}${summary.tlsMode.value === 2 ? `, certificate ${client.clientCertificate !== null ? shown(client.clientCertificate) : 'not found'}, key ${client.clientKey !== null ? shown(client.clientKey) : 'not found'}` : ''}`,
  );
  for (const note of summary.notes) console.log(`  note: ${note}`);
}

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandLine('status', { args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const root = path.resolve(values.dir ?? '.');
  const context = cliContext({ dir: root, allowOutside: values['allow-outside'] === true });
  if ((await context.fs.stat(root))?.type !== 'directory') throw new UsageError(`--dir ${values.dir ?? '.'}: not a folder`);
  const { deployments, truncated } = await discoverDeployments(root, context);
  const summaries = await Promise.all(
    deployments.map(async (deployment) => ({
      ...summarizeDeployment(deployment),
      client: summarizeConnectionPlan(await planConnection(deployment, { root, outputFolder: DEFAULT_OUTPUT_FOLDER }, context)),
    })),
  );
  if (values.json) {
    console.log(JSON.stringify({ deployments: summaries, truncated }, null, 2));
    return ExitCode.ok;
  }
  if (summaries.length === 0) {
    console.log(`No Milvus deployment in ${root} (no compose service running Milvus, no milvus.yaml or user.yaml).`);
  }
  summaries.forEach((summary, index) => {
    if (index > 0) console.log('');
    printHuman(summary, root);
  });
  if (truncated) console.log('\nnote: the folder is large; only part of it was searched.');
  return ExitCode.ok;
}

export const statusCommand: Subcommand = { run };
