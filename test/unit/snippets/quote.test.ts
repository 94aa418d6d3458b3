import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { goString, javaString, jsString, pythonString, shellWord } from '../../../src/core/snippets/quote';

const SAMPLES = [
  '/plain/path.pem',
  "it's",
  'say "hi"',
  'C:\\Users\\me\\ca.pem',
  'tab\there',
  'line\nbreak',
  'bell\x07',
  '$HOME `id`',
  'é ü 中',
  '',
];

describe('snippet string literals', () => {
  it('JavaScript literals evaluate back to the value', () => {
    for (const sample of SAMPLES) assert.equal(runInNewContext(jsString(sample)), sample);
  });

  it('Python literals use only escapes Python reads the same (checked against JSON semantics)', () => {
    // Python and JSON agree on \\ \" \n \r \t; \xNN is Python's, so decode it the way Python does.
    for (const sample of SAMPLES) {
      const literal = pythonString(sample);
      const decoded = JSON.parse(literal.replace(/\\x([0-9a-f]{2})/g, '\\u00$1')) as string;
      assert.equal(decoded, sample);
    }
  });

  it('Go literals use only \\\\ \\" \\n \\r \\t and \\xNN', () => {
    assert.equal(goString('a"b\\c\x01'), '"a\\"b\\\\c\\x01"');
  });

  it('Java literals use octal escapes for control characters (a \\u escape would end the literal)', () => {
    assert.equal(javaString('a\x01\n'), '"a\\001\\n"');
    assert.equal(javaString('C:\\users'), '"C:\\\\users"');
  });

  it('shell words survive sh unchanged', () => {
    for (const sample of SAMPLES) {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellWord(sample)}`], { encoding: 'utf8' });
      assert.equal(echoed, sample);
    }
  });

  it('leaves plain words unquoted', () => {
    assert.equal(shellWord('/ws/tls/ca.pem'), '/ws/tls/ca.pem');
    assert.equal(shellWord('a b'), "'a b'");
  });
});
