// `milvus-tls check`: the language server's diagnostics for milvus.yaml / user.yaml on the command
// line, for CI. Same engine (src/core/rules), same compose lookup and file access as the server.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { KubernetesNames, LoadedFile, ResolveContext } from '../core/deployment';
import { DEFAULT_WARN_DAYS, isCertificateFileName, roleHintFromFileName } from '../core/inspect';
import type { RuleFinding } from '../core/rules';
import { recogniseFile } from '../core/deployment';
import { analyseDocument } from '../core/usecases/analyseDocument';
import { readText, walkFiles } from '../core/workspace';
import { parseCommandLine } from './args';
import { ALLOW_OUTSIDE_HELP, cliContext } from './workspace';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';

/** Same number as ExitCode.usage, as for `inspect`: "something is wrong" for CI. */
const EXIT_ERROR_FINDINGS = 1;

const HELP = `Usage: milvus-tls check [options] [FILE...]

Checks Milvus config files the way Milvus reads them: tlsMode, the REST port, the certificate and key
files behind docker-compose volumes, misplaced blocks, typos, etcd/MinIO/Kafka TLS. The nearest
compose project (same folder or a parent, up to the current folder), read as docker compose reads
it (docker-compose.yml with its override file, or COMPOSE_FILE from .env or this shell, include:),
supplies the volumes, the environment and the Milvus version. Kubernetes files are checked too,
whatever their name: values files of the milvus Helm chart (the milvus.yaml inside
extraConfigFiles.user.yaml, volumes, Secrets, ingress), Milvus resources of the Operator, and Secret
manifests. Default FILEs: milvus.yaml, user.yaml, *milvus*.y(a)ml and the Kubernetes files here.

Prints one line per finding: file:line:col severity code message.

Options:
  --json            print a JSON array of {file, line, column, severity, code, message}
  --hints           also print hints (paths that cannot be checked, keys with no effect)
  --warn-days N     warn about certificates expiring within N days (default: ${DEFAULT_WARN_DAYS})
  --release R       Helm release name of a values file (default: my-release, and SAN findings only inform)
  --namespace NS    namespace of the Helm release (a Milvus resource's metadata.namespace wins)
  ${ALLOW_OUTSIDE_HELP.replace(/\n/g, '\n  ')}
  -h, --help        show this help

Exit codes: 0 no error (warnings allowed), 1 an error or bad usage.`;

interface CheckArguments {
  names: KubernetesNames;
  json: boolean;
  allowOutside: boolean;
  hints: boolean;
  warnDays: number;
  files: string[];
}

function parseArguments(args: string[]): CheckArguments | 'help' {
  const parsed = parseCommandLine('check', {
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      hints: { type: 'boolean' },
      'warn-days': { type: 'string' },
      'allow-outside': { type: 'boolean' },
      release: { type: 'string' },
      namespace: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (parsed.values.help) return 'help';
  const warnDaysText = parsed.values['warn-days'];
  const warnDays = warnDaysText === undefined ? DEFAULT_WARN_DAYS : Number(warnDaysText);
  if (!Number.isInteger(warnDays) || warnDays < 0 || warnDays > 36_500) {
    throw new UsageError(`--warn-days takes a whole number of days from 0 to 36500, not '${warnDaysText ?? ''}'`);
  }
  const { release, namespace } = parsed.values;
  return {
    names: { ...(release !== undefined ? { release } : {}), ...(namespace !== undefined ? { namespace } : {}) },
    json: parsed.values.json === true,
    hints: parsed.values.hints === true,
    allowOutside: parsed.values['allow-outside'] === true,
    warnDays,
    files: parsed.positionals,
  };
}

/** Milvus configs in a folder; compose files whose names contain "milvus" are left out. */
export function defaultConfigFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name === 'milvus.yaml' || name === 'user.yaml' || /milvus.*\.ya?ml$/i.test(name))
    .filter((name) => !/compose/i.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

/** The other YAML files of a folder that are Kubernetes files of ours (by content). */
async function defaultKubernetesFiles(folder: string, known: readonly string[], context: ResolveContext): Promise<string[]> {
  const candidates = readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name) && !/compose/i.test(name))
    .sort()
    .map((name) => path.join(folder, name))
    .filter((file) => !known.includes(file));
  const found: string[] = [];
  for (const file of candidates) if (await recogniseFile(path.resolve(file), context)) found.push(file);
  return found;
}

export interface LocatedFinding {
  file: string;
  line: number;
  column: number;
  severity: RuleFinding['severity'];
  code: string;
  message: string;
}

function locate(file: string, text: string, finding: RuleFinding): LocatedFinding {
  const before = text.slice(0, finding.range.start);
  const line = before.split('\n').length;
  const column = finding.range.start - (before.lastIndexOf('\n') + 1) + 1;
  return { file, line, column, severity: finding.severity, code: finding.code, message: finding.message };
}

interface CheckEnvironment {
  names: KubernetesNames;
  warnDays: number;
  context: ResolveContext;
  root: string;
  /** Client certificates under the current folder, for the tlsMode 2 checks. */
  clientCertificates: readonly LoadedFile[];
}

async function checkFile(
  file: string,
  { names, warnDays, context, root, clientCertificates }: CheckEnvironment,
): Promise<LocatedFinding[]> {
  const absolute = path.resolve(file);
  const read = await readText(context.fs, absolute);
  if (read.text === undefined) {
    throw new UsageError(
      read.failure?.reason === 'missing' ? `no such file: ${file}` : `cannot read ${file}: ${read.failure?.message ?? ''}`,
    );
  }
  const text = read.text;
  // A file named on the command line is meant as ours: less evidence makes it a values file.
  const analysed = await analyseDocument({
    fileName: absolute,
    text,
    roots: [root],
    context,
    selected: true,
    kubernetes: names,
    clientCertificates,
    warnDays,
  });
  return (analysed?.findings ?? []).map((finding) => locate(file, text, finding));
}

async function workspaceClientCertificates(root: string, context: ResolveContext): Promise<LoadedFile[]> {
  const { files } = await walkFiles(context.fs, root, (name) => isCertificateFileName(name), { maxDepth: 6 });
  return Promise.all(files.filter((file) => roleHintFromFileName(file) === 'client').map((file) => context.cache.load(context.fs, file)));
}

export const checkCommand: Subcommand = {
  async run(args) {
    const parsed = parseArguments(args);
    if (parsed === 'help') {
      console.log(HELP);
      return ExitCode.ok;
    }
    const root = process.cwd();
    const named = parsed.files.length > 0 ? parsed.files : defaultConfigFiles('.');
    const context = cliContext({ dir: root, explicitPaths: named, allowOutside: parsed.allowOutside });
    const files = parsed.files.length > 0 ? named : [...named, ...(await defaultKubernetesFiles('.', named, context))];
    if (files.length === 0) {
      throw new UsageError('no milvus.yaml, user.yaml, *milvus*.yaml or Kubernetes file here; name the files to check');
    }
    const environment: CheckEnvironment = {
      names: parsed.names,
      warnDays: parsed.warnDays,
      context,
      root,
      clientCertificates: await workspaceClientCertificates(root, context),
    };
    const findings: LocatedFinding[] = [];
    for (const file of files) findings.push(...(await checkFile(file, environment)));
    const shown = findings.filter((finding) => parsed.hints || finding.severity !== 'hint');
    if (parsed.json) console.log(JSON.stringify(shown, null, 2));
    else {
      for (const finding of shown) {
        console.log(`${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}`);
      }
    }
    return shown.some((finding) => finding.severity === 'error') ? EXIT_ERROR_FINDINGS : ExitCode.ok;
  },
};
