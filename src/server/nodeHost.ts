/**
 * The server's view of the disk: file access for the rules (stat-keyed, so unchanged certificates
 * are never re-read), the compose file and companion config of a document, and the workspace's
 * certificate file names. The only server file that touches node:fs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeFile } from '../core/compose';
import { composeFileCandidates, parseComposeFile, parseDotEnv } from '../core/compose';
import { DEFAULT_EXCLUDED_DIRECTORIES, isCertificateFileName } from '../core/inspect';
import type { CheckInput, FileAccess } from '../core/rules';

export interface ServerHost {
  files: FileAccess;
  listFolder(folder: string): readonly string[];
  /** The nearest compose file of a config, up to the workspace folder that holds it. */
  composeFor(configPath: string, roots: readonly string[]): ComposeFile | undefined;
  /** Certificate and key files under the roots (names only, nothing read). */
  certificateFiles(roots: readonly string[]): Promise<string[]>;
  readText(filePath: string): string | undefined;
  /** Forget cached compose models (a watcher saw one change). */
  invalidate(filePath?: string): void;
}

export function nodeFileAccess(): FileAccess {
  return {
    stat(filePath) {
      try {
        const stat = statSync(filePath);
        return { mtimeMs: stat.mtimeMs, size: stat.size, isFile: stat.isFile() };
      } catch {
        return undefined;
      }
    },
    readFile: (filePath) => readFileSync(filePath),
  };
}

export function createNodeHost(): ServerHost {
  const files = nodeFileAccess();
  const composeCache = new Map<string, { key: string; compose: ComposeFile }>();
  const statKey = (filePath: string) => {
    const stat = files.stat(filePath);
    return stat?.isFile ? `${stat.mtimeMs}:${stat.size}` : undefined;
  };
  return {
    files,
    listFolder: (folder) => readdirSync(folder),
    composeFor(configPath, roots) {
      const root = roots.find((candidate) => configPath.startsWith(`${candidate}/`)) ?? path.posix.dirname(configPath);
      for (const candidate of composeFileCandidates(configPath, root)) {
        const key = statKey(candidate);
        if (key === undefined) continue;
        const envKey = statKey(path.posix.join(path.posix.dirname(candidate), '.env')) ?? '';
        const cached = composeCache.get(candidate);
        if (cached?.key === `${key}|${envKey}`) return cached.compose;
        const variables = envKey === '' ? {} : parseDotEnv(readFileSync(path.posix.join(path.posix.dirname(candidate), '.env'), 'utf8'));
        const compose = parseComposeFile(readFileSync(candidate, 'utf8'), candidate, { variables });
        composeCache.set(candidate, { key: `${key}|${envKey}`, compose });
        return compose;
      }
      return undefined;
    },
    certificateFiles: (roots) => listCertificateFiles(roots),
    readText(filePath) {
      try {
        return readFileSync(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
    invalidate(filePath) {
      if (filePath === undefined) composeCache.clear();
      else composeCache.delete(filePath);
    },
  };
}

const MAX_DEPTH = 6;
const MAX_FILES = 2000;

async function listCertificateFiles(roots: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const excluded = new Set<string>(DEFAULT_EXCLUDED_DIRECTORIES);
  const walk = async (folder: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!excluded.has(entry.name) && !entry.name.startsWith('.')) await walk(full, depth + 1);
      } else if (entry.isFile() && isCertificateFileName(entry.name)) {
        found.push(full);
      }
    }
  };
  for (const root of roots) await walk(root, 0);
  return found;
}

/** milvus.yaml and user.yaml side by side: Milvus reads both, user.yaml last. */
export function companionConfig(fileName: string, readText: (filePath: string) => string | undefined): Partial<CheckInput> {
  const folder = path.posix.dirname(fileName);
  const base = path.posix.basename(fileName);
  if (base === 'milvus.yaml') {
    const userPath = path.posix.join(folder, 'user.yaml');
    const text = readText(userPath);
    return text === undefined ? {} : { userYamlText: text, userYamlFileName: userPath };
  }
  if (base === 'user.yaml') {
    const milvusPath = path.posix.join(folder, 'milvus.yaml');
    const text = readText(milvusPath);
    return text === undefined ? {} : { milvusYamlText: text, milvusYamlFileName: milvusPath };
  }
  return {};
}
