/**
 * Disable TLS, once for every front: tlsMode 0 in every config file of the deployment that sets it
 * (a user.yaml that says 2 would otherwise win over a milvus.yaml set to 0), nothing else, and a
 * warning when the compose environment still turns it on. Paths and mounts stay for the next Enable.
 */
import type { Deployment, ResolveContext } from '../deployment';
import { deploymentForConfigFile } from '../deployment';
import { planDisableTls } from '../edit';
import { readText } from '../workspace';
import type { FileChange } from './fileChanges';
import { hasChanges, resultText } from './fileChanges';
import { projectLabel } from './projectPaths';
import { checkWritableTarget } from './targetFiles';
import { verifiedContext } from './verify';
import { planKubernetesDisableTlsChanges } from './kubernetesTls';

export interface DisableTlsRequest {
  root: string;
  deployment: Deployment | undefined;
  /** Named by the user: only this file is edited. */
  configPath?: string;
}

export interface DisableTlsOutcome {
  changes: FileChange[];
  summary: string[];
}

export class NoConfigError extends Error {
  override readonly name = 'NoConfigError';
}

function configFilesOf(deployment: Deployment | undefined): string[] {
  return (deployment?.configFiles ?? [])
    .filter((file) => file.source === 'host' && file.hostPath !== undefined && file.ignoredBecause === undefined)
    .map((file) => file.hostPath as string);
}

export async function planDisableTlsChanges(request: DisableTlsRequest, context: ResolveContext): Promise<DisableTlsOutcome> {
  if (request.deployment?.kind === 'kubernetes') {
    return planKubernetesDisableTlsChanges(
      { root: request.root, deployment: request.deployment, explicit: request.configPath !== undefined },
      context,
    );
  }
  const pathApi = context.fs.path;
  const targets = request.configPath !== undefined ? [pathApi.resolve(request.configPath)] : configFilesOf(request.deployment);
  if (targets.length === 0 && !request.deployment) {
    throw new NoConfigError('no Milvus config or compose file here: Milvus runs with tlsMode 0 unless the environment sets it');
  }
  const changes: FileChange[] = [];
  const summary: string[] = [];
  for (const target of targets) {
    const text = (await readText(context.fs, target)).text;
    if (text === undefined) throw new NoConfigError(`${projectLabel(pathApi, request.root, target)}: no such file`);
    const label = projectLabel(pathApi, request.root, target);
    const plan = planDisableTls({ milvusYamlText: text, milvusYamlLabel: label });
    const change: FileChange = { path: target, label, before: text, edits: plan.milvusYaml };
    if (!hasChanges(change)) continue;
    await checkWritableTarget(target, request.root, request.configPath !== undefined, context);
    changes.push(change);
    summary.push(...plan.summary);
  }
  const anchor = targets[targets.length - 1];
  const after =
    anchor !== undefined
      ? await deploymentForConfigFile(
          anchor,
          [request.root],
          verifiedContext(
            context,
            changes.map((change) => ({ path: change.path, text: resultText(change) })),
          ),
        )
      : request.deployment;
  if (after) {
    if (after.tlsMode.mode !== 0) {
      const from = after.provenanceOf('common.security.tlsMode');
      summary.push(`warning: Milvus still runs with tlsMode ${after.tlsMode.mode}${from ? `, set by ${from.text}` : ''}: change it there`);
    }
  }
  return { changes, summary };
}
