// `milvus-tls generate`: the docs' gen.sh as one command, with a certificate profile Go accepts.
import { createHash, X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { parseArgs } from 'node:util';
import {
  DEFAULT_CA_COMMON_NAME,
  DEFAULT_CA_DAYS,
  DEFAULT_CLIENT_COMMON_NAME,
  DEFAULT_LEAF_DAYS,
  DEFAULT_SERVER_COMMON_NAME,
  defaultCertificateSetOptions,
  defaultServerSans,
} from '../core/pki/defaults';
import { KeyPregeneration } from '../core/pki/keyPregeneration';
import { unignoredKeyFiles } from '../core/pki/gitignore';
import { KEY_TYPES, type CertificateSetOptions, type KeyType, type SetFile } from '../core/pki/types';
import { kubernetesTargetWanted } from './kubernetesFlags';
import type { KubernetesSecretRequest } from './kubernetesTarget';
import { MAX_DAYS, parseSanList, validateCertificateSetOptions, validateSan } from '../core/pki/validate';
// The use case's own module, not the usecases barrel: that one brings the deployment model (and YAML).
import { generateAndWriteSet, MissingCaFilesError } from '../core/usecases/generateSet';
import { parseCommandLine } from './args';
import { milvusNamesAround } from './composeNames';
import { ExitCode, UsageError } from './exitCodes';
import { abortOnSignals } from './interrupt';
import { printLines } from './stdout';
import { reportWriteFailure } from './writeFailures';
import type { Subcommand } from './main';

const HELP = `Usage: milvus-tls generate [options]

Writes ca.key ca.pem ca.srl server.key server.csr server.pem client.key client.csr client.pem
(the Milvus docs' files) into a folder. Server certificates carry SANs and serverAuth, client
certificates clientAuth, so Go's crypto/tls (Milvus tlsMode 2) accepts them.

Options:
  --out DIR            folder to write to (default: ./tls; created if missing)
  --cn NAME            server common name, the name clients connect to (default: ${DEFAULT_SERVER_COMMON_NAME})
  --san NAME_OR_IP     server DNS name (*.wildcard allowed) or IP; repeat or comma-separate.
                       Default: the CN, localhost, 127.0.0.1, ::1 and the Milvus service and container
                       names of a docker-compose.yml / compose.yaml in the current folder.
                       When given, the CN is still included.
  --client-cn NAME     client certificate common name (default: ${DEFAULT_CLIENT_COMMON_NAME})
  --ca-cn NAME         CA common name (default: ${DEFAULT_CA_COMMON_NAME})
  --key TYPE           ${KEY_TYPES.join(' | ')} (default: rsa2048)
  --ca-days N          CA validity in days (default: ${DEFAULT_CA_DAYS})
  --days N             server and client validity in days (default: ${DEFAULT_LEAF_DAYS})
  --country CC --state TEXT --locality TEXT --org TEXT --org-unit TEXT
                       subject fields shared by the three certificates (optional)
  --reuse-ca           keep ca.pem and ca.key in DIR byte for byte; replace only the server and
                       client files and ca.srl with new ones issued by that CA
  --force              replace existing files in DIR (all nine)
  --json               print {"files": [...]} with paths, SHA-256 and expiry instead of text
  --k8s-secret NAME    also write DIR/NAME.secret.yaml: a Kubernetes Secret holding server.pem,
                       server.key and ca.pem (what kubectl create secret generic NAME --from-file=…
                       --dry-run=client -o yaml prints). The default CN and SANs become the Service
                       names clients dial in the cluster (<release>-milvus, .<ns>, .<ns>.svc,
                       .<ns>.svc.cluster.local), localhost for kubectl port-forward, internaltls.sni
                       and the ingress hosts of a values file or Milvus resource in this folder.
  --cert-manager       write DIR/cert-manager.yaml instead of certificate files: a CA Issuer over the
                       CA in DIR (ca.pem, ca.key; else a selfSigned Issuer signing a new CA), a server
                       Certificate for the names above into the Secret --k8s-secret NAME (default: the
                       one the deployment here mounts, else milvus-tls), and with --mode 2 a client
                       Certificate. cert-manager writes tls.crt, tls.key and ca.crt into that Secret.
  --self-signed        with --cert-manager: a selfSigned → CA chain even when DIR holds a CA
  --mode 1|2           with --cert-manager: 2 adds the client Certificate (mutual TLS)
  --release R          Helm release name for those names (default: a Milvus resource's name here, else my-release)
  --namespace NS       namespace for those names and of the Secret (default: the resource's, else default)
  --help               show this help

Exit codes: 0 written, 1 bad usage, 2 refused (files exist, or another run is writing the folder),
3 failed (nothing written), 130/143 interrupted by Ctrl-C/SIGTERM (nothing written).
Private keys are written with mode 0600 and never printed.`;

const OPTIONS = {
  out: { type: 'string' },
  cn: { type: 'string' },
  san: { type: 'string', multiple: true },
  'client-cn': { type: 'string' },
  'ca-cn': { type: 'string' },
  key: { type: 'string' },
  'ca-days': { type: 'string' },
  days: { type: 'string' },
  country: { type: 'string' },
  state: { type: 'string' },
  locality: { type: 'string' },
  org: { type: 'string' },
  'org-unit': { type: 'string' },
  'reuse-ca': { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  'k8s-secret': { type: 'string' },
  release: { type: 'string' },
  namespace: { type: 'string' },
  'cert-manager': { type: 'boolean' },
  'self-signed': { type: 'boolean' },
  mode: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function parseValues(args: string[]): Values {
  return parseCommandLine('generate', { args, options: OPTIONS, strict: true, allowPositionals: false }).values;
}

function parseDays(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const days = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new UsageError(`${option} must be a whole number from 1 to ${MAX_DAYS} (got '${text}')`);
  }
  return days;
}

function parseKeyType(text: string | undefined): KeyType {
  if (text === undefined) return 'rsa2048';
  if (!(KEY_TYPES as readonly string[]).includes(text)) {
    throw new UsageError(`--key must be one of ${KEY_TYPES.join(', ')} (got '${text}')`);
  }
  return text as KeyType;
}

/**
 * --san values, or the defaults (with the Milvus service and container names of a compose file in the
 * current folder, as the VS Code command does); the CN always leads, since clients use it as the server name.
 */
function serverSans(commonName: string, sanOptions: string[] | undefined, composeNames: string[]): string[] {
  if (!sanOptions || sanOptions.length === 0) {
    if (commonName.trim() !== '' && validateSan(commonName) !== undefined) {
      throw new UsageError(
        `--cn ${JSON.stringify(commonName)} is not a host name or IP address, so clients cannot connect with it; ` +
          'use a name such as milvus.example.com, or list the names clients use with --san',
      );
    }
    return defaultServerSans(commonName, composeNames);
  }
  const { sans, errors } = parseSanList(sanOptions.join(','));
  if (errors.length > 0) throw new UsageError(`--san: ${errors.join('\n--san: ')}`);
  if (sans.length === 0) throw new UsageError('--san was given without a name or address');
  const leading = validateSan(commonName) === undefined ? [commonName] : [];
  return parseSanList([...leading, ...sans].join(',')).sans; // deduplicated, first spelling kept
}

function buildOptions(values: Values, composeNames: string[], request?: KubernetesSecretRequest): CertificateSetOptions {
  const kubernetes = request?.target;
  const serverCommonName = values.cn ?? kubernetes?.commonName ?? DEFAULT_SERVER_COMMON_NAME;
  const options = defaultCertificateSetOptions({
    keyType: parseKeyType(values.key),
    subject: {
      country: values.country,
      state: values.state,
      locality: values.locality,
      organization: values.org,
      organizationalUnit: values['org-unit'],
    },
    caCommonName: values['ca-cn'] ?? DEFAULT_CA_COMMON_NAME,
    serverCommonName,
    serverSans:
      request && (!values.san || values.san.length === 0) && values.cn === undefined
        ? request.serverSans
        : serverSans(serverCommonName, values.san, kubernetes ? [kubernetes.commonName, ...kubernetes.extraNames] : composeNames),
    clientCommonName: values['client-cn'] ?? DEFAULT_CLIENT_COMMON_NAME,
    caDays: parseDays(values['ca-days'], '--ca-days', DEFAULT_CA_DAYS),
    leafDays: parseDays(values.days, '--days', DEFAULT_LEAF_DAYS),
  });
  const problems = validateCertificateSetOptions(options);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return options;
}

interface FileReport {
  name: string;
  path: string;
  kind: 'certificate' | 'private-key' | 'certificate-request' | 'serial' | 'secret-manifest';
  /** What the sha256 is of: the certificate's DER (its fingerprint) or the file's bytes. */
  sha256Of: 'certificate-der' | 'file';
  sha256: string;
  notAfter: string | null;
  commonName: string | null;
  /** The server certificate's names, as openssl prints them; null for other files. */
  subjectAltName: string | null;
}

function kindOf(file: SetFile): FileReport['kind'] {
  if (file.name.endsWith('.secret.yaml')) return 'secret-manifest';
  if (file.isPrivateKey) return 'private-key';
  if (file.name.endsWith('.pem')) return 'certificate';
  if (file.name.endsWith('.csr')) return 'certificate-request';
  return 'serial';
}

function describeFile(file: SetFile, path: string): FileReport {
  const kind = kindOf(file);
  if (kind !== 'certificate') {
    const sha256 = createHash('sha256').update(file.contents).digest('hex');
    return { name: file.name, path, kind, sha256Of: 'file', sha256, notAfter: null, commonName: null, subjectAltName: null };
  }
  const certificate = new X509Certificate(file.contents);
  return {
    name: file.name,
    path,
    kind,
    sha256Of: 'certificate-der',
    sha256: createHash('sha256').update(certificate.raw).digest('hex'),
    notAfter: new Date(certificate.validTo).toISOString(),
    commonName: /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? null,
    subjectAltName: certificate.subjectAltName ?? null,
  };
}

function printHuman(outDir: string, reports: FileReport[], reusedCa: boolean): void {
  const lines = [`Wrote ${reports.length} files to ${outDir}${reusedCa ? ' (kept ca.pem and ca.key)' : ''}:`];
  for (const report of reports) {
    const detail =
      report.kind === 'certificate'
        ? `CN=${report.commonName ?? '?'}, expires ${report.notAfter?.slice(0, 10) ?? '?'}${report.subjectAltName ? `, ${report.subjectAltName}` : ''}`
        : report.kind === 'private-key'
          ? 'private key, mode 0600'
          : report.kind === 'secret-manifest'
            ? 'Kubernetes Secret with server.pem, server.key, ca.pem (holds the key: mode 0600)'
            : report.kind.replace('-', ' ');
    lines.push(`  ${report.name.padEnd(11)} ${detail}`);
  }
  const manifest = reports.find((report) => report.kind === 'secret-manifest');
  if (manifest) {
    lines.push(`Apply the Secret with: kubectl apply -f ${manifest.path}`);
    lines.push('Milvus reads its certificates at start-up: restart the Milvus pods after a new Secret (a renewal too).');
  }
  printLines(...lines);
}

async function warnAboutUnignoredKeys(outDir: string, reports: FileReport[]): Promise<void> {
  const keys = reports.filter((report) => report.kind === 'private-key' || report.kind === 'secret-manifest').map((report) => report.path);
  const exposed = await unignoredKeyFiles(outDir, keys);
  if (exposed.length > 0) {
    console.error(`warning: git would commit these private keys: ${exposed.join(', ')}\n         add them (or *.key) to .gitignore`);
  }
}

async function run(args: string[]): Promise<number> {
  const values = parseValues(args);
  if (values.help) {
    console.log(HELP);
    return ExitCode.ok;
  }
  const reuseCa = values['reuse-ca'] === true;
  if (reuseCa && (values['ca-cn'] !== undefined || values['ca-days'] !== undefined)) {
    throw new UsageError('--ca-cn and --ca-days cannot be combined with --reuse-ca: the existing CA is kept as it is');
  }
  const certManager = values['cert-manager'] === true;
  if (!certManager && (values['self-signed'] !== undefined || values.mode !== undefined)) {
    throw new UsageError('--self-signed and --mode go with --cert-manager');
  }
  let kubernetes: KubernetesSecretRequest | undefined;
  if (kubernetesTargetWanted(values, certManager)) {
    // The deployment model and YAML load only here (generateKubernetes.ts says why).
    const { kubernetesTargetFor, runCertManager } = await import('./generateKubernetes.js');
    kubernetes = await kubernetesTargetFor(values, process.cwd(), certManager);
    if (certManager && kubernetes) {
      return runCertManager(
        values,
        kubernetes,
        parseKeyType(values.key),
        values.days !== undefined ? parseDays(values.days, '--days', DEFAULT_LEAF_DAYS) : undefined,
      );
    }
  }
  // The whole command line is checked before a key is made: a usage error exits at once, not after
  // a key generation nobody waits for.
  const keyType = buildOptions(values, [], kubernetes).keyType;
  if (values.out?.trim() === '') throw new UsageError('--out is empty; give a folder such as ./tls');
  const outDir = resolve(values.out ?? 'tls');
  // Key generation is most of the run: it starts now, and the compose files are read meanwhile.
  const keys = new KeyPregeneration();
  if (!reuseCa) void keys.start(keyType);
  const options = buildOptions(values, await milvusNamesAround(process.cwd()), kubernetes);
  try {
    // --reuse-ca is itself the request to replace the leaves; everything else needs --force.
    const written = await abortOnSignals(async (signal) => {
      const set = await generateAndWriteSet({
        options,
        outputDir: outDir,
        mode: reuseCa ? 'reissue' : values.force === true ? 'overwrite' : 'create',
        signal,
        ...(kubernetes ? { kubernetesSecret: { name: kubernetes.secretName, namespace: kubernetes.namespace } } : {}),
        ...(reuseCa ? {} : { keys: keys.take(keyType) }),
      });
      // undefined means the signal stopped it: its reason is the InterruptedError to report.
      if (!set) throw signal.reason;
      return set;
    });
    const reports = written.files.map((file, index) => describeFile(file, written.paths[index] ?? join(outDir, file.name)));
    if (written.capNote !== undefined) console.error(`note: ${written.capNote}`);
    if (values.json) printLines(JSON.stringify({ files: reports }, null, 2));
    else printHuman(outDir, reports, reuseCa);
    await warnAboutUnignoredKeys(outDir, reports);
    return ExitCode.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof MissingCaFilesError) {
    console.error(`milvus-tls generate: --reuse-ca needs ca.pem and ca.key in ${error.directory}; missing: ${error.missing.join(', ')}`);
    return ExitCode.usage;
  }
  return reportWriteFailure(
    'generate',
    error,
    (refused) =>
      `refusing to overwrite ${refused.existing.join(', ')} in ${refused.directory}.\n` +
      'Use --force to replace them, or --reuse-ca to keep ca.pem and ca.key and replace only the server and client files.',
  );
}

export const generateCommand: Subcommand = {
  run,
};
