/**
 * Which files a writing use case may edit: inside the project (after resolving symbolic links) unless
 * the user named the file, and never a symbolic link, so a repository cannot point Enable TLS at a
 * file elsewhere (`- ../outside/app.yaml:/milvus/configs/milvus.yaml`) or plant a link to one.
 */
import type { ResolveContext } from '../deployment';
import { isInsideFolder } from '../workspace';

export class UnsafeTargetError extends Error {
  override readonly name = 'UnsafeTargetError';
}

export async function checkWritableTarget(filePath: string, root: string, explicit: boolean, context: ResolveContext): Promise<void> {
  const pathApi = context.fs.path;
  const absolute = pathApi.resolve(filePath);
  const parent = (await context.fs.realpath(pathApi.dirname(absolute))) ?? pathApi.dirname(absolute);
  const located = pathApi.join(parent, pathApi.basename(absolute));
  const real = await context.fs.realpath(absolute);
  // The folders above may be links (a home on another volume); the file itself must not be.
  if (real !== undefined && real !== located) {
    throw new UnsafeTargetError(`${filePath} is a symbolic link to ${real}: Milvus TLS does not write through links. Edit ${real} itself.`);
  }
  if (explicit) return;
  const realRoot = (await context.fs.realpath(root)) ?? pathApi.resolve(root);
  if (!isInsideFolder(pathApi, located, realRoot)) {
    throw new UnsafeTargetError(`${filePath} is outside the project folder ${root}: Milvus TLS edits it only when you name it (--config).`);
  }
}
