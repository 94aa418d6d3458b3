// Short-syntax volume specs as Compose's ParseVolume reads them (compose-spec/compose-go
// format/volume.go). Every expectation is what compose-go gives for the spec, taken from its
// volume_test.go and from reading ParseVolume; the spec is the text after interpolation.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isHostPathSource, parseVolumeSpec } from '../../../src/core/compose/volumeSpec';

interface Row {
  spec: string;
  type: 'bind' | 'volume';
  /** '' for an anonymous volume, as compose-go leaves Source empty. */
  source: string;
  target: string;
  readOnly?: boolean;
  propagation?: string;
  selinux?: string;
  noCopy?: boolean;
}

const TABLE: Row[] = [
  // Anonymous volumes: one part.
  { spec: '/path', type: 'volume', source: '', target: '/path' },
  { spec: '/path/foo', type: 'volume', source: '', target: '/path/foo' },
  { spec: 'C:\\path', type: 'volume', source: '', target: 'C:\\path' },
  { spec: 'Z:\\path\\foo', type: 'volume', source: '', target: 'Z:\\path\\foo' },
  // One or two characters: always a target.
  { spec: '.', type: 'volume', source: '', target: '.' },
  { spec: '/a', type: 'volume', source: '', target: '/a' },
  // Bind mounts: sources starting with . / ~ are host paths.
  { spec: './foo:/target', type: 'bind', source: './foo', target: '/target' },
  { spec: '~/thing:/target', type: 'bind', source: '~/thing', target: '/target' },
  { spec: '../other:/target', type: 'bind', source: '../other', target: '/target' },
  { spec: '/foo:/target', type: 'bind', source: '/foo', target: '/target' },
  { spec: '/home/user:/target', type: 'bind', source: '/home/user', target: '/target' },
  { spec: '~/milvus/tls:/milvus/tls:ro', type: 'bind', source: '~/milvus/tls', target: '/milvus/tls', readOnly: true },
  // Windows drives, on either side.
  { spec: './foo:d:\\target', type: 'bind', source: './foo', target: 'd:\\target' },
  { spec: 'D:\\path:d:\\target', type: 'bind', source: 'D:\\path', target: 'd:\\target' },
  { spec: 'C:\\Users\\me\\milvus\\tls:/milvus/tls', type: 'bind', source: 'C:\\Users\\me\\milvus\\tls', target: '/milvus/tls' },
  { spec: 'C:/Users/me/tls:/milvus/tls:ro', type: 'bind', source: 'C:/Users/me/tls', target: '/milvus/tls', readOnly: true },
  {
    spec: 'C:\\source\\foo:D:\\target:ro,rprivate',
    type: 'bind',
    source: 'C:\\source\\foo',
    target: 'D:\\target',
    readOnly: true,
    propagation: 'rprivate',
  },
  { spec: 'c:\\:d:\\', type: 'bind', source: 'c:\\', target: 'd:\\' },
  { spec: 'c:\\windows:d:\\s p a c e:RW', type: 'bind', source: 'c:\\windows', target: 'd:\\s p a c e' },
  { spec: 'c:/:d:/forward/slashes/are/good/too', type: 'bind', source: 'c:/', target: 'd:/forward/slashes/are/good/too' },
  // A volume name and a drive-letter target; a one-letter name is read as a drive.
  { spec: 'name:D:', type: 'volume', source: 'name', target: 'D:' },
  { spec: 'name:D::rW', type: 'volume', source: 'name', target: 'D:' },
  { spec: 'a:/data', type: 'volume', source: '', target: 'a:/data' },
  // Windows named pipes are bind mounts.
  {
    spec: '\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\inside',
    type: 'bind',
    source: '\\\\.\\pipe\\docker_engine',
    target: '\\\\.\\pipe\\inside',
  },
  // Options.
  { spec: '/source:/target:slave', type: 'bind', source: '/source', target: '/target', propagation: 'slave' },
  { spec: '/source:/target:ro,z', type: 'bind', source: '/source', target: '/target', readOnly: true, selinux: 'z' },
  { spec: '/source:/target:ro,Z', type: 'bind', source: '/source', target: '/target', readOnly: true, selinux: 'Z' },
  { spec: './foo:/target:rw', type: 'bind', source: './foo', target: '/target', readOnly: false },
  { spec: './tls:/milvus/tls:ro,rw', type: 'bind', source: './tls', target: '/milvus/tls', readOnly: false },
  { spec: 'name:/target:nocopy', type: 'volume', source: 'name', target: '/target', noCopy: true },
  { spec: 'name:/target:bogus', type: 'volume', source: 'name', target: '/target' },
  { spec: 'certs:/milvus/tls:ro', type: 'volume', source: 'certs', target: '/milvus/tls', readOnly: true },
  // Unexpanded `${…}` (escaped `$${…}` in the file) keeps its colons.
  { spec: '/tmp:/tmp/${TIME:-12:30:45}/path', type: 'bind', source: '/tmp', target: '/tmp/${TIME:-12:30:45}/path' },
  { spec: '/tmp/${VAR:-default}:/target', type: 'bind', source: '/tmp/${VAR:-default}', target: '/target' },
  { spec: 'myvolume:/data/${VAR:-default}/path', type: 'volume', source: 'myvolume', target: '/data/${VAR:-default}/path' },
  {
    spec: '/src:/target/${VAR:-default}/path:slave,ro',
    type: 'bind',
    source: '/src',
    target: '/target/${VAR:-default}/path',
    readOnly: true,
    propagation: 'slave',
  },
  { spec: '/tmp:/tmp/${VAR:-{default}}/path', type: 'bind', source: '/tmp', target: '/tmp/${VAR:-{default}}/path' },
  { spec: 'C:\\src\\${VAR:-default}:D:\\target', type: 'bind', source: 'C:\\src\\${VAR:-default}', target: 'D:\\target' },
  // One-character folder names are not drives once a separator follows.
  { spec: '/tmp/x/y:/foo/x/y', type: 'bind', source: '/tmp/x/y', target: '/foo/x/y' },
];

describe('parseVolumeSpec: compose-go ParseVolume', () => {
  it('has at least 30 rows', () => assert.ok(TABLE.length >= 30));
  for (const row of TABLE) {
    it(row.spec, () => {
      const result = parseVolumeSpec(row.spec);
      assert.ok(result.ok, result.ok ? '' : result.error);
      const { spec } = result;
      assert.deepEqual(
        {
          type: spec.type,
          source: spec.source ?? '',
          target: spec.target,
          readOnly: spec.readOnly,
          propagation: spec.propagation,
          selinux: spec.selinux,
          noCopy: spec.noCopy,
        },
        {
          type: row.type,
          source: row.source,
          target: row.target,
          readOnly: row.readOnly ?? false,
          propagation: row.propagation,
          selinux: row.selinux,
          noCopy: row.noCopy ?? false,
        },
      );
    });
  }
});

describe('parseVolumeSpec: specs Compose refuses', () => {
  const refused: [string, RegExp][] = [
    ['', /invalid empty volume spec/],
    ['/foo:/foo:ro:foo', /too many colons/],
    [':foo', /empty section between colons/],
    ['/foo::ro', /empty section between colons/],
    ['/foo::rw', /invalid spec/],
    // After interpolation a default with colons splits: Compose refuses the spec.
    ['/tmp:/tmp/12:30:45/path', /too many colons/],
  ];
  for (const [spec, message] of refused) {
    it(JSON.stringify(spec), () => {
      const result = parseVolumeSpec(spec);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.error, message);
    });
  }
});

describe('isHostPathSource', () => {
  it('follows compose-go isFilePath', () => {
    for (const source of ['.', './x', '/x', '~', '~/x', '\\\\.\\pipe\\x', 'C:\\x', 'c:', 'Ä:/x']) {
      assert.equal(isHostPathSource(source), true, source);
    }
    for (const source of ['', 'name', 'a界', 'my-volume', '1:x']) assert.equal(isHostPathSource(source), false, source);
  });
});
