/**
 * What Milvus will find in each file it loads: missing files, keys where certificates belong (and
 * the reverse), unreadable PEM, encrypted keys (Go's LoadX509KeyPair cannot decrypt), and every
 * finding of the inspection engine for the role the key gives the certificate. Reported on the key
 * that references the file.
 */
import path from 'node:path';
import type { CertificateInfo, Finding, PrivateKeyInfo } from '../inspect';
import { lintCertificate } from '../inspect';
import type { MountInfo } from '../deployment';
import { serviceEditTarget } from '../deployment';
import type { RuleContext } from './context';
import { anchorFor, entryInDocument, originNote } from './context';
import type { PathReference } from './pathReferences';
import { displayHostPath } from './pathReferences';
import type { RuleFinding, RuleSeverity } from './types';

export function referenceRange(ctx: RuleContext, reference: PathReference): RuleFinding['range'] {
  const entry = entryInDocument(ctx, reference.slot.key);
  if (entry && entry.valueRange.start !== entry.valueRange.end) return entry.valueRange;
  return anchorFor(ctx, [reference.slot.key, reference.slot.key.split('.').slice(0, -1).join('.')]);
}

export function severityOf(severity: Finding['severity']): RuleSeverity {
  return severity === 'info' ? 'information' : severity;
}

export function fileContentRules(ctx: RuleContext, references: readonly PathReference[]): RuleFinding[] {
  return references.flatMap((reference) => checkReference(ctx, reference));
}

function notCheckable(ctx: RuleContext, reference: PathReference, range: RuleFinding['range'], where: string): RuleFinding[] | undefined {
  const key = reference.slot.key;
  const location = reference.location;
  const at = `${key} is ${reference.containerPath} in the container${where}`;
  switch (location.kind) {
    case 'unmapped': {
      const finding: RuleFinding = {
        code: 'path-not-mapped',
        severity: 'hint',
        message: `${at}; ${location.reason}, so it cannot be checked here.`,
        range,
      };
      const folder = path.posix.dirname(reference.containerPath);
      const compose = ctx.deployment.compose;
      if (compose && folder !== '/') {
        // Into the file that already lists the service's volumes (the override, when the user keeps mounts there).
        const composeFile = serviceEditTarget(compose.project, compose.service, 'volumes').file;
        finding.data = {
          fix: 'add-volume',
          composeFile,
          service: compose.service.name,
          hostPath: `./${path.posix.basename(folder)}`,
          containerPath: folder,
        };
      }
      return [finding];
    }
    case 'opaque':
      return [
        {
          code: 'path-not-mapped',
          severity: 'hint',
          message: `${at}: ${location.reason}${mountOrigin(location.mount)}, so it cannot be checked here.`,
          range,
        },
      ];
    case 'foreign-host':
      return [{ code: 'path-not-mapped', severity: 'hint', message: `${at}: ${location.reason}${mountOrigin(location.mount)}.`, range }];
    case 'outside-workspace':
      return [
        {
          code: 'path-outside-workspace',
          severity: 'hint',
          message: `${at}, which is ${location.hostPath}${mountOrigin(location.mount)}, outside the workspace folders: not read here (an untrusted workspace, or the CLI without --allow-outside).`,
          range,
        },
      ];
    case 'image':
    case 'placeholder':
      return [];
    case 'host':
    case 'manifest':
      return undefined;
  }
}

/** ` (docker-compose.override.yml:4)`: the mount that leads there, so the user knows which file to look at. */
function mountOrigin(mount: MountInfo | undefined): string {
  return mount ? ` (${mount.from.text})` : '';
}

function locationLabel(reference: PathReference): string {
  const location = reference.location;
  return location.kind === 'manifest' ? location.label : (reference.hostPath ?? reference.containerPath);
}

function checkReference(ctx: RuleContext, reference: PathReference): RuleFinding[] {
  const range = referenceRange(ctx, reference);
  const key = reference.slot.key;
  const where = originNote(ctx, reference.effective);
  const skipped = notCheckable(ctx, reference, range, where);
  if (skipped) return skipped;
  const file = reference.file;
  const location = reference.location;
  const shown = location.kind === 'host' ? displayHostPath(ctx, location.hostPath) : locationLabel(reference);
  const prefix = `${key} → ${shown}`;
  if (!file || !file.stat) {
    const mount = location.kind === 'host' || location.kind === 'manifest' ? location.mount : undefined;
    const via = mount ? ` through ${mount.raw} (${mount.from.text})` : '';
    return [
      {
        code: 'file-not-found',
        severity: 'error',
        message: `${key} is ${reference.containerPath}${where}, which maps to ${shown}${via}; that file does not exist, so Milvus fails with "open ${reference.containerPath}: no such file or directory". Generate it or fix the path.`,
        range,
        data: {
          fix: 'generate-certificates',
          containerPath: reference.containerPath,
          ...(reference.hostPath !== undefined ? { hostPath: reference.hostPath } : {}),
        },
      },
    ];
  }
  if (file.error || !file.read) {
    return [{ code: 'file-unreadable', severity: 'error', message: `${prefix}: ${file.error?.message ?? 'cannot be read'}.`, range }];
  }
  const findings: RuleFinding[] = file.read.errors.map((error) => ({
    code: error.code,
    severity: severityOf(error.severity),
    message: `${prefix}: ${error.message}`,
    range,
  }));
  const certificates = file.read.objects.filter((object): object is CertificateInfo => object.kind === 'certificate');
  const keys = file.read.objects.filter((object): object is PrivateKeyInfo => object.kind === 'private-key');
  const name = path.posix.basename(locationLabel(reference).split('\\').join('/'));
  if (reference.slot.expect === 'key') {
    if (keys.length === 0) {
      findings.push({
        code: 'expected-private-key',
        severity: 'error',
        message: `${prefix} holds ${certificates.length > 0 ? 'a certificate' : 'no private key'}, but ${key} needs the private key: Milvus fails with "tls: failed to find any PEM data in key input". Point it at the .key file.`,
        range,
      });
    }
    for (const privateKey of keys.filter((candidate) => candidate.encrypted)) {
      findings.push({
        code: 'key-encrypted',
        severity: 'error',
        message: `${prefix} is an encrypted private key: Milvus (Go's tls.LoadX509KeyPair) cannot decrypt it and fails to start. Write a decrypted copy: openssl pkey -in ${name} -out ${name}.plain (line ${(privateKey.range?.startLine ?? 0) + 1}).`,
        range,
      });
    }
    return findings;
  }
  if (certificates.length === 0) {
    findings.push({
      code: 'expected-certificate',
      severity: 'error',
      message: `${prefix} holds ${keys.length > 0 ? 'a private key' : 'no certificate'}, but ${key} needs a certificate: Milvus fails with "tls: failed to find any PEM data in certificate input". Point it at the .pem/.crt file.`,
      range,
    });
    return findings;
  }
  if (keys.length > 0) {
    findings.push({
      code: 'private-key-in-certificate-file',
      severity: 'warning',
      message: `${prefix} also holds a private key: anyone who gets this certificate file (clients need it) gets the key. Keep the key in its own file.`,
      range,
    });
  }
  const toLint = reference.slot.expect === 'ca' ? certificates : certificates.slice(0, 1);
  for (const certificate of toLint) {
    const lint = lintCertificate(certificate, {
      expectedRole: reference.slot.expect === 'ca' ? 'ca' : (reference.slot.role ?? 'server'),
      now: ctx.now,
      warnDays: ctx.warnDays,
      isRoot: certificate.selfSigned,
    });
    const who = certificates.length > 1 ? ` (${certificate.commonName ?? certificate.subject})` : '';
    findings.push(
      ...lint.map((finding) => ({
        code: finding.code,
        severity: severityOf(finding.severity),
        message: `${prefix}${who}: ${finding.message}`,
        range,
      })),
    );
  }
  return findings;
}
