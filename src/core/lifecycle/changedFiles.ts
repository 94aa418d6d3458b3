// The seam for deployments that keep copies of the certificate files elsewhere. Every lifecycle use
// case (renew, rotate start/reissue/finish/undo) calls `afterChange` once its files are committed,
// with the list of files it changed, so a deployment adapter can update its own copies.
// (A Secret manifest beside the set is not rewritten here but inside the change itself, all or
// nothing with the files it copies: secretManifests.ts.)

export interface ChangedFiles {
  /** "renew", "rotate-start", "rotate-reissue", "rotate-finish", "rotate-undo". */
  operation: string;
  directory: string;
  /** Absolute paths written (created or replaced). */
  written: string[];
  /** Absolute paths removed. */
  removed: string[];
  /** Where the previous files were kept. */
  backupFolder: string | undefined;
}

export type AfterChange = (changed: ChangedFiles) => Promise<void>;
