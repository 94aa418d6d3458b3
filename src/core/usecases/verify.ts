/**
 * A resolve context that sees planned edits as if written: the writing use cases check the result
 * with the same deployment model that will read it (what Milvus runs with after the change) before
 * anything touches the disk.
 */
import type { ResolveContext } from '../deployment';
import { LoadedFileCache, ParseCache } from '../deployment';
import { overlayFileSystem } from '../workspace';

export function verifiedContext(context: ResolveContext, planned: readonly { path: string; text: string }[]): ResolveContext {
  const byPath = new Map(planned.map((file) => [context.fs.path.resolve(file.path), file.text]));
  const fs = overlayFileSystem(context.fs, (filePath) => {
    const text = byPath.get(context.fs.path.resolve(filePath));
    return text === undefined ? undefined : { text, version: 0 };
  });
  // The same machine and shell as the plan: COMPOSE_FILE or the home folder may decide which files are read.
  return { ...context, fs, cache: new LoadedFileCache(), parsed: new ParseCache() };
}
