// What a Milvus config sees through its compose project, for the set-ups issue 14 found broken: the
// TLS mount kept in docker-compose.override.yml, `~`, Windows drive paths (checked on Windows, a
// hint elsewhere), Compose's choice between docker-compose.yml and .yaml. Only the deployment
// model's entry point is used, so these tests also ran against the model before the change.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { PathLocation, ResolveContext } from '../../../src/core/deployment';
import { deploymentForConfigFile, LoadedFileCache, ParseCache } from '../../../src/core/deployment';
import type { PathApi } from '../../../src/core/workspace';
import { memoryFileSystem } from '../../../src/core/workspace';
import { shippedCompose, TLS_MILVUS_YAML } from '../../helpers/composeFixtures';

function context(
  files: Record<string, string>,
  pathApi: PathApi = path.posix,
  homeDir = '/home/me',
  caseInsensitivePaths = false,
): ResolveContext {
  return {
    fs: memoryFileSystem(files, pathApi),
    cache: new LoadedFileCache(),
    parsed: new ParseCache(),
    machine: { homeDir, caseInsensitivePaths },
  };
}

async function serverPem(
  files: Record<string, string>,
  configPath = '/ws/milvus.yaml',
  pathApi: PathApi = path.posix,
  homeDir?: string,
): Promise<PathLocation | undefined> {
  const root = pathApi.dirname(configPath);
  const deployment = await deploymentForConfigFile(
    configPath,
    [root],
    context(files, pathApi, homeDir ?? (pathApi === path.win32 ? 'C:\\Users\\me' : '/home/me')),
  );
  return deployment.paths.get('tls.serverPemPath')?.location;
}

const OVERRIDE_WITH_TLS = `services:
  standalone:
    volumes:
      - ./tls:/milvus/tls:ro
      - ./milvus.yaml:/milvus/configs/milvus.yaml
`;

describe('compose mapping as Compose reads the project', () => {
  it('reads the TLS mount from docker-compose.override.yml beside the pristine docker-compose.yml', async () => {
    const location = await serverPem({
      '/ws/docker-compose.yml': shippedCompose('2.5.27'),
      '/ws/docker-compose.override.yml': OVERRIDE_WITH_TLS,
      '/ws/milvus.yaml': TLS_MILVUS_YAML,
      '/ws/tls/server.pem': 'x',
    });
    assert.equal(location?.kind, 'host');
    assert.equal(location.kind === 'host' ? location.hostPath : '', '/ws/tls/server.pem');
    assert.equal(location.kind === 'host' ? location.mount?.from.text : '', 'docker-compose.override.yml:4');
  });

  it('reads compose.override.yaml beside compose.yaml', async () => {
    const location = await serverPem({
      '/ws/compose.yaml': shippedCompose('2.6.20'),
      '/ws/compose.override.yaml': OVERRIDE_WITH_TLS,
      '/ws/milvus.yaml': TLS_MILVUS_YAML,
    });
    assert.equal(location?.kind, 'host');
  });

  it('expands ~ to the home folder of this machine', async () => {
    const location = await serverPem(
      {
        '/ws/docker-compose.yml': `services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - ~/milvus/tls:/milvus/tls:ro\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n`,
        '/ws/milvus.yaml': TLS_MILVUS_YAML,
      },
      '/ws/milvus.yaml',
      path.posix,
      '/home/me',
    );
    assert.deepEqual(location?.kind === 'host' ? location.hostPath : location, '/home/me/milvus/tls/server.pem');
  });

  const windowsCompose = `services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - C:\\Users\\me\\milvus\\tls:/milvus/tls:ro\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n`;

  it('reports a Windows drive path on Linux as not checkable here, never as unmapped', async () => {
    const location = await serverPem({ '/ws/docker-compose.yml': windowsCompose, '/ws/milvus.yaml': TLS_MILVUS_YAML });
    assert.equal(location?.kind, 'foreign-host');
    assert.match(
      location.kind === 'foreign-host' ? location.reason : '',
      /C:\\Users\\me\\milvus\\tls\\server\.pem on the Docker host, a Windows path, not checkable on this machine/,
    );
  });

  it('checks a Windows drive path on Windows', async () => {
    const location = await serverPem(
      { 'C:\\ws\\docker-compose.yml': windowsCompose, 'C:\\ws\\milvus.yaml': TLS_MILVUS_YAML },
      'C:\\ws\\milvus.yaml',
      path.win32,
    );
    assert.equal(location?.kind === 'host' ? location.hostPath : location?.kind, 'C:\\Users\\me\\milvus\\tls\\server.pem');
  });

  it('resolves relative binds against the project folder in the Windows flavour', async () => {
    const location = await serverPem(
      {
        'C:\\ws\\docker-compose.yml': shippedCompose('2.5.27'),
        'C:\\ws\\docker-compose.override.yml': OVERRIDE_WITH_TLS,
        'C:\\ws\\milvus.yaml': TLS_MILVUS_YAML,
      },
      'C:\\ws\\milvus.yaml',
      path.win32,
    );
    assert.equal(location?.kind === 'host' ? location.hostPath : location?.kind, 'C:\\ws\\tls\\server.pem');
  });

  it('prefers docker-compose.yml over docker-compose.yaml, as Compose does', async () => {
    const mounting = (folder: string) =>
      `services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - ./${folder}:/milvus/tls\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n`;
    const location = await serverPem({
      '/ws/docker-compose.yaml': mounting('yaml-certs'),
      '/ws/docker-compose.yml': mounting('yml-certs'),
      '/ws/milvus.yaml': TLS_MILVUS_YAML,
    });
    assert.equal(location?.kind === 'host' ? location.hostPath : location?.kind, '/ws/yml-certs/server.pem');
  });

  it('does not take an override file alone for a project', async () => {
    const overrideOnly = `services:\n  standalone:\n    image: milvusdb/milvus:v2.5.27\n    volumes:\n      - ./tls:/milvus/tls:ro\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n`;
    const deployment = await deploymentForConfigFile(
      '/ws/milvus.yaml',
      ['/ws'],
      context({ '/ws/docker-compose.override.yml': overrideOnly, '/ws/milvus.yaml': TLS_MILVUS_YAML }),
    );
    assert.equal(deployment.kind, 'config-only');
  });
});
