import * as vscode from 'vscode';
import type { CommandId } from '../shared/protocol';
import type { ExtensionContextHolder } from './context';

/** A command handler built from the shared extension context. */
export type CommandFactory = (ctx: ExtensionContextHolder) => (...args: unknown[]) => unknown;

/**
 * A command whose code is loaded on its first run, from a bundle of its own (`await import()`, see
 * .ci/lazyBundles.mjs): activation registers the command without loading what it needs.
 */
export function onFirstUse(load: () => Promise<CommandFactory>): CommandFactory {
  return (ctx) => {
    let handler: Promise<(...args: unknown[]) => unknown> | undefined;
    return async (...args: unknown[]) => {
      // One handler per command, built once; a failed load is not kept, so the next run tries again.
      handler ??= load().then(
        (factory) => factory(ctx),
        (error: unknown) => {
          handler = undefined;
          throw error;
        },
      );
      return (await handler)(...args);
    };
  };
}

/**
 * Registers every command from one table, each wrapped so that a failure is logged and shown
 * instead of vanishing into the extension host's console.
 */
export function registerCommands<Id extends CommandId>(ctx: ExtensionContextHolder, table: Record<Id, CommandFactory>): void {
  for (const [id, factory] of Object.entries(table) as [Id, CommandFactory][]) {
    const handler = factory(ctx);
    ctx.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.log.error(`${id} failed: ${message}`);
          void vscode.window.showErrorMessage(`Milvus TLS: ${message}`, 'Show Output').then((choice) => {
            if (choice) ctx.log.show(true);
          });
          return undefined;
        }
      }),
    );
  }
}
