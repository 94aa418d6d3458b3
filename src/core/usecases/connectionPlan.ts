/**
 * What a client of this deployment would use, for Test Connection, `milvus-tls ping`, the snippets
 * and `milvus-tls snippet`: the tlsMode, the gRPC and REST addresses, the CA and client files, and
 * the server name, each with where it came from. The rules a client follows are written once here;
 * every front asks this and only decides what the user overrides.
 */
import { readBool } from '../config/typedValues';
import type { Deployment, Endpoint, Provenance, ResolveContext, Traced } from '../deployment';
import { fromDefault, fromFile } from '../deployment/provenance';
import { readPemOrDer } from '../inspect';
import { pickServerName } from './serverName';

export interface ClientFile {
  /** Host path (or `manifest#secret/key` label) of the file. */
  path: string;
  /** The content, when it does not live in a file of its own (a Secret entry in a manifest). */
  bytes?: Buffer;
  from: Provenance;
}

export interface ConnectionPlan {
  deployment: Deployment | undefined;
  /** The effective tlsMode; undefined without a deployment. */
  mode: Traced<number> | undefined;
  grpc: Endpoint;
  rest: Endpoint | undefined;
  serverCertificate?: ClientFile;
  ca?: ClientFile;
  clientCertificate?: ClientFile;
  clientKey?: ClientFile;
  authorizationEnabled: boolean;
  /** The names the server certificate holds (DNS and IP SANs), for the server name. */
  serverNames: { dns: string[]; ip: string[] } | undefined;
}

export interface ConnectionPlanOptions {
  /** Folder the deployment was found in (a workspace folder, the CLI's --dir). */
  root: string;
  /** Where Generate Certificates writes (`milvusTls.generate.outputFolder`), relative to root: looked in last. */
  outputFolder: string;
}

const DEFAULT_ENDPOINT: Endpoint = {
  host: { value: 'localhost', from: fromDefault('the default address') },
  port: { value: 19530, from: fromDefault('the default gRPC port') },
};

/** The folder of the deployment's compose project or config file. */
function deploymentFolder(deployment: Deployment | undefined): string | undefined {
  const config = deployment?.configFiles.find((file) => file.source === 'host' && file.hostPath !== undefined)?.hostPath;
  return deployment?.compose?.project.dir ?? (config !== undefined ? config.replace(/[\\/][^\\/]*$/, '') : undefined);
}

async function existingFile(path: string | undefined, from: Provenance, context: ResolveContext): Promise<ClientFile | undefined> {
  if (path === undefined) return undefined;
  if (!(await context.fs.mayRead(path))) return undefined;
  return (await context.fs.stat(path))?.type === 'file' ? { path, from } : undefined;
}

async function firstFile(candidates: readonly (ClientFile | undefined)[], context: ResolveContext): Promise<ClientFile | undefined> {
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (candidate.bytes) return candidate;
    const found = await existingFile(candidate.path, candidate.from, context);
    if (found) return found;
  }
  return undefined;
}

/** The file a path setting points at, when the deployment can see it (a workspace file or a manifest entry). */
function settingFile(deployment: Deployment | undefined, key: string): ClientFile | undefined {
  const resolved = deployment?.paths.get(key);
  if (!resolved) return undefined;
  const from: Provenance = { ...resolved.from, text: `${key} (${resolved.from.text})` };
  if (resolved.location.kind === 'host') return { path: resolved.location.hostPath, from };
  if (resolved.location.kind === 'manifest' && resolved.location.bytes) {
    return { path: resolved.location.label, bytes: resolved.location.bytes, from };
  }
  return undefined;
}

/**
 * A Secret key's twin on disk: the file of the same name beside the manifest, with the same bytes
 * (`generate --k8s-secret` writes tls/ca.pem and tls/NAME.secret.yaml together). Snippets and
 * clients need a file path; the manifest entry has none.
 */
async function besideManifest(deployment: Deployment | undefined, key: string, context: ResolveContext): Promise<ClientFile | undefined> {
  const resolved = deployment?.paths.get(key);
  const location = resolved?.location;
  if (location?.kind !== 'manifest' || !location.bytes || !resolved) return undefined;
  const pathApi = context.fs.path;
  const path = pathApi.join(pathApi.dirname(location.manifestPath), pathApi.basename(location.label.replace(/^.*#[^/]*\//, '')));
  const read = await context.fs.readFile(path);
  if (!read.ok || !read.bytes.equals(location.bytes)) return undefined;
  return {
    path,
    from: { ...resolved.from, text: `${key} (${resolved.from.text}): the Secret key ${location.label}, as the file beside it` },
  };
}

async function serverNamesOf(file: ClientFile | undefined, context: ResolveContext): Promise<ConnectionPlan['serverNames']> {
  if (!file) return undefined;
  const bytes = file.bytes ?? (await readBytes(file.path, context));
  if (!bytes) return undefined;
  const certificate = readPemOrDer(bytes, file.path).objects.find((object) => object.kind === 'certificate');
  return certificate?.kind === 'certificate' ? { dns: [...certificate.sans.dns], ip: [...certificate.sans.ip] } : undefined;
}

/** The bytes of a client file, read through the (contained, capped) workspace file system. */
export async function readClientFile(file: ClientFile, context: ResolveContext): Promise<Buffer | undefined> {
  return file.bytes ?? readBytes(file.path, context);
}

async function readBytes(path: string, context: ResolveContext): Promise<Buffer | undefined> {
  const read = await context.fs.readFile(path);
  return read.ok ? read.bytes : undefined;
}

export async function planConnection(
  deployment: Deployment | undefined,
  options: ConnectionPlanOptions,
  context: ResolveContext,
): Promise<ConnectionPlan> {
  const pathApi = context.fs.path;
  // Generate Certificates writes relative to the workspace folder; a project in a subfolder keeps its set beside its own files.
  const outputDirs = [
    ...new Set([
      pathApi.resolve(deploymentFolder(deployment) ?? options.root, options.outputFolder),
      pathApi.resolve(options.root, options.outputFolder),
    ]),
  ];
  const shown = (path: string): string => fromFile(pathApi, options.root, path, undefined, undefined).text;
  const generatedIn = (dir: string, name: string): ClientFile => {
    const path = pathApi.join(dir, name);
    return { path, from: { kind: 'derived', file: path, text: `${shown(path)} (where Generate Certificates writes)` } };
  };
  const generated = (name: string): ClientFile[] => outputDirs.map((dir) => generatedIn(dir, name));
  const besides = (file: ClientFile | undefined, name: string): ClientFile | undefined => {
    if (!file || file.bytes) return undefined;
    const path = pathApi.join(pathApi.dirname(file.path), name);
    return { path, from: { kind: 'derived', file: path, text: `${shown(path)} (next to ${pathApi.basename(file.path)})` } };
  };
  const serverCertificate = await firstFile([settingFile(deployment, 'tls.serverPemPath'), ...generated('server.pem')], context);
  const ca = await firstFile(
    [
      await besideManifest(deployment, 'tls.caPemPath', context),
      settingFile(deployment, 'tls.caPemPath'),
      besides(serverCertificate, 'ca.pem'),
      ...generated('ca.pem'),
    ],
    context,
  );
  const clientCertificate = await firstFile([besides(ca, 'client.pem'), ...generated('client.pem')], context);
  const clientKey = await firstFile([besides(clientCertificate ?? ca, 'client.key'), ...generated('client.key')], context);
  const mode = deployment
    ? { value: deployment.tlsMode.mode, from: deployment.provenanceOf('common.security.tlsMode') ?? fromDefault("tlsMode's default 0") }
    : undefined;
  return {
    deployment,
    mode,
    grpc: deployment?.grpc ?? DEFAULT_ENDPOINT,
    rest: deployment?.rest,
    ...(serverCertificate ? { serverCertificate } : {}),
    ...(ca ? { ca } : {}),
    ...(clientCertificate ? { clientCertificate } : {}),
    ...(clientKey ? { clientKey } : {}),
    authorizationEnabled: deployment ? readBool(deployment.effective, 'common.security.authorizationEnabled', false).value : false,
    serverNames: await serverNamesOf(serverCertificate, context),
  };
}

/**
 * The name to verify the server certificate against when the user set none: a SAN the certificate
 * holds (the dialled host when it does), so Go's no-CommonName rule never bites. Undefined: use the host.
 */
export function defaultServerName(plan: ConnectionPlan, host: string): Traced<string> | undefined {
  if (!plan.serverNames || !plan.serverCertificate) return undefined;
  const name = pickServerName(plan.serverNames, host);
  if (name === undefined) return undefined;
  return {
    value: name,
    from: {
      kind: 'derived',
      text: name === host ? `the host, a SAN of ${plan.serverCertificate.path}` : `a SAN of ${plan.serverCertificate.path}`,
    },
  };
}

export interface ConnectionPlanSummary {
  mode: number | null;
  ca: string | null;
  clientCertificate: string | null;
  clientKey: string | null;
  /** The name Test Connection and ping verify when the user dials localhost. */
  serverNameForLocalhost: string | null;
  restPort: number | null;
  authorizationEnabled: boolean;
}

/** What a client would use, as JSON (`milvus-tls status --json`, the agreement tests). */
export function summarizeConnectionPlan(plan: ConnectionPlan): ConnectionPlanSummary {
  return {
    mode: plan.mode?.value ?? null,
    ca: plan.ca?.path ?? null,
    clientCertificate: plan.clientCertificate?.path ?? null,
    clientKey: plan.clientKey?.path ?? null,
    serverNameForLocalhost: defaultServerName(plan, plan.grpc.host.value)?.value ?? null,
    restPort: plan.rest?.port.value ?? null,
    authorizationEnabled: plan.authorizationEnabled,
  };
}
