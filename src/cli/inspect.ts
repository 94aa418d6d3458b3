// `milvus-tls inspect`: every certificate under the given paths with expiry, role, issuer and the
// lint findings; exits 1 on any error finding so CI can fail before a certificate expires.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding, InputFile, WorkspaceCertificate, WorkspaceInspection } from '../core/inspect';
import { DEFAULT_WARN_DAYS, inspectFiles, readInputFile, readManifestInputs, scanFolder } from '../core/inspect';
import { parseCommandLine } from './args';
import { ExitCode, UsageError } from './exitCodes';
import type { Subcommand } from './main';

/** Exit code when any finding is an error. Same number as ExitCode.usage, as documented. */
const EXIT_ERROR_FINDINGS = 1;

const HELP = `Usage: milvus-tls inspect [options] [PATH...]

Lists every certificate in the given files and folders (default: the current folder), sorted by
expiry, with its role, issuer, matching key and findings. Folders are searched recursively for
*.pem *.crt *.cer *.cert *.key *.csr *.der (not node_modules or .git; files over 1 MB skipped), and
Kubernetes Secret manifests (*.yaml, *.yml): each Secret key holding PEM is listed as file#secret/key.
Files named explicitly are read whatever their extension. Private key material is never printed.

Options:
  --json            print a JSON array instead of the table: one object per certificate (file, role,
                    notBefore, notAfter, daysLeft, issuer, sans, findings...), then keys with findings,
                    CSRs and unreadable files
  --warn-days N     warn about certificates expiring within N days (default: ${DEFAULT_WARN_DAYS})
  -h, --help        show this help

Days left (the DAYS LEFT column and "daysLeft" in --json; the editor uses the same rule):
  daysLeft = ceil((notAfter - now) / 24 h). A certificate issued for N days reads N during its first
  24 hours, 1 during its last 24 hours. Once expired (now after notAfter) it reads 0 for a day, then
  -1, -2...: -k means it expired k whole days ago. A certificate is "expiring" when daysLeft <= N of
  --warn-days, i.e. at most N*24 hours remain.

Exit codes: 0 no error finding (warnings allowed), 1 an error finding or bad usage.`;

interface InspectArguments {
  json: boolean;
  warnDays: number;
  paths: string[];
}

function parseArguments(args: string[]): InspectArguments | 'help' {
  const parsed = parseCommandLine('inspect', {
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'warn-days': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) return 'help';
  const warnDaysText = parsed.values['warn-days'];
  const warnDays = warnDaysText === undefined ? DEFAULT_WARN_DAYS : Number(warnDaysText);
  if (!Number.isInteger(warnDays) || warnDays < 0 || warnDays > 36_500) {
    throw new UsageError(`--warn-days takes a whole number of days from 0 to 36500, not '${warnDaysText ?? ''}'`);
  }
  return { json: parsed.values.json === true, warnDays, paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'] };
}

/** Reads the named files and scans the named folders; a path that does not exist is a usage error. */
async function collectFiles(paths: string[]): Promise<InputFile[]> {
  const byPath = new Map<string, InputFile>();
  for (const path of paths) {
    const absolute = resolve(path);
    let isFolder: boolean;
    try {
      isFolder = (await stat(absolute)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `no such file or folder: ${path}` : `cannot access ${path}: ${(error as Error).message}`);
    }
    // Kubernetes Secret manifests (*.yaml) show their certificates as file#secret/key.
    const files = isFolder
      ? await scanFolder(absolute, { manifests: true })
      : /\.ya?ml$/i.test(absolute)
        ? await readManifestInputs(absolute)
        : [await readInputFile(absolute)];
    for (const file of files) byPath.set(file.path, file);
  }
  return [...byPath.values()];
}

function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}

function findingsJson(findings: readonly Finding[]): Finding[] {
  return findings.map(({ code, severity, message }) => ({ code, severity, message }));
}

function byExpiry(inspection: WorkspaceInspection): WorkspaceCertificate[] {
  return [...inspection.certificates].sort(
    (a, b) => a.notAfter.localeCompare(b.notAfter) || a.file.localeCompare(b.file) || a.indexInFile - b.indexInFile,
  );
}

/** The --json output: certificates by expiry, then keys with findings, CSRs and unreadable files. */
export function inspectionToJson(inspection: WorkspaceInspection): unknown[] {
  const fileOf = new Map(inspection.certificates.map((cert) => [cert.id, cert.file]));
  const certificates = byExpiry(inspection).map((cert) => ({
    type: 'certificate',
    file: displayPath(cert.file),
    index: cert.indexInFile,
    commonName: cert.commonName ?? null,
    subject: cert.subject,
    role: cert.role,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    daysLeft: cert.daysLeft,
    issuer: cert.issuer,
    issuerCommonName: cert.issuerCommonName ?? null,
    issuerStatus: cert.issuerStatus,
    issuerFile: cert.issuerId === undefined ? null : displayPath(fileOf.get(cert.issuerId) ?? ''),
    sans: cert.sans,
    keyType: cert.publicKey.description,
    signatureAlgorithm: cert.signatureAlgorithm.name,
    serialNumber: cert.serialNumber,
    fingerprint: cert.fingerprintSha256,
    keyFile: cert.keyFile === undefined ? null : displayPath(cert.keyFile),
    findings: findingsJson(cert.findings),
  }));
  const keys = inspection.keys
    .filter((key) => key.findings.length > 0)
    .map((key) => ({
      type: 'key',
      file: displayPath(key.file),
      index: key.indexInFile,
      keyType: key.publicKey?.description ?? null,
      encrypted: key.encrypted,
      certificateFiles: key.certificateIds.map((id) => displayPath(fileOf.get(id) ?? '')),
      findings: findingsJson(key.findings),
    }));
  const csrs = inspection.csrs.map((csr) => ({
    type: 'csr',
    file: displayPath(csr.file),
    index: csr.indexInFile,
    commonName: csr.commonName ?? null,
    sans: csr.sans,
    findings: [],
  }));
  const errors = inspection.errors.map((error) => ({
    type: 'error',
    file: displayPath(error.file),
    code: error.code,
    severity: error.severity,
    message: error.message,
    findings: findingsJson([error]),
  }));
  return [...certificates, ...keys, ...csrs, ...errors];
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The human-readable report: a table by expiry, then every finding with what to do. */
export function inspectionToText(inspection: WorkspaceInspection): string {
  const lines: string[] = [];
  const certificates = byExpiry(inspection);
  if (certificates.length === 0) {
    lines.push('No certificates found.');
  } else {
    const rows = [['COMMON NAME', 'ROLE', 'EXPIRES', 'DAYS LEFT', 'ISSUER', 'FILE', 'FINDINGS']];
    for (const cert of certificates) {
      const issuer =
        cert.issuerStatus === 'self-signed'
          ? '(self-signed)'
          : (cert.issuerCommonName ?? cert.issuer) + (cert.issuerStatus === 'not-found' ? ' (not here)' : '');
      rows.push([
        clip(cert.commonName ?? cert.sans.dns[0] ?? '(no CN)', 32),
        cert.role,
        cert.notAfter.slice(0, 10),
        String(cert.daysLeft),
        clip(issuer, 32),
        displayPath(cert.file) + (cert.indexInFile > 0 ? `[${cert.indexInFile}]` : ''),
        cert.findings.map((finding) => finding.code).join(', ') || '-',
      ]);
    }
    lines.push(table(rows));
  }
  if (inspection.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const finding of inspection.findings) {
      const where = displayPath(finding.file) + (finding.range ? `:${finding.range.startLine + 1}` : '');
      lines.push(`  ${finding.severity.padEnd(7)} ${finding.code}  ${where}`, `          ${finding.message}`);
    }
  }
  const count = (severity: Finding['severity']): number => inspection.findings.filter((finding) => finding.severity === severity).length;
  lines.push(
    '',
    `${certificates.length} certificate(s), ${inspection.keys.length} key(s), ${inspection.errors.length} unreadable: ` +
      `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s).`,
  );
  return lines.join('\n');
}

export const inspectCommand: Subcommand = {
  run: async (args) => {
    const parsed = parseArguments(args);
    if (parsed === 'help') {
      console.log(HELP);
      return ExitCode.ok;
    }
    const files = await collectFiles(parsed.paths);
    const inspection = inspectFiles(files, new Date(), { warnDays: parsed.warnDays });
    console.log(parsed.json ? JSON.stringify(inspectionToJson(inspection), null, 2) : inspectionToText(inspection));
    return inspection.findings.some((finding) => finding.severity === 'error') ? EXIT_ERROR_FINDINGS : ExitCode.ok;
  },
};
