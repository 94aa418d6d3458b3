/**
 * Keys overridden by the compose service's environment (COMMON_SECURITY_TLSMODE=2, …): the value
 * written here is not what Milvus runs with, and the other rules check the effective one. Only the
 * TLS-related keys: the docs' compose file sets ETCD_ENDPOINTS and MINIO_ADDRESS, and saying so on
 * every shipped milvus.yaml would be noise.
 */
import { describeOrigin, tlsKeyInfoOfNormalised } from '../config';
import type { RuleContext } from './context';
import { documentAnchor, isFromDocument } from './context';
import type { RuleFinding } from './types';

export function environmentRules(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  // Milvus 2.3 reads only milvus.yaml: a mounted user.yaml changes nothing there.
  const ignored = ctx.effective.ignoredFiles.find((file) => file.fileName === ctx.config.fileName);
  if (ignored) {
    findings.push({
      code: 'file-ignored-by-version',
      severity: 'warning',
      message: `${ignored.reason}: nothing in this file takes effect.`,
      range: documentAnchor(ctx),
    });
  }
  for (const entry of ctx.config.entries.values()) {
    // Only TLS keys are reported: asked first, it spares the lookups for the other ~1,500 entries.
    // entry.key is already normalised (ConfigEntry), as the effective values are keyed.
    if (!tlsKeyInfoOfNormalised(entry.key)) continue;
    const effective = ctx.effective.values.get(entry.key);
    if (!effective || isFromDocument(ctx, effective)) continue;
    if (effective.origin.kind === 'environment') {
      findings.push({
        code: 'overridden-by-environment',
        severity: 'information',
        message: `Milvus uses ${effective.value === '' ? 'an empty value' : `"${effective.value}"`} from the ${describeOrigin(effective.origin)}, not "${entry.value}" written here.`,
        range: entry.keyRange,
      });
    } else if (ctx.slot === 'milvus.yaml' && effective.origin.source !== ctx.config.source) {
      findings.push({
        code: 'overridden-by-user-yaml',
        severity: 'information',
        message: `Milvus uses "${effective.value}" from ${describeOrigin(effective.origin)}, which overrides this file.`,
        range: entry.keyRange,
      });
    }
  }
  return findings;
}
