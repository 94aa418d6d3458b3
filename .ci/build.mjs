// Bundles the three entry points with esbuild: the extension (vscode external), the language
// server and the CLI. One file each, so the .vsix ships no node_modules.
import { existsSync } from 'node:fs';
import { build, context } from 'esbuild';

const production = process.argv.includes('--production');
// --watch rebuilds on every save (the F5 launch configuration's pre-launch task).
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/cli/main.ts', out: 'cli' },
];

const options = {
  entryPoints: entries.filter((e) => existsSync(e.in)).map((e) => ({ in: e.in, out: e.out })),
  outdir: 'dist',
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
    // The problem matcher in .vscode/tasks.json waits for these two lines.
    plugins: [{
      name: 'watch-log',
      setup(b) {
        b.onStart(() => console.log('[watch] build started'));
        b.onEnd((result) => console.log(`[watch] build finished with ${result.errors.length} errors`));
      },
    }],
  });
  await ctx.watch();
} else {
  await build(options);
}
