// `--dir DIR` for the subcommands that act on a deployment (ping, snippet, enable, disable): the folder
// to look in (default: the current folder), resolved through the deployment model, with a line that
// says which deployment was used and why.
import path from 'node:path';
import type { Deployment, ResolveContext } from '../core/deployment';
import type { ConnectionPlan } from '../core/usecases';
import { planConnection, selectDeployment } from '../core/usecases';
import { UsageError } from './exitCodes';

export const DIR_HELP = '--dir DIR           the deployment folder (docker-compose.yml, milvus.yaml; default: the current folder)';

/** Generate Certificates' default folder: where the CLI and the editor look for ca.pem and client files last. */
export const DEFAULT_OUTPUT_FOLDER = 'tls';

export interface CliDeployment {
  root: string;
  deployment: Deployment | undefined;
  /** "using compose service "standalone" (docker-compose.yml): the only one here". */
  note: string;
}

export async function cliDeployment(dir: string | undefined, context: ResolveContext): Promise<CliDeployment> {
  const root = path.resolve(dir ?? '.');
  const info = await context.fs.stat(root);
  if (info?.type !== 'directory') throw new UsageError(`--dir ${dir ?? '.'}: not a folder`);
  const selection = await selectDeployment(root, context);
  return {
    root,
    deployment: selection.chosen,
    note: selection.chosen
      ? `using ${selection.chosen.label}: ${selection.reason}`
      : `no Milvus deployment in ${root}: ${selection.reason}`,
  };
}

export async function cliConnectionPlan(found: CliDeployment, context: ResolveContext): Promise<ConnectionPlan> {
  return planConnection(found.deployment, { root: found.root, outputFolder: DEFAULT_OUTPUT_FOLDER }, context);
}
