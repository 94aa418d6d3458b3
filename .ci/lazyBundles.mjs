// Code loaded on first use. A dynamic `import('./x.js')` of one of our own modules becomes a bundle of
// its own, and the importer loads it with require() when the import runs:
//   - The bundles are CommonJS (VS Code loads extensions with require, and Node 20's CLI starts
//     fastest that way), and esbuild splits code only for ESM output. So each lazily imported module is
//     an entry point of its own, in `<front>/<name>.js` next to the front's main bundle.
//   - The importer gets a three-line stand-in instead of the module: `module.exports = require(path)`.
//     An `import()` left as it is would also work, but Node sends it through the ESM loader, which
//     scans the whole CommonJS file for export names (cjs-module-lexer: 24 ms of a 137 ms
//     `milvus-tls generate` on a 418 KB bundle); require() does not.
//   - What the lazy bundle shares with its importer is bundled into both: classes are not the same
//     object on the two sides (no `instanceof` across the line), and module state is kept twice.
//     Cut where plain data and functions cross.
import { existsSync } from 'node:fs';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';

const STUB_NAMESPACE = 'lazy-bundle';
const SOURCE_ROOT = resolve('src') + '/';

/** The .ts source an import specifier names (`./generate.js` → generate.ts, `./dir` → dir/index.ts). */
function sourceOf(specifier, importerDir) {
  const base = resolve(importerDir, specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The plugin for one build: `dir` is the output folder of the bundles being built (where require()
 * starts from) and `lazyDir` the front's folder of lazy bundles. Every lazily imported source is added
 * to `found` (source path → bundle name), so the caller can build those next.
 */
function lazyImports({ dir, lazyDir, found }) {
  return {
    name: 'lazy-bundles',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
        const source = sourceOf(args.path, args.resolveDir);
        if (!source || !source.startsWith(SOURCE_ROOT)) return undefined;
        const name = basename(source, '.ts') === 'index' ? basename(dirname(source)) : basename(source, '.ts');
        const clash = [...found].find(([other, otherName]) => otherName === name && other !== source);
        if (clash) throw new Error(`lazy bundles ${source} and ${clash[0]} would both be ${lazyDir}/${name}.js: rename one`);
        found.set(source, name);
        return { path: source, namespace: STUB_NAMESPACE, pluginData: { name } };
      });
      b.onLoad({ filter: /.*/, namespace: STUB_NAMESPACE }, (args) => {
        const target = posix.join(relative(dir, lazyDir).split('\\').join('/') || '.', `${args.pluginData.name}.js`);
        const path = target.startsWith('.') ? target : `./${target}`;
        return { contents: `module.exports = require(${JSON.stringify(path)});\n`, loader: 'js', resolveDir: dir };
      });
      // The stand-in's require() stays a require() of the built file, resolved at run time.
      b.onResolve({ filter: /.*/, namespace: STUB_NAMESPACE }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/**
 * Builds one front (an entry such as src/extension.ts → dist/extension.js) and, one round after the
 * other, every module it imports lazily, and what those import lazily, into `lazyDir`.
 * `build(options)` runs esbuild with the shared options; returns the bundles written.
 */
export async function buildFront({ entry, out, lazyDir, outdir, build }) {
  const found = new Map();
  const mainDir = dirname(join(outdir, out));
  const absoluteLazyDir = join(outdir, lazyDir);
  await build({ entryPoints: [{ in: entry, out }], outdir, plugins: [lazyImports({ dir: mainDir, lazyDir: absoluteLazyDir, found })] });
  const written = [`${out}.js`];
  const built = new Set();
  for (;;) {
    const pending = [...found].filter(([source]) => !built.has(source));
    if (pending.length === 0) return written;
    for (const [source] of pending) built.add(source);
    await build({
      entryPoints: pending.map(([source, name]) => ({ in: source, out: name })),
      outdir: absoluteLazyDir,
      plugins: [lazyImports({ dir: absoluteLazyDir, lazyDir: absoluteLazyDir, found })],
    });
    written.push(...pending.map(([, name]) => `${lazyDir}/${name}.js`));
  }
}
