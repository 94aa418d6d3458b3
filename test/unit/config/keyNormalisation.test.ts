import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { normaliseChildKey, normaliseKeyPath } from '../../../src/core/config/keyNormalisation';

describe('normaliseChildKey', () => {
  const paths: string[][] = [
    ['common'],
    ['common', 'security'],
    ['common', 'security', 'tlsMode'],
    ['Common', 'Security', 'TLS_Mode'],
    ['proxy', 'http.port'],
    ['a/b', 'c_d.e'],
    ['knowhere'],
    ['knowhere', 'Foo'],
    ['knowhere', 'Foo', 'bar_Baz'],
    ['knowhere.Foo'],
    ['knowhere.Foo', 'x'],
    ['Knowhere', 'Foo'],
    [''],
  ];
  for (const path of paths) {
    it(`agrees with normaliseKeyPath for ${JSON.stringify(path)}`, () => {
      // Built segment by segment, as the flattener does.
      let key = '';
      for (let depth = 1; depth <= path.length; depth++) key = normaliseChildKey(key, path.slice(0, depth));
      assert.equal(key, normaliseKeyPath(path));
    });
  }
});
