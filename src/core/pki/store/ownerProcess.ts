// Who holds a lock, and whether that process still runs. A pid alone is not enough: after a reboot or
// a long time the number is reused, so on Linux the kernel's start time of the process is compared too.
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the owning process started (ISO 8601), for people reading the lock. */
  startedAt: string;
  /** /proc/<pid>/stat start time (clock ticks since boot) on Linux; undefined elsewhere. */
  processStart?: string;
  /** Unique per lock, so "is this still the lock I read?" has an exact answer. */
  nonce: string;
  /** The folder did not exist before this owner's write: recovery removes it if it stays empty. */
  createdDirectory?: boolean;
}

/** Field 22 of /proc/<pid>/stat, read after the command name (which may hold spaces and parentheses). */
async function linuxProcessStart(pid: number | 'self'): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

let ownProcessStart: Promise<string | undefined> | undefined;

export async function currentProcess(): Promise<Omit<LockOwner, 'nonce' | 'createdDirectory'>> {
  ownProcessStart ??= linuxProcessStart('self');
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    processStart: await ownProcessStart,
  };
}

/** Whether a process with this pid runs on this machine (whoever it belongs to). */
export function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * 'alive', 'dead', or 'unknown' for a process on another host (a shared network folder), which
 * cannot be asked and so is never taken over automatically.
 */
export async function ownerState(owner: LockOwner): Promise<'alive' | 'dead' | 'unknown'> {
  if (owner.hostname !== hostname()) return 'unknown';
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !pidRuns(owner.pid)) return 'dead';
  if (owner.processStart === undefined) return 'alive';
  const start = await linuxProcessStart(owner.pid);
  // The pid runs, but it is another process that got the same number.
  return start === undefined || start === owner.processStart ? 'alive' : 'dead';
}

export function describeOwner(owner: LockOwner): string {
  return `process ${owner.pid} on ${owner.hostname}, started ${owner.startedAt}`;
}
