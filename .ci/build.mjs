// Bundles the three entry points with esbuild: the extension (vscode external), the language
// server and the CLI. One file each, so the .vsix ships no node_modules.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const production = process.argv.includes('--production');

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/server/main.ts', out: 'server' },
  { in: 'src/cli/main.ts', out: 'cli' },
];

await build({
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
});
