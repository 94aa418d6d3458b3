// Shared by the rule tests: an in-memory file system, a compose file in the docs' layout, and a
// check that returns only what the assertions look at.
import { parseComposeFile } from '../../../src/core/compose';
import type { CheckInput, FileAccess, RuleFinding } from '../../../src/core/rules';
import { checkMilvusConfig } from '../../../src/core/rules';

export function memoryFiles(files: Record<string, string | Buffer>): FileAccess & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stat(path) {
      const content = files[path];
      if (content === undefined) return undefined;
      return { mtimeMs: 1, size: content.length, isFile: true };
    },
    readFile(path) {
      reads.push(path);
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return Buffer.isBuffer(content) ? content : Buffer.from(content);
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

export function check(text: string, input: Partial<CheckInput> = {}): RuleFinding[] {
  return checkMilvusConfig({ text, fileName: '/ws/milvus.yaml', ...input });
}

export function withCompose(composeText: string): Pick<CheckInput, 'compose'> {
  return { compose: parseComposeFile(composeText, '/ws/docker-compose.yml') };
}

export function codes(findings: readonly RuleFinding[], minimum: 'hint' | 'information' | 'warning' | 'error' = 'hint'): string[] {
  const order = ['hint', 'information', 'warning', 'error'];
  return findings.filter((finding) => order.indexOf(finding.severity) >= order.indexOf(minimum)).map((finding) => finding.code);
}

export function textAt(text: string, finding: RuleFinding | undefined): string {
  return finding ? text.slice(finding.range.start, finding.range.end) : '<none>';
}
