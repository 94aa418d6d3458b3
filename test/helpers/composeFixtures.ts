// Compose projects as users keep them: the shipped docker-compose file left pristine, TLS added in an
// override file, a COMPOSE_FILE list in .env, include:, a local-driver bind, `~`, Windows drives.
// Each fixture says what Compose makes of it (written from compose-go's rules; the Linux ones are
// also checked against `docker-compose config` in test/integration/compose). Paths are relative to
// the fixture folder; `~/` is the home folder of the machine the test pretends to be.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHIPPED_CONFIGS_DIR } from '../unit/compose/shippedFiles';

export function shippedCompose(version: string): string {
  return readFileSync(path.join(SHIPPED_CONFIGS_DIR, `milvus-standalone-docker-compose-v${version}.yml`), 'utf8');
}

export interface ExpectedMount {
  /** Relative to the fixture folder, `~/…` below home, or `volume:NAME` / `tmpfs` / `anonymous` / `windows:C:\…`. */
  host: string;
  readOnly?: boolean;
  /** The file (relative) the mount is written in. */
  file: string;
}

export interface ComposeFixture {
  name: string;
  /** Files by path relative to the fixture folder. */
  files: Record<string, string>;
  /** A milvus.yaml the deployment reads, relative; default `milvus.yaml` when the fixture has one. */
  expected: {
    /** The project's files in merge order, relative. */
    files: string[];
    included?: string[];
    service: string;
    image: string;
    /** Container target → what backs it. */
    mounts: Record<string, ExpectedMount>;
    /** `published:target` of the Milvus service, in Compose's order. */
    ports: string[];
    environment: Record<string, string>;
    profiles?: string[];
  };
  /** Compose v1 (Debian's docker-compose 1.29) cannot read it: include:, !reset, Windows drives. */
  composeV2Only?: string;
  /** COMPOSE_FILE split on `:`, the default separator everywhere but Windows (where it is `;`). */
  colonSeparatedList?: true;
}

/** milvus.yaml for one-way TLS with the certificates at /milvus/tls, the REST port apart. */
export const TLS_MILVUS_YAML = `tls:
  serverPemPath: /milvus/tls/server.pem
  serverKeyPath: /milvus/tls/server.key
  caPemPath: /milvus/tls/ca.pem
common:
  security:
    tlsMode: 1
proxy:
  http:
    port: 8080
`;

const SHIPPED_STANDALONE_ENV = { ETCD_ENDPOINTS: 'etcd:2379', MINIO_ADDRESS: 'minio:9000', MINIO_REGION: 'us-east-1' };
const SHIPPED_DATA_MOUNT: ExpectedMount = { host: 'volumes/milvus', file: 'docker-compose.yml' };

export const COMPOSE_FIXTURES: ComposeFixture[] = [
  {
    name: 'override-tls',
    files: {
      'docker-compose.yml': shippedCompose('2.5.27'),
      'docker-compose.override.yml': `services:
  standalone:
    volumes:
      - ./tls:/milvus/tls:ro
      - ./milvus.yaml:/milvus/configs/milvus.yaml
    ports:
      - "8080:8080"
    environment:
      MINIO_REGION: eu-west-1
`,
      'milvus.yaml': TLS_MILVUS_YAML,
    },
    expected: {
      files: ['docker-compose.yml', 'docker-compose.override.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.5.27',
      mounts: {
        '/var/lib/milvus': SHIPPED_DATA_MOUNT,
        '/milvus/tls': { host: 'tls', readOnly: true, file: 'docker-compose.override.yml' },
        '/milvus/configs/milvus.yaml': { host: 'milvus.yaml', file: 'docker-compose.override.yml' },
      },
      ports: ['19530:19530', '9091:9091', '8080:8080'],
      environment: { ...SHIPPED_STANDALONE_ENV, MINIO_REGION: 'eu-west-1' },
    },
  },
  {
    name: 'override-replaces-mount-and-image',
    files: {
      'docker-compose.yml': shippedCompose('2.4.23'),
      'docker-compose.override.yaml': `services:
  standalone:
    image: milvusdb/milvus:v2.4.24
    volumes:
      - /srv/milvus-data:/var/lib/milvus
      - ~/milvus/tls:/milvus/tls:ro
      - type: bind
        source: ./configs/user.yaml
        target: /milvus/configs/user.yaml
        read_only: true
    ports:
      - "19530:19530"
      - "8080:8080"
`,
    },
    expected: {
      files: ['docker-compose.yml', 'docker-compose.override.yaml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.4.24',
      mounts: {
        '/var/lib/milvus': { host: '/srv/milvus-data', file: 'docker-compose.override.yaml' },
        '/milvus/tls': { host: '~/milvus/tls', readOnly: true, file: 'docker-compose.override.yaml' },
        '/milvus/configs/user.yaml': { host: 'configs/user.yaml', readOnly: true, file: 'docker-compose.override.yaml' },
      },
      ports: ['19530:19530', '9091:9091', '8080:8080'],
      environment: SHIPPED_STANDALONE_ENV,
    },
  },
  {
    name: 'compose-file-in-dotenv',
    files: {
      '.env': 'COMPOSE_FILE=milvus-standalone.yml:tls.yml\nTLS_DIR=./certs\n',
      // Compose ignores the default file when COMPOSE_FILE names others.
      'docker-compose.yml': 'services:\n  decoy:\n    image: milvusdb/milvus:v2.3.21\n',
      'milvus-standalone.yml': shippedCompose('2.6.20'),
      'tls.yml': `services:
  standalone:
    volumes:
      - \${TLS_DIR:-./tls}:/milvus/tls:ro
      - \${CONFIG_FILE:-./milvus.yaml}:/milvus/configs/milvus.yaml
`,
      'milvus.yaml': TLS_MILVUS_YAML,
    },
    expected: {
      files: ['milvus-standalone.yml', 'tls.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.6.20',
      mounts: {
        '/var/lib/milvus': { host: 'volumes/milvus', file: 'milvus-standalone.yml' },
        '/milvus/tls': { host: 'certs', readOnly: true, file: 'tls.yml' },
        '/milvus/configs/milvus.yaml': { host: 'milvus.yaml', file: 'tls.yml' },
      },
      ports: ['19530:19530', '9091:9091'],
      environment: SHIPPED_STANDALONE_ENV,
    },
    colonSeparatedList: true,
  },
  {
    name: 'compose-file-separator',
    files: {
      '.env': 'COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=deploy/base.yml;deploy/tls.yml\nDOCKER_VOLUME_DIRECTORY=/srv/milvus\n',
      'deploy/base.yml': shippedCompose('2.6.20'),
      // Relative paths of every listed file resolve against the first file's folder.
      'deploy/tls.yml':
        'services:\n  standalone:\n    volumes:\n      - ../tls:/milvus/tls\n      - ./milvus.yaml:/milvus/configs/milvus.yaml:ro\n',
      'deploy/milvus.yaml': TLS_MILVUS_YAML,
    },
    expected: {
      files: ['deploy/base.yml', 'deploy/tls.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.6.20',
      mounts: {
        '/var/lib/milvus': { host: '/srv/milvus/volumes/milvus', file: 'deploy/base.yml' },
        '/milvus/tls': { host: 'tls', file: 'deploy/tls.yml' },
        '/milvus/configs/milvus.yaml': { host: 'deploy/milvus.yaml', readOnly: true, file: 'deploy/tls.yml' },
      },
      ports: ['19530:19530', '9091:9091'],
      environment: SHIPPED_STANDALONE_ENV,
    },
  },
  {
    name: 'named-volume-bind',
    files: {
      'docker-compose.yml': shippedCompose('2.6.20'),
      'docker-compose.override.yml': `services:
  standalone:
    volumes:
      - certs:/milvus/tls:ro
      - milvus-config:/milvus/configs
      - type: tmpfs
        target: /tmp/scratch
volumes:
  certs:
    driver: local
    driver_opts:
      type: none
      o: bind
      device: /srv/milvus/certs
  milvus-config: {}
`,
    },
    expected: {
      files: ['docker-compose.yml', 'docker-compose.override.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.6.20',
      mounts: {
        '/var/lib/milvus': SHIPPED_DATA_MOUNT,
        '/milvus/tls': { host: '/srv/milvus/certs', readOnly: true, file: 'docker-compose.override.yml' },
        '/milvus/configs': { host: 'volume:milvus-config', file: 'docker-compose.override.yml' },
        '/tmp/scratch': { host: 'tmpfs', file: 'docker-compose.override.yml' },
      },
      ports: ['19530:19530', '9091:9091'],
      environment: SHIPPED_STANDALONE_ENV,
    },
  },
  {
    name: 'profile-only-service',
    files: {
      'compose.yml': shippedCompose('2.5.27').replace('  standalone:\n', '  standalone:\n    profiles: ["tls"]\n'),
      'compose.override.yml': 'services:\n  standalone:\n    volumes:\n      - ./tls:/milvus/tls\n',
    },
    expected: {
      files: ['compose.yml', 'compose.override.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.5.27',
      mounts: {
        '/var/lib/milvus': { host: 'volumes/milvus', file: 'compose.yml' },
        '/milvus/tls': { host: 'tls', file: 'compose.override.yml' },
      },
      ports: ['19530:19530', '9091:9091'],
      environment: SHIPPED_STANDALONE_ENV,
      profiles: ['tls'],
    },
  },
  {
    name: 'include',
    files: {
      'compose.yaml': 'include:\n  - milvus/docker-compose.yml\nservices:\n  standalone:\n    volumes:\n      - ./tls:/milvus/tls:ro\n',
      // The included file's relative paths resolve against its own folder.
      'milvus/docker-compose.yml': shippedCompose('2.6.20'),
    },
    expected: {
      files: ['compose.yaml'],
      included: ['milvus/docker-compose.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.6.20',
      mounts: {
        '/var/lib/milvus': { host: 'milvus/volumes/milvus', file: 'milvus/docker-compose.yml' },
        '/milvus/tls': { host: 'tls', readOnly: true, file: 'compose.yaml' },
      },
      ports: ['19530:19530', '9091:9091'],
      environment: SHIPPED_STANDALONE_ENV,
    },
    composeV2Only: 'include: arrived in Compose 2.20',
  },
  {
    name: 'reset-and-override-tags',
    files: {
      'docker-compose.yml': shippedCompose('2.6.20'),
      'docker-compose.override.yml': `services:
  standalone:
    ports: !override
      - "29530:19530"
    volumes: !reset []
    environment:
      ETCD_ENDPOINTS: etcd-tls:2379
`,
    },
    expected: {
      files: ['docker-compose.yml', 'docker-compose.override.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.6.20',
      mounts: {},
      ports: ['29530:19530'],
      environment: { ...SHIPPED_STANDALONE_ENV, ETCD_ENDPOINTS: 'etcd-tls:2379' },
    },
    composeV2Only: '!reset and !override arrived in Compose 2.24',
  },
  {
    name: 'windows-drive-paths',
    files: {
      'docker-compose.yml': shippedCompose('2.6.20'),
      'docker-compose.override.yml':
        'services:\n  standalone:\n    volumes:\n      - C:\\Users\\me\\milvus\\tls:/milvus/tls:ro\n      - D:/milvus/milvus.yaml:/milvus/configs/milvus.yaml\n',
    },
    expected: {
      files: ['docker-compose.yml', 'docker-compose.override.yml'],
      service: 'standalone',
      image: 'milvusdb/milvus:v2.6.20',
      mounts: {
        '/var/lib/milvus': SHIPPED_DATA_MOUNT,
        '/milvus/tls': { host: 'windows:C:\\Users\\me\\milvus\\tls', readOnly: true, file: 'docker-compose.override.yml' },
        '/milvus/configs/milvus.yaml': { host: 'windows:D:/milvus/milvus.yaml', file: 'docker-compose.override.yml' },
      },
      ports: ['19530:19530', '9091:9091'],
      environment: SHIPPED_STANDALONE_ENV,
    },
    composeV2Only: 'Compose v1 on Linux does not read Windows drive paths as compose-go does',
  },
];

/** Writes a fixture (and extra files, which the fixture's own override) into `<root>/<name>`; returns that folder. */
export async function writeFixture(fixture: ComposeFixture, root: string, extraFiles: Record<string, string> = {}): Promise<string> {
  const dir = path.join(root, fixture.name);
  for (const [relative, text] of Object.entries({ ...extraFiles, ...fixture.files })) {
    const file = path.join(dir, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return dir;
}
