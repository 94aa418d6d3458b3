// The folder layouts of the deployment agreement test: each is a set of files and what every front
// must see in it. Shipped files come from ../shared/milvus-configs so the layouts are real ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_CONFIGS_DIR } from '../../unit/compose/shippedFiles';

const shipped = (name: string): string => readFileSync(path.join(SHIPPED_CONFIGS_DIR, name), 'utf8');

export interface Layout {
  name: string;
  files: Record<string, string>;
  /** The config document the language server checks (relative). */
  document: string;
  /** What every front must report. */
  expect: {
    kind: 'compose' | 'config-only';
    tlsMode: number;
    tlsModeFrom: RegExp;
    grpcPort: number;
    restPort: number | null;
    /** Config files read, as slot → path relative to the layout (or 'image'). */
    configFiles: Record<string, string>;
    ca: string | null;
  };
}

const TLS_FILES = {
  'tls/ca.pem': 'ca',
  'tls/server.pem': 'server',
  'tls/server.key': 'key',
  'tls/client.pem': 'client',
  'tls/client.key': 'client key',
};

const mode = (value: number, http = '8080'): string =>
  `proxy:\n  http:\n    port: ${http}\ntls:\n  serverPemPath: /milvus/tls/server.pem\n  serverKeyPath: /milvus/tls/server.key\n  caPemPath: /milvus/tls/ca.pem\ncommon:\n  security:\n    tlsMode: ${value}\n`;

const compose = (image: string, volumes: string[], extra = ''): string =>
  `services:\n  standalone:\n    image: ${image}\n    command: ["milvus", "run", "standalone"]\n${extra}    volumes:\n${volumes.map((volume) => `      - ${volume}\n`).join('')}    ports:\n      - "19530:19530"\n      - "18080:8080"\n`;

export const LAYOUTS: Layout[] = [
  {
    name: 'milvus.yaml only',
    files: { 'milvus.yaml': mode(1), ...TLS_FILES },
    document: 'milvus.yaml',
    expect: {
      kind: 'config-only',
      tlsMode: 1,
      tlsModeFrom: /^milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 8080,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'milvus.yaml + user.yaml on 2.3 (user.yaml ignored)',
    files: {
      'milvus.yaml': mode(1),
      'user.yaml': 'common:\n  security:\n    tlsMode: 2\n',
      ...TLS_FILES,
      'docker-compose.yml': compose('milvusdb/milvus:v2.3.21', [
        './tls:/milvus/tls',
        './milvus.yaml:/milvus/configs/milvus.yaml',
        './user.yaml:/milvus/configs/user.yaml',
      ]),
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /^milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 18080,
      configFiles: { 'milvus.yaml': 'milvus.yaml', 'user.yaml': 'user.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'milvus.yaml + user.yaml on 2.4+ (user.yaml wins)',
    files: {
      'milvus.yaml': mode(0),
      'user.yaml': 'common:\n  security:\n    tlsMode: 2\n',
      ...TLS_FILES,
      'docker-compose.yml': compose('milvusdb/milvus:v2.4.23', [
        './tls:/milvus/tls',
        './milvus.yaml:/milvus/configs/milvus.yaml',
        './user.yaml:/milvus/configs/user.yaml',
      ]),
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 2,
      tlsModeFrom: /^user\.yaml:3$/,
      grpcPort: 19530,
      restPort: 18080,
      configFiles: { 'milvus.yaml': 'milvus.yaml', 'user.yaml': 'user.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'environment override in compose',
    files: {
      'milvus.yaml': mode(0),
      ...TLS_FILES,
      'docker-compose.yml': compose(
        'milvusdb/milvus:v2.6.20',
        ['./tls:/milvus/tls', './milvus.yaml:/milvus/configs/milvus.yaml'],
        '    environment:\n      COMMON_SECURITY_TLSMODE: "1"\n',
      ),
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /COMMON_SECURITY_TLSMODE of service standalone \(docker-compose\.yml:6\)/,
      grpcPort: 19530,
      restPort: 18080,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: '.env interpolation (published port and mounted folder)',
    files: {
      'milvus.yaml': mode(2),
      'certs/ca.pem': 'ca',
      'certs/server.pem': 'server',
      'certs/server.key': 'key',
      '.env': 'GRPC_PORT=29530\nCERTS=./certs\n',
      'docker-compose.yml': compose('milvusdb/milvus:v2.5.27', [
        '${CERTS:-./tls}:/milvus/tls',
        './milvus.yaml:/milvus/configs/milvus.yaml',
      ]).replace('"19530:19530"', '"${GRPC_PORT:-19530}:19530"'),
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 2,
      tlsModeFrom: /^milvus\.yaml:10$/,
      grpcPort: 29530,
      restPort: 18080,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'certs/ca.pem',
    },
  },
  {
    name: "config mounted as user.yaml over the image's milvus.yaml",
    files: {
      'tls-settings.yaml': mode(1),
      ...TLS_FILES,
      'docker-compose.yml': compose('milvusdb/milvus:v2.6.20', ['./tls:/milvus/tls', './tls-settings.yaml:/milvus/configs/user.yaml']),
    },
    document: 'tls-settings.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /^tls-settings\.yaml:10$/,
      grpcPort: 19530,
      restPort: 18080,
      configFiles: { 'milvus.yaml': 'image', 'user.yaml': 'tls-settings.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: "the docs' recipe on the shipped 2.6 files",
    files: {
      'milvus.yaml': shipped('milvus-v2.6.20.yaml')
        .replace('tlsMode: 0', 'tlsMode: 1')
        .replace('port:  # high-level restful api', 'port: 8080 # REST')
        .replace('serverPemPath: configs/cert/server.pem', 'serverPemPath: /milvus/tls/server.pem')
        .replace('caPemPath: configs/cert/ca.pem', 'caPemPath: /milvus/tls/ca.pem'),
      'docker-compose.yml': shipped('milvus-standalone-docker-compose-v2.6.20.yml').replace(
        '      - ${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus\n',
        '      - ${DOCKER_VOLUME_DIRECTORY:-.}/volumes/milvus:/var/lib/milvus\n      - ${DOCKER_VOLUME_DIRECTORY:-.}/tls:/milvus/tls\n      - ${DOCKER_VOLUME_DIRECTORY:-.}/milvus.yaml:/milvus/configs/milvus.yaml\n',
      ),
      ...TLS_FILES,
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /^milvus\.yaml:1010$/,
      grpcPort: 19530,
      restPort: 8080,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'two Milvus services (the first serving one is chosen)',
    files: {
      'milvus.yaml': mode(1),
      ...TLS_FILES,
      'docker-compose.yml': `${compose('milvusdb/milvus:v2.6.20', ['./tls:/milvus/tls', './milvus.yaml:/milvus/configs/milvus.yaml'])}  standalone-b:\n    image: milvusdb/milvus:v2.6.20\n    command: ["milvus", "run", "standalone"]\n    ports:\n      - "29530:19530"\n`,
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /^milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 18080,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'TLS kept in docker-compose.override.yml beside the pristine shipped file',
    files: {
      'milvus.yaml': mode(1),
      ...TLS_FILES,
      'docker-compose.yml': shipped('milvus-standalone-docker-compose-v2.5.27.yml'),
      'docker-compose.override.yml':
        'services:\n  standalone:\n    volumes:\n      - ./tls:/milvus/tls:ro\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n    ports:\n      - "8443:8080"\n',
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /^milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 8443,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'COMPOSE_FILE in .env naming the shipped file and a TLS file',
    files: {
      'config/milvus.yaml': mode(2),
      'certs/ca.pem': 'ca',
      'certs/server.pem': 'server',
      'certs/server.key': 'key',
      '.env': 'COMPOSE_FILE=milvus-standalone.yml:tls.yml\n',
      'milvus-standalone.yml': shipped('milvus-standalone-docker-compose-v2.6.20.yml'),
      'tls.yml':
        'services:\n  standalone:\n    volumes:\n      - ./certs:/milvus/tls\n      - ./config/milvus.yaml:/milvus/configs/milvus.yaml\n    ports:\n      - "8080:8080"\n',
    },
    document: 'config/milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 2,
      tlsModeFrom: /^config\/milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 8080,
      configFiles: { 'milvus.yaml': 'config/milvus.yaml' },
      ca: 'certs/ca.pem',
    },
  },
  {
    name: 'include: of the shipped file in a subfolder',
    files: {
      'milvus.yaml': mode(1),
      ...TLS_FILES,
      'compose.yaml':
        'include:\n  - milvus/docker-compose.yml\nservices:\n  standalone:\n    volumes:\n      - ./tls:/milvus/tls\n      - ./milvus.yaml:/milvus/configs/milvus.yaml\n',
      'milvus/docker-compose.yml': shipped('milvus-standalone-docker-compose-v2.6.20.yml'),
    },
    document: 'milvus.yaml',
    expect: {
      kind: 'compose',
      tlsMode: 1,
      tlsModeFrom: /^milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 8080,
      configFiles: { 'milvus.yaml': 'milvus.yaml' },
      ca: 'tls/ca.pem',
    },
  },
  {
    name: 'two milvus.yaml in subfolders',
    files: { 'a/milvus.yaml': mode(1), 'a/tls/ca.pem': 'ca', 'a/tls/server.pem': 's', 'b/milvus.yaml': mode(2, '9443') },
    document: 'a/milvus.yaml',
    expect: {
      kind: 'config-only',
      tlsMode: 1,
      tlsModeFrom: /^a\/milvus\.yaml:10$/,
      grpcPort: 19530,
      restPort: 8080,
      configFiles: { 'milvus.yaml': 'a/milvus.yaml' },
      ca: 'a/tls/ca.pem',
    },
  },
];
