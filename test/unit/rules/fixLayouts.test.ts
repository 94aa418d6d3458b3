// Every quick fix on the three layouts users have: LF with two-space indents, CRLF (Windows), and
// four-space indents. The result must parse, keep every comment, keep the file's line endings and
// indent width, change only the lines the fix is about, and clear the finding.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseMilvusConfig } from '../../../src/core/config';
import { applyTextEdits } from '../../../src/core/edit';
import { detectIndentUnit } from '../../../src/core/edit/yamlText';
import { composeFixesFor, fixesFor } from '../../../src/core/rules/fixes';
import { check, docsCompose } from './ruleHelpers';

interface Case {
  name: string;
  code: string;
  text: string;
  /** Every line the fix removes or rewrites matches this. */
  touches: RegExp;
}

const CASES: Case[] = [
  {
    name: 'tlsMode not an integer',
    code: 'tls-mode-not-integer',
    touches: /tlsMode/,
    text: '# TLS\ncommon:\n  security:\n    # the mode\n    tlsMode: "1.0"  # was 1.0\nproxy:\n  http:\n    enabled: false # off\n',
  },
  {
    name: 'REST port on the shared port',
    code: 'rest-port-shared-with-tls',
    touches: /port|enabled/,
    text: 'common:\n  security:\n    tlsMode: 1 # one-way\ntls:\n  serverPemPath: /a.pem\n  serverKeyPath: /a.key\nproxy:\n  http:\n    enabled: true # on\n    port:  # high-level restful api\n',
  },
  {
    name: 'REST port added under proxy',
    code: 'rest-port-shared-with-tls',
    touches: /^$/,
    text: 'common:\n  security:\n    tlsMode: 1\ntls:\n  serverPemPath: /a.pem\n  serverKeyPath: /a.key\nproxy:\n  port: 19530 # gRPC\nquotaAndLimits:\n  enabled: true\n',
  },
  {
    name: 'a required path added',
    code: 'required-path-missing',
    touches: /^$/,
    text: 'common:\n  security:\n    tlsMode: 1\ntls:\n  # server files\n  serverPemPath: /a.pem\nproxy:\n  http:\n    enabled: false\n',
  },
  {
    name: 'tls moved out of common',
    code: 'misplaced-block',
    touches: /tls:|PemPath|KeyPath|# inner/,
    text: 'common:\n  security:\n    tlsMode: 1\n  tls:\n    # inner\n    serverPemPath: /c/s.pem\n    serverKeyPath: /c/s.key\nproxy:\n  http:\n    port: 8080 # REST\n',
  },
  { name: 'a typo renamed', code: 'unknown-key', touches: /serverPemPth/, text: 'tls:\n  # path\n  serverPemPth: a.pem # here\n' },
  { name: 'tlsEnabled renamed', code: 'obsolete-key', touches: /tlsEnabled/, text: 'common:\n  security:\n    tlsEnabled: true # old\n' },
  {
    name: 'etcd TLS version',
    code: 'etcd-tls-min-version',
    touches: /tlsMinVersion/,
    text: 'etcd:\n  ssl:\n    enabled: true\n    tlsMinVersion: 1.4 # typo\n',
  },
  {
    name: 'Kafka security protocol added',
    code: 'kafka-ssl-without-protocol',
    touches: /^$/,
    text: 'kafka:\n  # brokers\n  brokerList: k:9092\n  ssl:\n    enabled: true\n',
  },
];

const LAYOUTS: { name: string; apply: (text: string) => string }[] = [
  { name: 'LF, two spaces', apply: (text) => text },
  { name: 'CRLF', apply: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'four spaces', apply: (text) => text.replace(/^( +)/gm, (spaces) => spaces + spaces) },
];

function comments(text: string): string[] {
  return [...text.matchAll(/#[^\r\n]*/g)].map((match) => match[0].trim());
}

function assertLayoutKept(before: string, after: string, layout: string): void {
  const parsed = parseMilvusConfig(after);
  assert.deepEqual(
    parsed.problems.filter((problem) => problem.severity === 'error'),
    [],
    `${layout}: the result parses`,
  );
  for (const comment of comments(before)) assert.ok(after.includes(comment), `${layout}: keeps ${comment}`);
  if (before.includes('\r\n')) assert.doesNotMatch(after, /[^\r]\n/, `${layout}: CRLF stays CRLF`);
  else assert.doesNotMatch(after, /\r/, `${layout}: LF stays LF`);
  assert.equal(detectIndentUnit(after), detectIndentUnit(before), `${layout}: indent width kept`);
}

function removedLines(before: string, after: string): string[] {
  const kept = new Set(after.split(/\r?\n/));
  return before.split(/\r?\n/).filter((line) => !kept.has(line));
}

describe("quick fixes keep the file's layout", () => {
  for (const testCase of CASES) {
    for (const layout of LAYOUTS) {
      it(`${testCase.name}, ${layout.name}`, async () => {
        const text = layout.apply(testCase.text);
        const finding = (await check(text)).find((candidate) => candidate.code === testCase.code);
        assert.ok(finding?.data, `a ${testCase.code} finding with a fix`);
        const fixes = fixesFor(text, finding.data, finding.range).filter((fix) => fix.edits.length > 0);
        assert.ok(fixes.length > 0, 'at least one edit');
        for (const fix of fixes) {
          const result = applyTextEdits(text, fix.edits);
          assertLayoutKept(text, result, `${layout.name}, "${fix.title}"`);
          for (const line of removedLines(text, result)) {
            assert.match(line.trim(), testCase.touches, `"${fix.title}" changed only its lines, not ${JSON.stringify(line)}`);
          }
          assert.ok(
            !(await check(result)).some(
              (candidate) =>
                candidate.code === testCase.code && candidate.range.start === finding.range.start && candidate.message === finding.message,
            ),
            `"${fix.title}" clears the finding`,
          );
        }
      });
    }
  }

  for (const layout of LAYOUTS) {
    it(`mounts a folder in the compose file, ${layout.name}`, () => {
      const compose = layout.apply(`# stack\n${docsCompose()}`);
      const edits = composeFixesFor(compose, {
        fix: 'add-volume',
        composeFile: 'docker-compose.yml',
        service: 'standalone',
        hostPath: './certs',
        containerPath: '/certs',
      });
      assert.equal(edits.length, 1);
      const result = applyTextEdits(compose, edits);
      assert.deepEqual(removedLines(compose, result), []);
      if (compose.includes('\r\n')) assert.doesNotMatch(result, /[^\r]\n/);
      assert.equal(detectIndentUnit(result), detectIndentUnit(compose));
      assert.match(result, /- \.\/certs:\/certs:ro\r?\n$/);
    });
  }
});
