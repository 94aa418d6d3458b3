// Named points of a set write where a test can stop a real process: with MILVUS_TLS_PAUSE_AT=<point>
// the process announces itself on stderr and blocks reading one byte from stdin, until the test
// writes it (continue) or kills the process (SIGKILL). This is how the crash and concurrency tests
// hit an exact moment without sleeps; a byte written early waits in the pipe, so there is no race.
// Inert unless the variable names the point; never set by the extension, the CLI or a user.
import { readSync } from 'node:fs';

export const PAUSE_ENV = 'MILVUS_TLS_PAUSE_AT';

export function pausePoint(point: string): void {
  if (process.env[PAUSE_ENV] !== point) return;
  // stderr to a pipe is synchronous on POSIX, so the line is out before the process blocks.
  process.stderr.write(`milvus-tls: paused at ${point} (pid ${process.pid})\n`);
  try {
    readSync(0, Buffer.alloc(1), 0, 1, null);
  } catch {
    // No readable stdin: nothing to wait for.
  }
}
