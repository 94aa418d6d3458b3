// `milvus-tls snippet`: the connection code Copy Connection Snippet copies in the editor, for the
// deployment in a folder: the same address, mode, files, server name and REST port.
import path from 'node:path';
import type { SnippetClient } from '../core/snippets';
import { SNIPPET_CLIENTS } from '../core/snippets';
import { snippetInput } from '../core/usecases';
import { parseCommandLine } from './args';
import { cliConnectionPlan, cliDeployment, DEFAULT_OUTPUT_FOLDER, DIR_HELP } from './deploymentOption';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';
import { cliContext } from './workspace';

const CLIENT_IDS = SNIPPET_CLIENTS.map((client) => client.id);

const HELP = `Usage: milvus-tls snippet --client ${CLIENT_IDS.join('|')} [options]

Prints client code that connects to the Milvus deployment in a folder over TLS, with its real file
paths, server name and ports: the snippet the editor's "Copy Connection Snippet" copies.

Options:
  --client ID         ${SNIPPET_CLIENTS.map((client) => `${client.id}: ${client.label}`).join('; ')}
  ${DIR_HELP}
  --mode 1|2          tlsMode to connect with (default: the deployment's, else 1)
  -h, --help          show this help

Credentials are never written into a snippet: it reads "user:password" or a token from $MILVUS_TOKEN
when the deployment turns authorization on. Notes go to stderr, the snippet to stdout.

Exit codes: 0 printed, 1 bad usage.`;

const OPTIONS = {
  client: { type: 'string' },
  dir: { type: 'string' },
  mode: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseClient(id: string | undefined): SnippetClient {
  const client = SNIPPET_CLIENTS.find((candidate) => candidate.id === id);
  if (!client) {
    throw new UsageError(
      id === undefined
        ? `--client is required: ${CLIENT_IDS.join(', ')}`
        : `--client must be one of ${CLIENT_IDS.join(', ')} (got '${id}')`,
    );
  }
  return client;
}

async function run(args: string[]): Promise<number> {
  const { values } = parseCommandLine('snippet', { args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const client = parseClient(values.client);
  if (values.mode !== undefined && values.mode !== '1' && values.mode !== '2') {
    throw new UsageError(`--mode must be 1 or 2 (got '${values.mode}')`);
  }
  const context = cliContext({ dir: path.resolve(values.dir ?? '.') });
  const found = await cliDeployment(values.dir, context);
  const plan = await cliConnectionPlan(found, context);
  const planMode = plan.mode?.value;
  const mode: 1 | 2 = values.mode === '2' || (values.mode === undefined && planMode === 2) ? 2 : 1;
  const { input, missing } = snippetInput(plan, {
    mode,
    host: plan.grpc.host.value,
    port: plan.grpc.port.value,
    credentialsStored: false,
    outputDir: path.resolve(found.root, DEFAULT_OUTPUT_FOLDER),
    joinPath: (folder, name) => path.join(folder, name),
  });
  console.error(
    `milvus-tls snippet: ${found.note}; tlsMode ${mode}${values.mode === undefined && plan.mode ? ` (${plan.mode.from.text})` : ''}`,
  );
  if (missing.length > 0) {
    console.error(
      `milvus-tls snippet: ${missing.join(' and ')} not found: the snippet uses ${path.resolve(found.root, DEFAULT_OUTPUT_FOLDER)}, where generate writes them`,
    );
  }
  console.log(client.generate(input).text);
  return ExitCode.ok;
}

export const snippetCommand: Subcommand = {
  run,
};
