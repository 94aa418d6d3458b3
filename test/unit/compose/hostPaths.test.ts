// Where a bind source lives on the machine the extension runs on, for both path flavours: relative
// sources against the project folder, `~` with this machine's home (compose-go paths.ExpandUser),
// Windows drives and UNC paths checked on Windows and foreign elsewhere, named pipes never files.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { MountHost } from '../../../src/core/compose/hostPaths';
import { joinForeign, resolveBindSource, sameHostPath } from '../../../src/core/compose/hostPaths';

const LINUX = { pathApi: path.posix, baseDir: '/home/me/project', homeDir: '/home/me' };
const WINDOWS = { pathApi: path.win32, baseDir: 'C:\\Users\\me\\project', homeDir: 'C:\\Users\\me' };

const TABLE: [string, MountHost, MountHost][] = [
  // source, on Linux, on Windows
  ['./tls', { kind: 'local', path: '/home/me/project/tls' }, { kind: 'local', path: 'C:\\Users\\me\\project\\tls' }],
  ['.', { kind: 'local', path: '/home/me/project' }, { kind: 'local', path: 'C:\\Users\\me\\project' }],
  ['../shared/tls/', { kind: 'local', path: '/home/me/shared/tls' }, { kind: 'local', path: 'C:\\Users\\me\\shared\\tls' }],
  ['/srv/milvus/tls', { kind: 'local', path: '/srv/milvus/tls' }, { kind: 'foreign', path: '/srv/milvus/tls', platform: 'linux' }],
  ['~/milvus/tls', { kind: 'local', path: '/home/me/milvus/tls' }, { kind: 'local', path: 'C:\\Users\\me\\milvus\\tls' }],
  ['~', { kind: 'local', path: '/home/me' }, { kind: 'local', path: 'C:\\Users\\me' }],
  // compose-go joins the home with whatever follows the tilde.
  ['~tls', { kind: 'local', path: '/home/me/tls' }, { kind: 'local', path: 'C:\\Users\\me\\tls' }],
  [
    'C:\\Users\\me\\milvus\\tls',
    { kind: 'foreign', path: 'C:\\Users\\me\\milvus\\tls', platform: 'windows' },
    { kind: 'local', path: 'C:\\Users\\me\\milvus\\tls' },
  ],
  ['d:/certs/', { kind: 'foreign', path: 'd:/certs/', platform: 'windows' }, { kind: 'local', path: 'd:\\certs' }],
  [
    '\\\\server\\share\\tls',
    { kind: 'foreign', path: '\\\\server\\share\\tls', platform: 'windows' },
    { kind: 'local', path: '\\\\server\\share\\tls' },
  ],
  ['//server/share/tls', { kind: 'local', path: '/server/share/tls' }, { kind: 'local', path: '\\\\server\\share\\tls' }],
  [
    '\\\\.\\pipe\\docker_engine',
    { kind: 'named-pipe', path: '\\\\.\\pipe\\docker_engine' },
    { kind: 'named-pipe', path: '\\\\.\\pipe\\docker_engine' },
  ],
];

describe('resolveBindSource', () => {
  for (const [source, onLinux, onWindows] of TABLE) {
    it(source, () => {
      assert.deepEqual(resolveBindSource(source, LINUX), onLinux);
      assert.deepEqual(resolveBindSource(source, WINDOWS), onWindows);
    });
  }
  it('leaves ~ unresolved when the home is unknown', () => {
    assert.deepEqual(resolveBindSource('~/tls', { ...LINUX, homeDir: undefined }), { kind: 'home-unknown', path: '~/tls' });
  });
});

describe('joinForeign and sameHostPath', () => {
  it('joins below a foreign folder in its own syntax', () => {
    assert.equal(joinForeign({ path: 'C:\\certs\\', platform: 'windows' }, 'a/server.pem'), 'C:\\certs\\a\\server.pem');
    assert.equal(joinForeign({ path: '/srv/certs', platform: 'linux' }, 'server.pem'), '/srv/certs/server.pem');
  });
  it('compares without case only where asked', () => {
    assert.equal(sameHostPath(path.win32, 'C:\\Users\\Me\\TLS', 'c:\\users\\me\\tls', true), true);
    assert.equal(sameHostPath(path.posix, '/Users/me/TLS', '/Users/me/tls', false), false);
    assert.equal(sameHostPath(path.posix, '/Users/me/TLS', '/Users/me/tls', true), true);
  });
});
