// Shared by the rule tests: a workspace held in memory (the document, a compose file in the docs'
// layout, certificates), resolved through the real deployment model, and a check that returns only
// what the assertions look at.
import type { LoadedFileCache, ResolveContext } from '../../../src/core/deployment';
import { deploymentForConfigFile, LoadedFileCache as Cache, ParseCache } from '../../../src/core/deployment';
import type { Analysis, RuleFinding } from '../../../src/core/rules';
import { analyseMilvusConfig } from '../../../src/core/rules';
import type { WorkspaceFileSystem } from '../../../src/core/workspace';
import { memoryFileSystem } from '../../../src/core/workspace';

export const WORKSPACE = '/ws';

export interface CheckOptions {
  /** Host path of the document (default /ws/milvus.yaml). */
  fileName?: string;
  /** Text of /ws/docker-compose.yml. */
  compose?: string;
  /** Other files of the workspace by absolute path (certificates, user.yaml, …). */
  files?: Record<string, string | Buffer>;
  /** Client certificate paths the workspace scan found (tlsMode 2 checks). */
  clientCertificates?: readonly string[];
  cache?: LoadedFileCache;
  /** Wraps the file system, e.g. to count reads. */
  wrap?: (fs: WorkspaceFileSystem) => WorkspaceFileSystem;
  now?: Date;
  warnDays?: number;
}

export function workspaceContext(text: string, options: CheckOptions = {}): { context: ResolveContext; fileName: string } {
  const fileName = options.fileName ?? `${WORKSPACE}/milvus.yaml`;
  const files: Record<string, string | Buffer> = { ...options.files, [fileName]: text };
  if (options.compose !== undefined) files[`${WORKSPACE}/docker-compose.yml`] = options.compose;
  const disk = memoryFileSystem(files);
  return {
    context: { fs: options.wrap ? options.wrap(disk) : disk, cache: options.cache ?? new Cache(), parsed: new ParseCache() },
    fileName,
  };
}

/** The whole analysis (findings, context, references), as the language server makes it. */
export async function analyse(text: string, options: CheckOptions = {}): Promise<Analysis> {
  const { context, fileName } = workspaceContext(text, options);
  const deployment = await deploymentForConfigFile(fileName, [WORKSPACE], context);
  const clientCertificates = await Promise.all((options.clientCertificates ?? []).map((file) => context.cache.load(context.fs, file)));
  return analyseMilvusConfig({
    deployment,
    fileName,
    text,
    clientCertificates,
    cache: context.cache,
    ...(options.now ? { now: options.now } : {}),
    ...(options.warnDays !== undefined ? { warnDays: options.warnDays } : {}),
  });
}

export async function check(text: string, options: CheckOptions = {}): Promise<RuleFinding[]> {
  return (await analyse(text, options)).findings;
}

/** A file system that records which paths were read. */
export function countingReads(inner: WorkspaceFileSystem, reads: string[]): WorkspaceFileSystem {
  return {
    ...inner,
    readFile: (filePath, maxBytes) => {
      reads.push(filePath);
      return inner.readFile(filePath, maxBytes);
    },
  };
}

/** The Milvus docs' TLS recipe: ./tls and ./milvus.yaml mounted into the standalone service. */
export function docsCompose(image = 'milvusdb/milvus:v2.5.27', extra = ''): string {
  return `services:
  standalone:
    container_name: milvus-standalone
    image: ${image}
    command: ["milvus", "run", "standalone"]
    environment:
      ETCD_ENDPOINTS: etcd:2379
${extra}    volumes:
      - \${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus
      - \${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls
      - \${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml
`;
}

export function withCompose(composeText: string): Pick<CheckOptions, 'compose'> {
  return { compose: composeText };
}

export function codes(findings: readonly RuleFinding[], minimum: 'hint' | 'information' | 'warning' | 'error' = 'hint'): string[] {
  const order = ['hint', 'information', 'warning', 'error'];
  return findings.filter((finding) => order.indexOf(finding.severity) >= order.indexOf(minimum)).map((finding) => finding.code);
}

export function textAt(text: string, finding: RuleFinding | undefined): string {
  return finding ? text.slice(finding.range.start, finding.range.end) : '<none>';
}
