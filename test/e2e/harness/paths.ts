// Where the end-to-end harness finds its tools and puts its results. The code-server location must
// match .ci/e2e-setup.sh, which installs it (same cache folder, same version file).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export const CODE_SERVER_VERSION = readFileSync(join(REPO_ROOT, '.ci', 'code-server-version'), 'utf8').trim();

export const CACHE_ROOT = process.env.MILVUS_TLS_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'milvus-tls');

/** code-server's Node entry point, run with the same Node that runs the tests (it needs Node 20). */
export const CODE_SERVER_ENTRY = join(
  CACHE_ROOT,
  `code-server-${CODE_SERVER_VERSION}`,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

/** The package that `npm run package` builds: the tests drive what users install, not the sources. */
export const VSIX = join(REPO_ROOT, 'milvus-tls.vsix');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

export const EXAMPLE_WORKSPACE = join(REPO_ROOT, 'examples', 'milvus-standalone');
