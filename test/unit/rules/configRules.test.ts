import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { check, codes, docsCompose, textAt, withCompose } from './ruleHelpers';

async function only(text: string, code: string, input = {}) {
  const found = (await check(text, input)).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify((await check(text, input)).map((f) => f.code))}`);
  return found[0]!;
}

describe('syntax rules', () => {
  it('reports a YAML error and skips the TLS rules', async () => {
    const found = await check('common:\n  security:\n    tlsMode: [1\n');
    assert.ok(codes(found).includes('yaml-syntax'));
    assert.equal(found.find((finding) => finding.code === 'yaml-syntax')?.severity, 'error');
    // A mode the rules would flag, before the broken line: Milvus does not start at all, so only the syntax counts.
    assert.deepEqual([...new Set(codes(await check('common:\n  security:\n    tlsMode: 3\ntls: [a\n')))], ['yaml-syntax']);
  });

  it('reports a duplicate key on the dropped one', async () => {
    const text = 'tls:\n  serverPemPath: a.pem\ntls:\n  serverKeyPath: b.key\n';
    const finding = await only(text, 'duplicate-key');
    assert.equal(finding.range.start, 0);
    assert.match(finding.message, /keeps only the last/);
  });
});

describe('tlsMode', () => {
  it('quoted "1.0" is read as 0', async () => {
    const text = 'common:\n  security:\n    tlsMode: "1.0"\n';
    const finding = await only(text, 'tls-mode-not-integer');
    assert.equal(textAt(text, finding), '"1.0"');
    assert.match(finding.message, /silently uses 0/);
    assert.deepEqual(finding.data, { fix: 'set-value', key: 'common.security.tlsMode', values: ['1', '0', '2'] });
  });

  it('plain 1.0 is 1 to Milvus (yaml.v2 float), so no tlsMode finding', async () => {
    assert.deepEqual(
      codes(await check('common:\n  security:\n    tlsMode: 1.0\nproxy:\n  http:\n    enabled: false\n')).filter((code) =>
        code.startsWith('tls-mode'),
      ),
      [],
    );
  });

  it('true is 0 to Milvus, and the fix offers 1 first', async () => {
    assert.deepEqual((await only('common:\n  security:\n    tlsMode: true\n', 'tls-mode-not-integer')).data, {
      fix: 'set-value',
      key: 'common.security.tlsMode',
      values: ['1', '0', '2'],
    });
  });

  it('3 quotes the startup error', async () => {
    const finding = await only('common:\n  security:\n    tlsMode: 3\n', 'tls-mode-unknown');
    assert.match(finding.message, /tls mode must be 0: no authentication, 1: one way authentication or 2: two way authentication/);
    assert.match(finding.message, /refuses to start/);
  });

  it('an environment variable is checked and named', async () => {
    const finding = await only(
      'common:\n  security:\n    tlsMode: 0\n',
      'tls-mode-not-integer',
      withCompose(docsCompose('milvusdb/milvus:v2.5.27', '      COMMON_SECURITY_TLSMODE: "yes"\n')),
    );
    assert.match(finding.message, /COMMON_SECURITY_TLSMODE/);
  });
});

describe('REST port', () => {
  const base =
    'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /milvus/tls/server.pem\n  serverKeyPath: /milvus/tls/server.key\n';
  it('empty port: error on 2.4.13+, on the port key', async () => {
    const text = `${base}proxy:\n  port: 19530\n  http:\n    enabled: true\n    port:\n`;
    const finding = await only(text, 'rest-port-shared-with-tls');
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'port');
    assert.match(finding.message, /share the same port, tls mode must be 0/);
  });
  it('port equal to proxy.port is shared too', async () => {
    await only(`${base}proxy:\n  port: 19531\n  http:\n    port: 19531\n`, 'rest-port-shared-with-tls');
  });
  it('a separate port or REST off is fine', async () => {
    assert.ok(!codes(await check(`${base}proxy:\n  http:\n    port: 8080\n`)).includes('rest-port-shared-with-tls'));
    assert.ok(!codes(await check(`${base}proxy:\n  http:\n    enabled: false\n`)).includes('rest-port-shared-with-tls'));
  });
  it('the boundary is exactly 2.4.13 (listener_manager.go): 2.4.12 warns, 2.4.13 and -gpu tags refuse', async () => {
    for (const [image, severity] of [
      ['milvusdb/milvus:v2.4.12', 'warning'],
      ['milvusdb/milvus:v2.4.13', 'error'],
      ['milvusdb/milvus:v2.4.13-gpu', 'error'],
      ['milvusdb/milvus:v2.3.22', 'warning'],
      ['milvusdb/milvus:v2.5.0', 'error'],
      ['milvusdb/milvus:latest', 'error'],
    ] as const) {
      assert.equal((await only(base, 'rest-port-shared-with-tls', withCompose(docsCompose(image)))).severity, severity, image);
    }
  });
  it('tlsMode 3 refuses to start from exactly 2.4.13 on, with REST on', async () => {
    const text = 'common:\n  security:\n    tlsMode: 3\nproxy:\n  http:\n    port: 8080\n';
    assert.match(
      (await only(text, 'tls-mode-unknown', withCompose(docsCompose('milvusdb/milvus:v2.4.12')))).message,
      /serves gRPC without TLS/,
    );
    assert.match((await only(text, 'tls-mode-unknown', withCompose(docsCompose('milvusdb/milvus:v2.4.13')))).message, /refuses to start/);
    assert.match(
      (await only(text.replace('port: 8080', 'enabled: false'), 'tls-mode-unknown', withCompose(docsCompose('milvusdb/milvus:v2.4.13'))))
        .message,
      /serves gRPC without TLS/,
    );
  });
  it('2.4.12 and older only lose REST: warning', async () => {
    const finding = await only(base, 'rest-port-shared-with-tls', withCompose(docsCompose('milvusdb/milvus:v2.4.12')));
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /silently stops serving REST/);
  });
});

describe('required files', () => {
  it('optional files (MinIO CA, Kafka client files) are never reported missing', async () => {
    const found = codes(
      await check('minio:\n  useSSL: true\n  ssl:\n    tlsCACert:\nkafka:\n  securityProtocol: SSL\n  ssl:\n    enabled: true\n'),
    );
    assert.ok(!found.includes('required-path-missing'), found.join(', '));
  });
  it('mode 1 needs the server pair; caPemPath is a hint', async () => {
    const text = 'common:\n  security:\n    tlsMode: 1\ntls:\n  caPemPath: /milvus/tls/ca.pem\nproxy:\n  http:\n    enabled: false\n';
    const found = await check(text);
    assert.deepEqual(codes(found, 'warning'), ['required-path-missing', 'required-path-missing']);
    assert.deepEqual(
      found.filter((finding) => finding.code === 'required-path-missing').map((finding) => finding.data),
      [
        {
          fix: 'add-key',
          key: 'tls.serverPemPath',
          value: '/milvus/tls/server.pem',
          generate: true,
          target: { containerPath: '/milvus/tls/server.pem' },
        },
        {
          fix: 'add-key',
          key: 'tls.serverKeyPath',
          value: '/milvus/tls/server.key',
          generate: true,
          target: { containerPath: '/milvus/tls/server.key' },
        },
      ],
    );
    const hint = await only(text, 'ca-ignored-in-mode-1');
    assert.equal(textAt(text, hint), 'caPemPath');
  });
  it('mode 2 needs caPemPath', async () => {
    const text =
      'common:\n  security:\n    tlsMode: 2\ntls:\n  serverPemPath: /a/s.pem\n  serverKeyPath: /a/s.key\nproxy:\n  http:\n    enabled: false\n';
    assert.equal((await only(text, 'required-path-missing')).data?.fix, 'add-key');
  });
  it('a user.yaml alone falls back to the image milvus.yaml, i.e. the bundled certificates', async () => {
    const found = await check('common:\n  security:\n    tlsMode: 1\nproxy:\n  http:\n    port: 8080\n', { fileName: '/ws/user.yaml' });
    assert.deepEqual(codes(found, 'warning'), ['bundled-test-certificate', 'bundled-test-certificate']);
  });
});

describe('versions', () => {
  it('Milvus 2.3 ignores a user.yaml', async () => {
    const compose = withCompose(docsCompose('milvusdb/milvus:v2.3.21').replace('/milvus/configs/milvus.yaml', '/milvus/configs/user.yaml'));
    const finding = await only('common:\n  security:\n    tlsMode: 1\n', 'file-ignored-by-version', {
      ...compose,
      fileName: '/ws/milvus.yaml',
    });
    assert.match(finding.message, /reads only milvus\.yaml/);
  });
});

describe('structure', () => {
  it('tls under common (the Operator sample) is misplaced', async () => {
    const text =
      'common:\n  security:\n    tlsMode: 1\n  tls:\n    serverPemPath: /certs/server.pem\n    serverKeyPath: /certs/server.key\nproxy:\n  http:\n    port: 8080\n';
    const finding = await only(text, 'misplaced-block');
    assert.equal(textAt(text, finding), 'tls');
    assert.deepEqual(finding.data, { fix: 'move-block', from: ['common', 'tls'], to: ['tls'] });
    // And so Milvus falls back to nothing at all here (a full milvus.yaml): the pair is missing.
    assert.ok(codes(await check(text)).includes('required-path-missing'));
  });
  it('tlsEnabled is obsolete', async () => {
    const text = 'common:\n  security:\n    tlsEnabled: true\n';
    const finding = await only(text, 'obsolete-key');
    assert.deepEqual(finding.data && { ...finding.data, valueRange: undefined }, {
      fix: 'rename-key',
      replacement: 'tlsMode',
      value: '1',
      valueRange: undefined,
    });
    assert.ok(!codes(await check(text)).includes('unknown-key'));
  });
  it('typos get a did-you-mean', async () => {
    const text = 'tls:\n  serverPemPth: a.pem\n  serverkeypath: b.key\ninternaltls:\n  snii: x\ncommon:\n  security:\n    tlsMod: 1\n';
    const found = (await check(text)).filter((finding) => finding.code === 'unknown-key');
    assert.deepEqual(
      found.map((finding) => [textAt(text, finding), finding.data]),
      [
        ['serverPemPth', { fix: 'rename-key', replacement: 'serverPemPath' }],
        ['snii', { fix: 'rename-key', replacement: 'sni' }],
        ['tlsMod', { fix: 'rename-key', replacement: 'tlsMode' }],
      ],
    );
  });
});

describe('etcd, MinIO, Kafka', () => {
  it('etcd placeholders and a bad tlsMinVersion', async () => {
    const text =
      'etcd:\n  ssl:\n    enabled: true\n    tlsCert: /path/to/etcd-client.pem\n    tlsKey: /path/to/etcd-client-key.pem\n    tlsCACert: /path/to/ca.pem\n    tlsMinVersion: 1.4\n';
    assert.deepEqual(codes(await check(text), 'warning'), [
      'placeholder-path',
      'placeholder-path',
      'placeholder-path',
      'etcd-tls-min-version',
    ]);
  });
  it('etcd enabled without files', async () => {
    assert.deepEqual(codes(await check('etcd:\n  ssl:\n    enabled: true\n'), 'warning'), [
      'required-path-missing',
      'required-path-missing',
      'required-path-missing',
    ]);
  });
  it('MinIO with the placeholder CA, and a bad tlsMinVersion', async () => {
    const text = 'minio:\n  useSSL: true\n  ssl:\n    tlsCACert: /path/to/public.crt\n    tlsMinVersion: tls1.2\n';
    assert.deepEqual(codes(await check(text), 'warning'), ['minio-placeholder-ca', 'minio-tls-min-version']);
  });
  it('Kafka SSL without securityProtocol', async () => {
    const finding = await only('kafka:\n  ssl:\n    enabled: true\n', 'kafka-ssl-without-protocol');
    assert.deepEqual(finding.data, { fix: 'add-key', key: 'kafka.securityProtocol', value: 'SSL' });
    assert.ok(!codes(await check('kafka:\n  securityProtocol: SSL\n  ssl:\n    enabled: true\n')).includes('kafka-ssl-without-protocol'));
  });
});
