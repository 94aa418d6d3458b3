/**
 * TLS towards etcd, MinIO/S3 and Kafka (service_param.go; etcd_util.go; objectstorage/util.go):
 * `/path/to/…` placeholders from the shipped milvus.yaml, version strings that fail at startup, and
 * kafka.ssl.enabled, which does not by itself make librdkafka use TLS.
 */
import { formatMilvusVersion, isAtLeastVersion } from '../compose';
import { isPlaceholderPath, readBool, readString } from '../config';
import type { RuleContext } from './context';
import { anchorFor, entryInDocument, originNote, valueAnchorFor } from './context';
import type { RuleFinding } from './types';

const ETCD_VERSIONS = ['1.0', '1.1', '1.2', '1.3'];
const MINIO_VERSIONS = ['default', '1.0', '1.1', '1.2', '1.3'];

export function dependencyRules(ctx: RuleContext): RuleFinding[] {
  return [...etcdRules(ctx), ...minioRules(ctx), ...kafkaRules(ctx), ...internalTlsVersionRule(ctx)];
}

function etcdRules(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const enabled = readBool(ctx.effective, 'etcd.ssl.enabled', false).value;
  if (enabled) {
    for (const key of ['etcd.ssl.tlsCert', 'etcd.ssl.tlsKey', 'etcd.ssl.tlsCACert']) {
      const read = readString(ctx.effective, key);
      if (!isPlaceholderPath(read.value)) continue;
      findings.push({
        code: 'placeholder-path',
        severity: 'error',
        message: `${key} is still the placeholder "${read.value}"${originNote(ctx, read.entry)} while etcd.ssl.enabled is true: Milvus cannot connect to etcd ("${key.endsWith('CACert') ? 'load etcd CACert file error' : 'load etcd cert key pair error'}"). Set the real path in the container.`,
        range: valueAnchorFor(ctx, key),
      });
    }
  }
  const minVersion = readString(ctx.effective, 'etcd.ssl.tlsMinVersion', '1.3');
  if (enabled && !minVersion.defaulted && !ETCD_VERSIONS.includes(minVersion.value.trim())) {
    findings.push({
      code: 'etcd-tls-min-version',
      severity: 'error',
      message: `etcd.ssl.tlsMinVersion "${minVersion.value}" is not 1.0, 1.1, 1.2 or 1.3: Milvus fails with "unknown TLS version,${minVersion.value}".`,
      range: valueAnchorFor(ctx, 'etcd.ssl.tlsMinVersion'),
      data: { fix: 'set-value', key: 'etcd.ssl.tlsMinVersion', values: ['1.3', '1.2'] },
    });
  }
  return findings;
}

function minioRules(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const useSsl = readBool(ctx.effective, 'minio.useSSL', false).value;
  const ca = readString(ctx.effective, 'minio.ssl.tlsCACert');
  if (useSsl && isPlaceholderPath(ca.value)) {
    findings.push({
      code: 'minio-placeholder-ca',
      severity: 'error',
      message: `minio.useSSL is true and minio.ssl.tlsCACert is the placeholder "${ca.value}"${originNote(ctx, ca.entry)}: Milvus exports it as SSL_CERT_FILE, a file that does not exist, so HTTPS to MinIO/S3 fails to verify. Set the CA's path, or empty it to use the system roots.`,
      range: valueAnchorFor(ctx, 'minio.ssl.tlsCACert'),
      data: { fix: 'set-value', key: 'minio.ssl.tlsCACert', values: [''] },
    });
  }
  const minVersion = readString(ctx.effective, 'minio.ssl.tlsMinVersion', 'default');
  if (!minVersion.defaulted && !MINIO_VERSIONS.includes(minVersion.value.trim())) {
    findings.push({
      code: 'minio-tls-min-version',
      severity: 'error',
      message: `minio.ssl.tlsMinVersion "${minVersion.value}": Milvus fails with "unsupported TLS version: ${minVersion.value}, supported values: default, 1.0, 1.1, 1.2, 1.3".`,
      range: valueAnchorFor(ctx, 'minio.ssl.tlsMinVersion'),
      data: { fix: 'set-value', key: 'minio.ssl.tlsMinVersion', values: MINIO_VERSIONS },
    });
  }
  return findings;
}

function kafkaRules(ctx: RuleContext): RuleFinding[] {
  if (!readBool(ctx.effective, 'kafka.ssl.enabled', false).value) return [];
  const protocol = readString(ctx.effective, 'kafka.securityProtocol').value.trim().toUpperCase();
  if (protocol === 'SSL' || protocol === 'SASL_SSL') return [];
  return [
    {
      code: 'kafka-ssl-without-protocol',
      severity: 'warning',
      message: `kafka.ssl.enabled only passes the kafka.ssl.* files to librdkafka; with kafka.securityProtocol ${protocol === '' ? 'unset' : `"${protocol}"`} the connection to Kafka is not TLS. Set kafka.securityProtocol: SSL (or SASL_SSL).`,
      range: entryInDocument(ctx, 'kafka.securityProtocol')
        ? valueAnchorFor(ctx, 'kafka.securityProtocol')
        : anchorFor(ctx, ['kafka.ssl.enabled']),
      data: { fix: 'add-key', key: 'kafka.securityProtocol', value: 'SSL' },
    },
  ];
}

function internalTlsVersionRule(ctx: RuleContext): RuleFinding[] {
  const enabled = readBool(ctx.effective, 'common.security.internaltlsEnabled', false);
  if (!enabled.value || isAtLeastVersion(ctx.version, '2.5.0') || !ctx.version) return [];
  return [
    {
      code: 'internal-tls-unsupported-version',
      severity: 'warning',
      message: `Internal TLS arrived in Milvus 2.5.0; the compose image runs ${formatMilvusVersion(ctx.version)}, which ignores common.security.internaltlsEnabled.`,
      range: anchorFor(ctx, ['common.security.internaltlsEnabled']),
    },
  ];
}
