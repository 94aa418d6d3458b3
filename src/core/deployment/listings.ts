/** The files in the host folders a deployment mounts, for path completion; read through the (contained) file system. */
import type { ResolveContext } from './context';
import type { Deployment } from './types';

const MAX_NAMES_PER_FOLDER = 500;

export async function listMountedFolders(
  deployment: Deployment,
  context: ResolveContext,
): Promise<{ hostPath: string; containerPath: string; names: string[] }[]> {
  const listings = await Promise.all(
    deployment.mounts.boundFolders().map(async (folder) => {
      const entries = await context.fs.readDirectory(folder.hostPath);
      if (!entries) return undefined;
      const names = entries
        .filter((entry) => entry.type === 'file' || entry.type === 'symlink')
        .map((entry) => entry.name)
        .slice(0, MAX_NAMES_PER_FOLDER);
      return { ...folder, names };
    }),
  );
  return listings.filter((listing): listing is { hostPath: string; containerPath: string; names: string[] } => listing !== undefined);
}
