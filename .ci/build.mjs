// Bundles the entry points with esbuild: the extension (vscode external), the language server and the
// CLI, so the .vsix ships no node_modules. Each CLI subcommand is a bundle of its own (dist/cli/<name>.js),
// loaded by dist/cli.js on demand: `milvus-tls generate` does not parse the gRPC stack that `ping` needs.
import { existsSync, readdirSync } from 'node:fs';
import { build, context } from 'esbuild';

const production = process.argv.includes('--production');
// The CLI's bundle test builds into a temporary folder, so that it checks the real split bundles.
const outdir = process.env.MILVUS_TLS_OUTDIR ?? 'dist';
// --watch rebuilds on every save (the F5 launch configuration's pre-launch task).
const watch = process.argv.includes('--watch');

const cliMain = 'src/cli/main.ts';
// A subcommand is a file of src/cli/ that main.ts imports as './<name>.js'.
const mainSource = existsSync(cliMain) ? (await import('node:fs')).readFileSync(cliMain, 'utf8') : '';
const subcommands = readdirSync('src/cli')
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => mainSource.includes(`import('./${name}.js')`));

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: cliMain, out: 'cli' },
  ...subcommands.map((name) => ({ in: `src/cli/${name}.ts`, out: `cli/${name}` })),
];

/** Keeps main.ts's `import('./<name>.js')` out of the main bundle, pointing at dist/cli/<name>.js. */
const lazySubcommands = {
  name: 'lazy-subcommands',
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      const name = args.path.slice(2, -3);
      if (!args.importer.endsWith('src/cli/main.ts') || !subcommands.includes(name)) return undefined;
      return { path: `./cli/${name}.js`, external: true };
    });
  },
};

const options = {
  entryPoints: entries.filter((e) => existsSync(e.in)),
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

if (watch) {
  const ctx = await context({
    ...options,
    plugins: [lazySubcommands, {
      // The problem matcher in .vscode/tasks.json waits for these two lines.
      name: 'watch-log',
      setup(b) {
        b.onStart(() => console.log('[watch] build started'));
        b.onEnd((result) => console.log(`[watch] build finished with ${result.errors.length} errors`));
      },
    }],
  });
  await ctx.watch();
} else {
  await build({ ...options, plugins: [lazySubcommands] });
}
