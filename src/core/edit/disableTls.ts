/** Disable TLS: common.security.tlsMode 0, nothing else (paths and mounts stay for the next Enable). */
import { planConfigValues } from './milvusYamlEdits';
import type { TextEdit } from './textEdit';

export interface DisableTlsInput {
  milvusYamlText: string;
  milvusYamlLabel?: string;
}

export interface DisableTlsPlan {
  milvusYaml: TextEdit[];
  summary: string[];
}

export function planDisableTls(input: DisableTlsInput): DisableTlsPlan {
  const label = input.milvusYamlLabel ?? 'milvus.yaml';
  // An absent tlsMode is already 0 (the code default), so it is not added.
  const planned = planConfigValues(
    input.milvusYamlText,
    [{ path: ['common', 'security', 'tlsMode'], value: '0', defaultValue: '0' }],
    label,
  );
  const summary = planned.changes.map(
    (change) => `${label}: ${change.key}: ${change.from === '' ? '(empty)' : (change.from ?? 'unset')} → 0`,
  );
  return { milvusYaml: planned.edits, summary };
}
