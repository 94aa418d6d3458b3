// Typed errors, so the CLI and the VS Code command can tell the user's mistakes from failures.

/** The options cannot produce a valid set; `problems` lists every issue, each naming its field. */
export class InvalidOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid certificate options:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidOptionsError';
  }
}

/** The given CA cannot issue: not a CA, key does not match, expired, or unreadable. */
export class CertificateAuthorityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateAuthorityError';
  }
}

/** Writing would replace files and overwriting was not allowed; nothing was touched. */
export class FilesExistError extends Error {
  constructor(
    readonly directory: string,
    readonly existing: string[],
  ) {
    super(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''} in ${directory}`);
    this.name = 'FilesExistError';
  }
}

/** The certificate set could not be written (folder is a file, not writable, ...); nothing changed. */
export class WriteSetError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriteSetError';
  }
}

/**
 * The last check before a commit. A signal (SIGINT, SIGTERM) that has reached the process is handed
 * to its handler, which aborts, only when the event loop polls; a write whose last steps all finished
 * during one poll would otherwise commit past a Ctrl-C pressed before them. One turn of the loop
 * lets it in.
 */
export async function throwIfAbortedBeforeCommit(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return;
  await new Promise((resolve) => setImmediate(resolve));
  throwIfAborted(signal);
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new Error('certificate generation was cancelled');
  }
}

/** Another run holds the folder's lock and did not let go in time; nothing was written. */
export class SetLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: string,
    readonly lockFile: string,
  ) {
    super(
      `another Milvus TLS run (${holder}) is writing to ${directory}; wait for it to finish, ` +
        `or, if it is gone and cannot be checked from here, delete ${lockFile}`,
    );
    this.name = 'SetLockedError';
  }
}

/** A file the write depends on changed since it was read (another run replaced it); nothing was written. */
export class SetChangedError extends Error {
  constructor(
    readonly directory: string,
    readonly changed: string[],
  ) {
    super(
      `${changed.join(', ')} in ${directory} changed while the new files were being made (another run replaced ` +
        `${changed.length === 1 ? 'it' : 'them'}); nothing was written, run again`,
    );
    this.name = 'SetChangedError';
  }
}
