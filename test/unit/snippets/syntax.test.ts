// The snippets are real code: Python parses them, gofmt accepts them as formatted, Node parses the
// ES module, javac compiles the Java one against stubs of the SDK's classes. Each check is skipped when its tool is not installed (CI installs Go; Python is usual).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Snippet, SnippetInput } from '../../../src/core/snippets';
import { goSdkSnippet, javaSdkSnippet, nodeSdkSnippet, pymilvusSnippet } from '../../../src/core/snippets';
import { AWKWARD, MODE1, MODE2 } from './fixtures';

const INPUTS: SnippetInput[] = [MODE1, MODE2, { ...AWKWARD, auth: true }];

function hasTool(tool: string, versionArg: string): boolean {
  return spawnSync(tool, [versionArg], { encoding: 'utf8' }).status === 0;
}

describe('snippet syntax', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milvus-tls-snippet-syntax-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, snippet: Snippet): string => {
    const file = join(dir, name);
    writeFileSync(file, snippet.text);
    return file;
  };

  it('pymilvus: python3 parses it', { skip: !hasTool('python3', '--version') && 'python3 not installed' }, () => {
    INPUTS.forEach((input, index) => {
      const file = write(`snippet${index}.py`, pymilvusSnippet(input));
      const result = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
    });
  });

  it('Go: gofmt finds nothing to change', { skip: !hasTool('gofmt', '-h') && !hasTool('go', 'version') && 'Go not installed' }, () => {
    INPUTS.forEach((input, index) => {
      const file = write(`snippet${index}.go`, goSdkSnippet(input));
      const result = spawnSync('gofmt', ['-l', '-e', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, '', `gofmt would reformat:\n${spawnSync('gofmt', ['-d', file], { encoding: 'utf8' }).stdout}`);
    });
  });

  it(
    "Java: javac compiles it against stubs with the SDK's method names",
    { skip: !hasTool('javac', '-version') && 'javac not installed' },
    () => {
      const stubs = join(dir, 'java', 'io', 'milvus', 'v2', 'client');
      mkdirSync(stubs, { recursive: true });
      // The builder methods the snippets may call, as in milvus-sdk-java's ConnectConfig.ConnectConfigBuilder.
      const setters = ['uri', 'serverPemPath', 'clientPemPath', 'clientKeyPath', 'caPemPath', 'serverName', 'token'];
      writeFileSync(
        join(stubs, 'ConnectConfig.java'),
        `package io.milvus.v2.client;
public class ConnectConfig {
  public static ConnectConfigBuilder builder() { return new ConnectConfigBuilder(); }
  public static class ConnectConfigBuilder {
    ${setters.map((name) => `public ConnectConfigBuilder ${name}(String value) { return this; }`).join('\n    ')}
    public ConnectConfigBuilder secure(Boolean value) { return this; }
    public ConnectConfig build() { return new ConnectConfig(); }
  }
}
`,
      );
      writeFileSync(
        join(stubs, 'MilvusClientV2.java'),
        `package io.milvus.v2.client;
public class MilvusClientV2 {
  public MilvusClientV2(ConnectConfig config) {}
  public static class ListCollectionsResp { public java.util.List<String> getCollectionNames() { return null; } }
  public ListCollectionsResp listCollections() { return new ListCollectionsResp(); }
  public void close() {}
}
`,
      );
      INPUTS.forEach((input, index) => {
        const folder = join(dir, `java${index}`);
        mkdirSync(folder);
        const file = join(folder, 'MilvusTlsExample.java');
        writeFileSync(file, javaSdkSnippet(input).text);
        const result = spawnSync('javac', ['-d', join(folder, 'out'), '-sourcepath', join(dir, 'java'), file], { encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
      });
    },
  );

  it('Node: node --check parses the ES module', () => {
    INPUTS.forEach((input, index) => {
      const file = write(`snippet${index}.mjs`, nodeSdkSnippet(input));
      const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
    });
  });
});
