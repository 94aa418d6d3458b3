// Named points of a set write where a test can stop a real process: with MILVUS_TLS_PAUSE_AT=<point>
// the process announces itself on stderr and waits for one byte on stdin, until the test writes it
// (continue) or kills the process. This is how the crash, concurrency and interruption tests hit an
// exact moment without sleeps; a byte written early waits in the pipe, so there is no race. The wait
// keeps the event loop running, so a signal sent meanwhile reaches its handler before the write goes
// on (the interruption tests wait for that: interrupt.ts says so on stderr under this variable).
// Inert unless the variable names the point; never set by the extension, the CLI or a user.

export const PAUSE_ENV = 'MILVUS_TLS_PAUSE_AT';

export async function pausePoint(point: string): Promise<void> {
  if (process.env[PAUSE_ENV] !== point) return;
  // stderr to a pipe is synchronous on POSIX, so the line is out before the process waits.
  process.stderr.write(`milvus-tls: paused at ${point} (pid ${process.pid})\n`);
  await oneByteFromStdin();
}

/** Settles on the first data of stdin, or at once when it has none (closed, or an error). */
function oneByteFromStdin(): Promise<void> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const done = (): void => {
      stdin.off('data', done).off('end', done).off('error', done);
      // Paused and unreferenced: an open stdin must not keep the process alive once the write is done.
      stdin.pause();
      stdin.unref();
      resolve();
    };
    stdin.on('data', done).on('end', done).on('error', done);
    stdin.ref();
    stdin.resume();
  });
}
