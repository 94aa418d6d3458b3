// Copies the test PKI's client-side files into a folder whose name needs quoting in every
// language, so the executed snippets prove their quoting as well as their options.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerTlsFiles } from '../../helpers/servers/milvusServerCredentials';
import type { TestPki } from '../../helpers/testPki';

export interface ClientFiles {
  dir: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

export async function awkwardClientFiles(pki: TestPki): Promise<ClientFiles> {
  const dir = join(pki.dir, `it's a "dir" $HOME \\ x`);
  await mkdir(dir, { recursive: true });
  const files = { dir, caPath: join(dir, 'ca.pem'), certPath: join(dir, 'client.pem'), keyPath: join(dir, 'client.key') };
  await copyFile(pki.ca.certPath, files.caPath);
  await copyFile(pki.client.certPath, files.certPath);
  await copyFile(pki.client.keyPath, files.keyPath);
  return files;
}

/** The server side as Milvus would be configured: server.pem/server.key, and ca.pem as tls.caPemPath. */
export function milvusServerFiles(pki: TestPki): ServerTlsFiles {
  return { certPem: pki.server.certPem, keyPem: pki.server.keyPem, caPem: pki.ca.certPem };
}
