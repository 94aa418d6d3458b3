/**
 * Facts about the machine the extension runs on that change how host paths read: the home folder
 * (`~` in a compose file is the home of whoever runs docker compose, which is this user) and whether
 * host paths compare case-insensitively (Windows, and macOS's default APFS volumes). Tests pass their
 * own, so both path flavours run on one machine.
 */
import os from 'node:os';
import path from 'node:path';
import type { PathApi } from './fileSystem';

export interface HostMachine {
  /** Undefined when it cannot be told (no HOME): `~` paths are then not checkable. */
  homeDir: string | undefined;
  caseInsensitivePaths: boolean;
}

/** This machine, for host paths of the given flavour (node's own by default). */
export function localMachine(pathApi: PathApi = path): HostMachine {
  const onWindows = pathApi.sep === '\\';
  // A win32 flavour on another OS is a test: its home is not this machine's.
  const native = onWindows === (process.platform === 'win32');
  let homeDir: string | undefined;
  try {
    homeDir = native ? os.homedir() || undefined : undefined;
  } catch {
    homeDir = undefined;
  }
  return { homeDir, caseInsensitivePaths: onWindows || process.platform === 'darwin' };
}
