/**
 * Completion candidates: child keys of tls, internaltls and common.security (and the other TLS
 * blocks), allowed values with their meaning, and file paths for path keys (container paths under
 * the service's volumes, from the workspace files behind them).
 */
import path from 'node:path';
import { KNOWN_CHILD_KEYS, normaliseKey, normaliseKeyPath, tlsKeyInfo } from '../config';
import type { RuleContext } from './context';
import { lineContext } from './lookup';

export interface CompletionCandidate {
  label: string;
  kind: 'key' | 'value' | 'file';
  detail?: string;
  documentation?: string;
  /** Text inserted (the label when absent). */
  insertText?: string;
  /** Range replaced: the word being typed. */
  range: { start: number; end: number };
}

/** Host folders mounted into the container and the file names they hold (listed by the caller, through the workspace file system). */
export type MountedFolderListing = readonly { hostPath: string; containerPath: string; names: readonly string[] }[];

export function completionCandidates(ctx: RuleContext, offset: number, listings?: MountedFolderListing): CompletionCandidate[] {
  const line = lineContext(ctx.text, offset);
  const range = { start: offset - line.prefix.length, end: offset };
  if (line.valueOfKey !== undefined) {
    const key = [...line.parents, line.valueOfKey].join('.');
    const info = tlsKeyInfo(key);
    if (!info) return [];
    if (info.type === 'path') return pathCandidates(line.prefix, range, listings);
    return (info.allowedValues ?? []).map((allowed) => ({ label: allowed.value, kind: 'value' as const, detail: allowed.meaning, range }));
  }
  const blockKey = normaliseKeyPath(line.parents);
  const children = Object.entries(KNOWN_CHILD_KEYS).find(([block]) => normaliseKey(block) === blockKey)?.[1];
  if (!children) return [];
  return children.map((child) => {
    const info = tlsKeyInfo(`${line.parents.join('.')}.${child}`);
    const candidate: CompletionCandidate = { label: child, kind: 'key', insertText: `${child}: `, range };
    if (info) {
      candidate.detail = `${info.type}${info.codeDefault !== undefined && info.codeDefault !== '' ? `, default ${info.codeDefault}` : ''}`;
      candidate.documentation = info.description;
    }
    return candidate;
  });
}

function pathCandidates(
  prefix: string,
  range: CompletionCandidate['range'],
  listings: MountedFolderListing | undefined,
): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  for (const folder of listings ?? []) {
    for (const name of folder.names) {
      if (!/\.(pem|crt|cer|key)$/i.test(name)) continue;
      const containerPath = path.posix.join(folder.containerPath, name);
      if (prefix !== '' && !containerPath.startsWith(prefix)) continue;
      candidates.push({ label: containerPath, kind: 'file', detail: `${folder.hostPath}/${name}`, range });
    }
  }
  return candidates;
}
