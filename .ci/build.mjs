// Bundles the three fronts with esbuild, so the .vsix ships no node_modules: the extension (vscode
// external), the language server and the CLI. Code a front needs only sometimes is imported with
// `await import('./x.js')` and becomes a bundle of its own, loaded on first use (lazyBundles.mjs):
// dist/extension/*.js (the connection test, gRPC, the snippets, the language client…) and
// dist/cli/*.js (one per subcommand, so `milvus-tls generate` does not parse the gRPC stack `ping` needs).
import { readFileSync, rmSync, watch as watchFolder } from 'node:fs';
import { build } from 'esbuild';
import { buildFront } from './lazyBundles.mjs';

const production = process.argv.includes('--production');
// The CLI's bundle test builds into a temporary folder, so that it checks the real split bundles.
const outdir = process.env.MILVUS_TLS_OUTDIR ?? 'dist';
// --watch rebuilds on every save (the F5 launch configuration's pre-launch task).
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const FRONTS = [
  { entry: 'src/extension.ts', out: 'extension', lazyDir: 'extension' },
  { entry: 'src/server/main.ts', out: 'server', lazyDir: 'server' },
  { entry: 'src/cli/main.ts', out: 'cli', lazyDir: 'cli' },
];

const options = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // The one place the version is written is package.json; src/version.ts reads this.
  define: { MILVUS_TLS_VERSION: JSON.stringify(version) },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

async function buildAll() {
  // A lazy bundle that is no longer imported must not linger (and ship in the .vsix).
  for (const front of FRONTS) rmSync(`${outdir}/${front.lazyDir}`, { recursive: true, force: true });
  const written = await Promise.all(
    FRONTS.map((front) =>
      buildFront({
        ...front,
        outdir,
        build: (more) => build({ ...options, ...more }),
      }),
    ),
  );
  return written.flat();
}

if (watch) {
  // Every save rebuilds all fronts; the problem matcher in .vscode/tasks.json waits for these two lines.
  let timer;
  const rebuild = () => {
    console.log('[watch] build started');
    buildAll().then(
      () => console.log('[watch] build finished with 0 errors'),
      (error) => console.log(`[watch] build finished with ${error.errors?.length ?? 1} errors`),
    );
  };
  watchFolder('src', { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  });
  rebuild();
} else {
  await buildAll();
}
