// Looking for what must not be shown: the details of a file the extension may not read (its CommonName,
// its fingerprints) anywhere in the workbench's page or in the logs VS Code writes (Output channels).
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Named strings to look for, e.g. { CommonName: 'outside-…', 'SHA-256': '3f2a…' }. */
export type Needles = Readonly<Record<string, string>>;

/**
 * What identifies a certificate and its key: the CommonName, and the first 16 hex digits of the
 * certificate's SHA-256 fingerprint and of the key's public-key (SPKI) SHA-256, which every shown form
 * of a fingerprint contains (colons and case aside).
 */
export function certificateNeedles(certPem: string, keyPem: string): Needles {
  const certificate = new X509Certificate(certPem);
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  if (commonName === undefined) throw new Error(`no CommonName in ${certificate.subject}`);
  const spki = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
  return {
    CommonName: commonName,
    'certificate SHA-256': certificate.fingerprint256.replace(/:/g, '').toLowerCase().slice(0, 16),
    'public key SHA-256': createHash('sha256').update(spki).digest('hex').slice(0, 16),
  };
}

/** The names of the needles found in `text` (hex ones also across colons, spaces and case). */
export function findNeedles(text: string, needles: Needles): string[] {
  const lower = text.toLowerCase();
  const hexOnly = lower.replace(/[\s:]/g, '');
  return Object.entries(needles)
    .filter(([, needle]) => lower.includes(needle.toLowerCase()) || (/^[0-9a-f]+$/.test(needle) && hexOnly.includes(needle)))
    .map(([name]) => name);
}

/**
 * Everything the page holds as text now: the rendered text, the text of hidden elements (closed hovers,
 * the notification center), and every aria-label and title (tooltips, tree rows, status bar items).
 */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => [
    document.body.innerText,
    document.body.textContent,
    ...Array.from(document.querySelectorAll('[aria-label], [title]'))
      .flatMap((node) => [node.getAttribute('aria-label') ?? '', node.getAttribute('title') ?? '']),
  ].join('\\n'))()`);
}

/** The text of every log VS Code wrote under `<userDataDir>/logs`: the Output channels are kept there. */
export async function logsText(userDataDir: string): Promise<string> {
  const texts: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) texts.push(await readFile(path, 'utf8'));
    }
  };
  await walk(join(userDataDir, 'logs'));
  return texts.join('\n');
}
