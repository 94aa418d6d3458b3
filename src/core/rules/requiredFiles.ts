/**
 * The files each feature needs. tlsMode 1 loads tls.serverPemPath and serverKeyPath; 2 also
 * tls.caPemPath (client verification). internaltlsEnabled loads the internaltls trio; etcd.ssl
 * always loads a client key pair and the CA (etcd_util.go). An empty path makes Go fail on open.
 * Also: caPemPath under mode 1 is never read, and the image's bundled test certificates, whose CA
 * key is public, must not secure anything real.
 */
import { readString } from '../config';
import type { RuleContext } from './context';
import { anchorFor, entryInDocument, originNote } from './context';
import type { PathSlot } from '../config';
import { activeSlots, resolvePathReference } from './pathReferences';
import type { RuleFinding } from './types';

const GROUP_REASON: Record<string, string> = {
  tls: 'With tlsMode',
  internaltls: 'With common.security.internaltlsEnabled: true',
  etcd: 'With etcd.ssl.enabled: true',
};

/** Where the generated set lands in the docs' compose recipe (`./tls:/milvus/tls`). */
const SUGGESTED_FILE: Record<string, string> = {
  'tls.serverPemPath': '/milvus/tls/server.pem',
  'tls.serverKeyPath': '/milvus/tls/server.key',
  'tls.caPemPath': '/milvus/tls/ca.pem',
  'internaltls.serverPemPath': '/milvus/tls/server.pem',
  'internaltls.serverKeyPath': '/milvus/tls/server.key',
  'internaltls.caPemPath': '/milvus/tls/ca.pem',
  'etcd.ssl.tlsCert': '/milvus/tls/etcd-client.pem',
  'etcd.ssl.tlsKey': '/milvus/tls/etcd-client.key',
  'etcd.ssl.tlsCACert': '/milvus/tls/etcd-ca.pem',
};

export function requiredFileRules(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const slot of activeSlots(ctx)) {
    if (!slot.required) continue;
    const value = readString(ctx.effective, slot.key).value.trim();
    if (value !== '') continue;
    findings.push(missingKey(ctx, slot));
  }
  findings.push(...caIgnoredRule(ctx), ...bundledRules(ctx));
  return findings;
}

/** The suggested container path and, when a mount covers it, the workspace file behind it: where Generate should write. */
function generateTarget(ctx: RuleContext, containerPath: string): { containerPath: string; hostPath?: string } {
  const location = ctx.deployment.mounts.locate(containerPath);
  return location?.kind === 'host' ? { containerPath, hostPath: location.hostPath } : { containerPath };
}

function missingKey(ctx: RuleContext, slot: PathSlot): RuleFinding {
  const reason = slot.group === 'tls' ? `${GROUP_REASON.tls} ${ctx.tlsMode.mode}` : (GROUP_REASON[slot.group] ?? '');
  const what = slot.expect === 'key' ? 'private key' : slot.expect === 'ca' ? 'CA certificate' : 'certificate';
  const consequence =
    slot.group === 'etcd'
      ? 'Milvus cannot connect to etcd ("load etcd cert key pair error")'
      : 'Milvus fails to start ("open : no such file or directory")';
  const block = slot.key.split('.').slice(0, -1).join('.');
  return {
    code: 'required-path-missing',
    severity: 'error',
    message: `${reason}, Milvus loads ${slot.key} (the ${what}), which is not set: ${consequence}. Set it to the file's path in the container.`,
    range: entryInDocument(ctx, slot.key)?.keyRange ?? anchorFor(ctx, [block, 'common.security.tlsMode']),
    data: {
      fix: 'add-key',
      key: slot.key,
      value: SUGGESTED_FILE[slot.key] ?? '',
      generate: true,
      target: generateTarget(ctx, SUGGESTED_FILE[slot.key] ?? '/milvus/tls/server.pem'),
    },
  };
}

function caIgnoredRule(ctx: RuleContext): RuleFinding[] {
  if (ctx.tlsMode.mode !== 1) return [];
  const entry = entryInDocument(ctx, 'tls.caPemPath');
  if (!entry || entry.value.trim() === '') return [];
  return [
    {
      code: 'ca-ignored-in-mode-1',
      severity: 'hint',
      message:
        'tls.caPemPath is read only with tlsMode 2 (to verify client certificates); with tlsMode 1 Milvus ignores it. Clients still need this CA to verify the server.',
      range: entry.keyRange,
      unnecessary: true,
    },
  ];
}

function bundledRules(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const slot of activeSlots(ctx)) {
    if (slot.group !== 'tls' && slot.group !== 'internaltls') continue;
    const reference = resolvePathReference(ctx, slot);
    if (reference?.location.kind !== 'image') continue;
    const entry = entryInDocument(ctx, slot.key);
    const range = entry && entry.valueRange.start !== entry.valueRange.end ? entry.valueRange : anchorFor(ctx, [slot.key, slot.group]);
    findings.push({
      code: 'bundled-test-certificate',
      severity: 'warning',
      message: `${slot.key} is ${reference.containerPath}${originNote(ctx, reference.effective)}, one of the Milvus image's test certificates (CN localhost, expires 2032-04-28). Their CA private key is public, so ${slot.expect === 'ca' ? 'anyone can issue a client certificate this Milvus accepts' : 'anyone can impersonate this server'}. Generate your own set, ${ctx.deployment.kind === 'kubernetes' ? 'put it in a Secret, mount that' : 'mount it (e.g. ./tls:/milvus/tls)'} and point ${slot.key} at it.`,
      range,
      data: { fix: 'generate-certificates', ...generateTarget(ctx, SUGGESTED_FILE[slot.key] ?? reference.containerPath) },
    });
  }
  return findings;
}
