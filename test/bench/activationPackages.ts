// The two extensions the activation bench compares, built from the same sources into a temporary
// folder (dist/ is left alone): ours, as .ci/build.mjs --production builds it (a small activation
// bundle, the rest in dist/extension/*.js loaded on first use), and the same code as one bundle, as
// the extension was built before the split. Each can be packaged into a .vsix for code-server.
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, runProcess } from '../helpers/spawnHelpers';

export interface ExtensionBuild {
  name: string;
  /** The folder holding package.json and dist/, ready to package. */
  folder: string;
  /** What activation loads: dist/extension.js. */
  main: string;
}

const PACKAGED = ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'syntaxes'];

async function stageManifest(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const name of PACKAGED) await cp(join(REPO_ROOT, name), join(folder, name), { recursive: true });
  const manifest = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  // The bundles are built here already; vsce must not rebuild them into the repository's dist/.
  delete manifest.scripts['vscode:prepublish'];
  await writeFile(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
}

/** Ours: .ci/build.mjs --production into folder/dist. */
export async function buildOurs(folder: string): Promise<ExtensionBuild> {
  await stageManifest(folder);
  const result = await runProcess(process.execPath, [join(REPO_ROOT, '.ci', 'build.mjs'), '--production'], {
    cwd: REPO_ROOT,
    env: { ...process.env, MILVUS_TLS_OUTDIR: join(folder, 'dist') },
  });
  if (result.code !== 0) throw new Error(`build failed: ${result.stderr}`);
  return { name: 'ours', folder, main: join(folder, 'dist', 'extension.js') };
}

/** The same sources as one minified bundle (every dynamic import inlined), next to our server.js. */
export async function buildOneBundle(folder: string, ours: ExtensionBuild): Promise<ExtensionBuild> {
  await stageManifest(folder);
  const { version } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  await build({
    entryPoints: [join(REPO_ROOT, 'src', 'extension.ts')],
    outfile: join(folder, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    minify: true,
    define: { MILVUS_TLS_VERSION: JSON.stringify(version) },
    logLevel: 'error',
  });
  await cp(join(ours.folder, 'dist', 'server.js'), join(folder, 'dist', 'server.js'));
  return { name: 'one bundle', folder, main: join(folder, 'dist', 'extension.js') };
}

export async function kilobytes(path: string): Promise<number> {
  return (await stat(path)).size / 1024;
}

/** Packages the build into folder/<name>.vsix with the repository's vsce. */
export async function packageVsix(extension: ExtensionBuild): Promise<string> {
  const vsix = join(extension.folder, 'extension.vsix');
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = await runProcess(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix],
    { cwd: extension.folder },
  );
  if (result.code !== 0) throw new Error(`vsce package failed in ${extension.folder}: ${result.stdout}${result.stderr}`);
  return vsix;
}
