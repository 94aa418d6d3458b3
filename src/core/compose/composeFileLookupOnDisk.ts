/**
 * The file-system half of the compose model: finds the compose files of a config (candidates from
 * composeFileLookup.ts, stat'ed here) and reads one with the `.env` beside it, as `docker compose`
 * does for interpolation.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { composeFileCandidates } from './composeFileLookup';
import type { ComposeFile } from './composeFile';
import { parseComposeFile } from './composeFile';
import { parseDotEnv } from './dotEnv';
import type { ComposeVariables } from './interpolation';

export async function findComposeFilesOnDisk(configPath: string, rootDir: string): Promise<string[]> {
  const candidates = composeFileCandidates(configPath, rootDir);
  const found = await Promise.all(candidates.map(async (candidate) => {
    try {
      return (await stat(candidate)).isFile() ? candidate : undefined;
    } catch {
      return undefined;
    }
  }));
  return found.filter((candidate): candidate is string => candidate !== undefined);
}

export interface ReadComposeOptions {
  /**
   * Variables of the shell that would run `docker compose`; they win over `.env`. Default none:
   * the editor's own environment is not the user's deployment shell.
   */
  shellVariables?: ComposeVariables;
  /** Whether to read the `.env` beside the compose file (default true). */
  readDotEnv?: boolean;
}

/** Reads and parses a compose file, interpolating with `.env` (if present) and `shellVariables`. */
export async function readComposeFileFromDisk(fileName: string, options: ReadComposeOptions = {}): Promise<ComposeFile> {
  const text = await readFile(fileName, 'utf8');
  let dotEnv: Record<string, string> = {};
  if (options.readDotEnv ?? true) {
    try {
      dotEnv = parseDotEnv(await readFile(path.join(path.dirname(fileName), '.env'), 'utf8'));
    } catch {
      // No .env: every ${VAR:-default} takes its default.
    }
  }
  return parseComposeFile(text, fileName, { variables: { ...dotEnv, ...options.shellVariables } });
}
