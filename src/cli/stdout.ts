// Printing a command's result with one write to file descriptor 1. The first console.log builds
// process.stdout (the stream and the tty/net modules behind it): ~3 ms of a ~60 ms start, for
// `milvus-tls --version` and the few lines `milvus-tls generate` prints before it exits.
import { writeSync } from 'node:fs';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Prints `lines`, each ended by a newline, as console.log would. */
export function printLines(...lines: string[]): void {
  const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  let written = 0;
  try {
    // A blocking descriptor takes it all at once; the loop is for a write cut short by a signal.
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    // The reader went away (`| head`): nothing more to print to, and the command's work is done.
    if (errorCode(error) === 'EPIPE') return;
    // A non-blocking pipe that is full: the stream waits for it to drain, as console.log does.
    if (errorCode(error) !== 'EAGAIN') throw error;
    process.stdout.write(bytes.subarray(written));
  }
}
