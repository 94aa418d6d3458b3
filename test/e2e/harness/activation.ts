// Activation time of an extension, read from logs that VS Code writes anyway: the extension host logs
// when it starts activating an extension, and our own log channel records "activated" at the end of
// activate(). The difference covers loading the bundle and running activate(), but also whatever else
// the host and the log service did in between (other extensions, a busy machine): VS Code's own figure
// (runningExtensions.ts) is the one to compare builds with.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Activation {
  readonly activationEvent: string;
  readonly startedAt: string;
  readonly activatedAt: string;
  readonly ms: number;
}

const STAMP = String.raw`(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})`;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

function toMs(stamp: string): number {
  return Date.parse(`${stamp.replace(' ', 'T')}Z`);
}

/** The extension's own Output channel as code-server writes it to disk ("" before it exists). */
export async function readExtensionLog(userDataDir: string, extensionId: string): Promise<string> {
  const files = await filesUnder(join(userDataDir, 'logs')).catch(() => []);
  const ownLog = files.find((f) => f.includes(extensionId) && f.endsWith('.log'));
  return ownLog ? readFile(ownLog, 'utf8') : '';
}

/** Reads the latest activation of `extensionId` (e.g. "milvus-tls.milvus-tls") from code-server's logs. */
export async function measureActivation(userDataDir: string, extensionId: string): Promise<Activation> {
  const files = await filesUnder(join(userDataDir, 'logs'));
  const hostLog = files.find((f) => /[/\\]exthost\d*[/\\]remoteexthost\.log$/.test(f));
  const ownLog = files.find((f) => f.includes(`${extensionId}`) && f.endsWith('.log'));
  if (!hostLog || !ownLog) throw new Error(`logs not found under ${userDataDir}/logs: ${files.join(', ')}`);

  const escaped = extensionId.replace(/\./g, '\\.');
  const start = new RegExp(`${STAMP} \\[info\\] ExtensionService#_doActivateExtension ${escaped}, .*activationEvent: '([^']*)'`).exec(
    await readFile(hostLog, 'utf8'),
  );
  const done = new RegExp(`${STAMP} \\[info\\] activated\\b`).exec(await readFile(ownLog, 'utf8'));
  if (!start?.[1] || !start[2] || !done?.[1]) throw new Error(`no activation of ${extensionId} in ${hostLog} / ${ownLog}`);
  return { activationEvent: start[2], startedAt: start[1], activatedAt: done[1], ms: toMs(done[1]) - toMs(start[1]) };
}
