/**
 * Diagnostics pushed with textDocument/publishDiagnostics, for clients that cannot pull them
 * (Neovim before 0.10, most non-VS Code editors): they never send textDocument/diagnostic, so
 * without this they would show nothing. Debounced per URI so that a burst of keystrokes costs one
 * analysis and one message, not one per character.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';

/** Long enough to coalesce typing, short next to the 200 ms yaml-language-server waits. */
export const PUSH_DELAY_MS = 100;

/** What to publish for a URI: undefined when the document is gone (closed meanwhile) or not ours. */
export type ComputeDiagnostics = (uri: string) => Promise<{ version: number; diagnostics: Diagnostic[] } | undefined>;

export class DiagnosticsPusher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Set by every schedule, removed by clear: a run whose epoch is no longer current is stale and dropped. */
  private readonly epochs = new Map<string, number>();
  private lastEpoch = 0;
  private disposed = false;

  constructor(
    private readonly compute: ComputeDiagnostics,
    private readonly send: (params: PublishDiagnosticsParams) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = PUSH_DELAY_MS,
  ) {}

  /** (Re)starts the URI's timer: only the last change of a burst is analysed. */
  schedule(uri: string): void {
    if (this.disposed) return;
    clearTimeout(this.timers.get(uri));
    const epoch = this.bump(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri, epoch);
      }, this.delayMs),
    );
  }

  scheduleAll(uris: Iterable<string>): void {
    for (const uri of uris) this.schedule(uri);
  }

  /** A closed document keeps no markers in the client: the protocol's way is an empty list. */
  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.epochs.delete(uri);
    if (!this.disposed) this.send({ uri, diagnostics: [] }).catch(this.onError);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.epochs.clear();
  }

  private bump(uri: string): number {
    // One counter for all URIs, so a document closed and reopened never reuses an old epoch.
    const epoch = ++this.lastEpoch;
    this.epochs.set(uri, epoch);
    return epoch;
  }

  private async publish(uri: string, epoch: number): Promise<void> {
    try {
      const result = await this.compute(uri);
      // Closed or re-scheduled while computing: the newer run (or clear) has the final word.
      if (!result || this.disposed || this.epochs.get(uri) !== epoch) return;
      await this.send({ uri, version: result.version, diagnostics: result.diagnostics });
    } catch (error) {
      this.onError(error);
    }
  }
}
