// A JSON schema of the TLS keys for yaml-language-server, built from TLS_KEYS: what a user of Red Hat
// YAML could write for milvus.yaml (types and enums, nothing about files, compose or versions).
// Other keys stay allowed, as in the real file.
import { TLS_KEYS } from '../../src/core/config/tlsKeys';
import type { TlsKeyInfo } from '../../src/core/config/tlsKeys';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** YAML reads `1.3` as a number and `"1.3"` as a string; Milvus takes either, so the schema does too. */
function enumOf(info: TlsKeyInfo): (string | number | boolean)[] | undefined {
  if (!info.allowedValues || info.type === 'bool') return undefined;
  if (info.type === 'int') return info.allowedValues.map((allowed) => Number(allowed.value));
  return info.allowedValues.flatMap((allowed) => {
    const asNumber = Number(allowed.value);
    return allowed.value.trim() !== '' && Number.isFinite(asNumber) ? [allowed.value, asNumber] : [allowed.value];
  });
}

function leafSchema(info: TlsKeyInfo): JsonSchema {
  const schema: JsonSchema = { description: info.description };
  // Empty values (`port:`) are null in YAML and mean "the default" to Milvus: allowed where shipped so.
  switch (info.type) {
    case 'int':
      schema.type = 'integer';
      break;
    case 'bool':
      schema.type = 'boolean';
      break;
    case 'port':
      schema.type = ['integer', 'null'];
      schema.minimum = 1;
      schema.maximum = 65535;
      break;
    case 'path':
    case 'string':
      schema.type = ['string', 'number', 'null'];
      break;
  }
  const allowed = enumOf(info);
  if (allowed) schema.enum = allowed;
  return schema;
}

export function tlsKeysSchema(): JsonSchema {
  const root: JsonSchema = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Milvus TLS keys', type: 'object', properties: {} };
  for (const info of TLS_KEYS) {
    const parts = info.key.split('.');
    const leaf = parts.pop();
    if (leaf === undefined) continue;
    let node = root;
    for (const part of parts) {
      node.properties ??= {};
      node = node.properties[part] ??= { type: 'object', properties: {} };
    }
    node.properties ??= {};
    node.properties[leaf] = leafSchema(info);
  }
  return root;
}
