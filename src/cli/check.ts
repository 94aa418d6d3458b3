// `milvus-tls check`: the language server's diagnostics for milvus.yaml / user.yaml on the command
// line, for CI. Same engine (src/core/rules), same compose lookup and file access as the server.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_WARN_DAYS } from '../core/inspect';
import type { CheckInput, RuleFinding } from '../core/rules';
import { checkMilvusConfig, FileCache } from '../core/rules';
import { companionConfig, createNodeHost } from '../server/nodeHost';
import { parseCommandLine } from './args';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';

/** Same number as ExitCode.usage, as for `inspect`: "something is wrong" for CI. */
const EXIT_ERROR_FINDINGS = 1;

const HELP = `Usage: milvus-tls check [options] [FILE...]

Checks Milvus config files the way Milvus reads them: tlsMode, the REST port, the certificate and key
files behind docker-compose volumes, misplaced blocks, typos, etcd/MinIO/Kafka TLS. The nearest
docker-compose.yml (same folder or a parent, up to the current folder) supplies the volumes, the
environment and the Milvus version. Default FILEs: milvus.yaml, user.yaml and *milvus*.y(a)ml here.

Prints one line per finding: file:line:col severity code message.

Options:
  --json            print a JSON array of {file, line, column, severity, code, message}
  --hints           also print hints (paths that cannot be checked, keys with no effect)
  --warn-days N     warn about certificates expiring within N days (default: ${DEFAULT_WARN_DAYS})
  -h, --help        show this help

Exit codes: 0 no error (warnings allowed), 1 an error or bad usage.`;

interface CheckArguments {
  json: boolean;
  hints: boolean;
  warnDays: number;
  files: string[];
}

function parseArguments(args: string[]): CheckArguments | 'help' {
  const parsed = parseCommandLine('check', {
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, hints: { type: 'boolean' }, 'warn-days': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) return 'help';
  const warnDaysText = parsed.values['warn-days'];
  const warnDays = warnDaysText === undefined ? DEFAULT_WARN_DAYS : Number(warnDaysText);
  if (!Number.isInteger(warnDays) || warnDays < 0 || warnDays > 36_500) {
    throw new UsageError(`--warn-days takes a whole number of days from 0 to 36500, not '${warnDaysText ?? ''}'`);
  }
  return { json: parsed.values.json === true, hints: parsed.values.hints === true, warnDays, files: parsed.positionals };
}

/** Milvus configs in a folder; compose files whose names contain "milvus" are left out. */
export function defaultConfigFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name === 'milvus.yaml' || name === 'user.yaml' || /milvus.*\.ya?ml$/i.test(name))
    .filter((name) => !/compose/i.test(name))
    .sort()
    .map((name) => path.join(folder, name));
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
  warnDays: number;
  cache: FileCache;
  host: ReturnType<typeof createNodeHost>;
  /** Client certificates under the current folder, for the tlsMode 2 checks. */
  certificateFiles: readonly string[];
}

function checkFile(file: string, { warnDays, cache, host, certificateFiles }: CheckEnvironment): LocatedFinding[] {
  const absolute = path.resolve(file).replace(/\\/g, '/');
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
  const input: CheckInput = {
    text, fileName: absolute, files: host.files, cache, warnDays, workspaceCertificateFiles: certificateFiles,
    ...companionConfig(absolute, (other) => host.readText(other)),
  };
  const compose = host.composeFor(absolute, [process.cwd().replace(/\\/g, '/')]);
  if (compose) input.compose = compose;
  return checkMilvusConfig(input).map((finding) => locate(file, text, finding));
}

export const checkCommand: Subcommand = {
  summary: 'check milvus.yaml / user.yaml as Milvus reads them (TLS, REST port, certificate files)',
  async run(args) {
    const parsed = parseArguments(args);
    if (parsed === 'help') {
      console.log(HELP);
      return ExitCode.ok;
    }
    const files = parsed.files.length > 0 ? parsed.files : defaultConfigFiles('.');
    if (files.length === 0) throw new UsageError('no milvus.yaml, user.yaml or *milvus*.yaml here; name the files to check');
    const host = createNodeHost();
    const environment: CheckEnvironment = {
      warnDays: parsed.warnDays,
      cache: new FileCache(),
      host,
      certificateFiles: await host.certificateFiles([process.cwd().replace(/\\/g, '/')]),
    };
    const findings = files.flatMap((file) => checkFile(file, environment))
      .filter((finding) => parsed.hints || finding.severity !== 'hint');
    if (parsed.json) console.log(JSON.stringify(findings, null, 2));
    else for (const finding of findings) console.log(`${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}`);
    return findings.some((finding) => finding.severity === 'error') ? EXIT_ERROR_FINDINGS : ExitCode.ok;
  },
};
