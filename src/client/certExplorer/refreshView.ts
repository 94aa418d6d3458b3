// After a command wrote certificates itself, the Certificates view reads them at once instead of
// waiting for the file watcher. Not awaited by the command: the message the user reads next must not
// wait for the view, and a view that could not re-read says so in the Output channel.
import type * as vscode from 'vscode';

export function refreshView(
  reread: (paths: readonly string[]) => Promise<void>,
  written: readonly string[],
  log: vscode.LogOutputChannel,
  what: string,
): void {
  const started = Date.now();
  reread(written).then(
    () => log.info(`${what}: the Certificates view re-read ${written.length} files in ${Date.now() - started} ms`),
    (error: unknown) =>
      log.error(
        `${what}: the Certificates view could not re-read the new files: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
}
