/**
 * A config file the deployment does not load: the compose service mounts no milvus.yaml (the
 * shipped compose files mount none), or mounts another one. Milvus then runs with the image's own
 * file, and nothing written here takes effect; the other rules check what it would do once mounted.
 */
import path from 'node:path';
import { CONTAINER_PATH_OF_SLOT } from '../deployment';
import type { RuleContext } from './context';
import type { RuleFinding } from './types';

export function mountingRules(ctx: RuleContext): RuleFinding[] {
  const compose = ctx.deployment.compose;
  const document = ctx.document.hostPath;
  if (ctx.deployment.hypothetical === undefined || !compose || document === undefined) return [];
  const end = ctx.text.indexOf('\n');
  const target = CONTAINER_PATH_OF_SLOT[ctx.slot];
  const composeFile = compose.project.compose.fileName;
  const relative = path.relative(compose.project.dir, document).split(path.sep).join('/');
  const finding: RuleFinding = {
    code: 'config-not-mounted',
    severity: 'hint',
    message:
      `The compose service "${compose.service.name}" does not mount this file at ${target}, so Milvus does not read it` +
      ` (it uses ${ctx.slot === 'milvus.yaml' ? "the image's own milvus.yaml" : 'no user.yaml'}). The checks here show what it would do once mounted:` +
      ` add - ./${relative}:${target} to the service's volumes.`,
    range: { start: 0, end: end < 0 ? ctx.text.length : end },
  };
  if (composeFile !== undefined && !relative.startsWith('..')) {
    finding.data = {
      fix: 'add-volume',
      composeFile,
      service: compose.service.name,
      hostPath: `./${relative}`,
      containerPath: target,
      readOnly: false,
    };
  }
  return [finding];
}
