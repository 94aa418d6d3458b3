// The certificate sets of an inspected workspace: folders that hold ca.pem and its key ca.key, the
// folders a CA rotation works on (file names are fixed, see setFiles.ts).
import { basename, dirname } from 'node:path';
import type { WorkspaceInspection } from '../inspect/types';
import { CA_CERTIFICATE, CA_KEY } from './setFiles';

export function setFolders(inspection: WorkspaceInspection): string[] {
  const withCa = new Set(
    inspection.certificates.filter((cert) => basename(cert.file) === CA_CERTIFICATE).map((cert) => dirname(cert.file)),
  );
  const withKey = new Set(inspection.keys.filter((key) => basename(key.file) === CA_KEY).map((key) => dirname(key.file)));
  return [...withCa].filter((folder) => withKey.has(folder)).sort();
}
