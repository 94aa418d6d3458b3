// The real Milvus files the models are tested against. CI has a copy of shared/ beside the clone,
// so the corpus is found relative to the repository root, never by an absolute path.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SHIPPED_CONFIGS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'milvus-configs');

export interface ShippedFile {
  fileName: string;
  /** The Milvus line, e.g. `2.4.24`, or `master`. */
  version: string;
  text: string;
}

function listShipped(pattern: RegExp): ShippedFile[] {
  return readdirSync(SHIPPED_CONFIGS_DIR)
    .map((fileName) => ({ fileName, match: pattern.exec(fileName) }))
    .filter((entry): entry is { fileName: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ fileName, match }) => ({
      fileName,
      version: match[1] ?? '',
      text: readFileSync(path.join(SHIPPED_CONFIGS_DIR, fileName), 'utf8'),
    }));
}

/** milvus-v2.3.22.yaml … milvus-master-2026-08-07.yaml */
export function shippedMilvusYamls(): ShippedFile[] {
  return listShipped(/^milvus-v?(\d+\.\d+\.\d+|master)[-\d]*\.yaml$/);
}

/** milvus-standalone-docker-compose-v2.3.21.yml … */
export function shippedComposeFiles(): ShippedFile[] {
  return listShipped(/^milvus-standalone-docker-compose-v(\d+\.\d+\.\d+)\.yml$/);
}
