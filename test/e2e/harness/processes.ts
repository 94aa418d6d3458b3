// Memory of the processes behind the workbench, read from /proc (Linux): the extension host and the
// language server run as children in code-server's process group.
import { readFile, readdir } from 'node:fs/promises';

export interface ProcessInfo {
  readonly pid: number;
  readonly cmdline: string;
  /** Resident set size in MiB. */
  readonly rssMiB: number;
}

/** Every live process of process group `pgid`. */
export async function processesInGroup(pgid: number): Promise<ProcessInfo[]> {
  const result: ProcessInfo[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const status = await readFile(`/proc/${name}/status`, 'utf8');
      const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const cmdline = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      result.push({ pid: Number(name), cmdline, rssMiB: Math.round(rssKiB / 102.4) / 10 });
    } catch {
      // The process ended while being read.
    }
  }
  return result;
}

/** The extension host of a code-server process group, if it runs. */
export async function extensionHost(pgid: number): Promise<ProcessInfo | undefined> {
  return (await processesInGroup(pgid)).find((p) => /--type=extensionHost/.test(p.cmdline));
}

/** The Milvus TLS language server (dist/server.js of the installed extension), if it runs. */
export async function languageServer(pgid: number): Promise<ProcessInfo | undefined> {
  return (await processesInGroup(pgid)).find((p) => /milvus-tls[^ ]*[/\\]dist[/\\]server\.js/.test(p.cmdline));
}
