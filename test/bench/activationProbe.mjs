// Loads an extension bundle the way VS Code's extension host does (require), against a stand-in
// `vscode` on which every call succeeds and does nothing, then calls activate(). Prints the
// milliseconds of both as JSON: the main-thread cost that VS Code reports as the activation time
// (codeLoadingTime + activateCallTime). Plain JavaScript, so no loader sits between require and the file.
// Usage: node activationProbe.mjs <extension.js> <@types/vscode/index.d.ts>
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [bundle, vscodeTypes] = process.argv.slice(2);
// Every top-level name of the API, so that `import * as vscode` in the bundle finds them all.
const names = new Set(
  [...readFileSync(vscodeTypes, 'utf8').matchAll(/^\s+export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]),
);

function standIn() {
  const target = function () {};
  const proxy = new Proxy(target, {
    get(t, prop) {
      if (prop === 'then') return undefined;
      if (prop === 'prototype') return t.prototype;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'version') return '1.100.0';
      if (prop === 'textDocuments' || prop === 'workspaceFolders' || prop === 'visibleTextEditors') return [];
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy,
    set: () => true,
    defineProperty: () => true,
    ownKeys: (t) => [...new Set([...Reflect.ownKeys(t), ...names])],
    getOwnPropertyDescriptor: (t, prop) =>
      Reflect.getOwnPropertyDescriptor(t, prop) ?? (names.has(prop) ? { configurable: true, enumerable: true, value: proxy } : undefined),
  });
  return proxy;
}

const vscode = standIn();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
// What activate() starts in the background talks to the stand-in and may fail; only the timing counts.
process.on('unhandledRejection', () => undefined);
const require = createRequire(import.meta.url);
const start = performance.now();
const extension = require(bundle);
const loaded = performance.now();
extension.activate({ subscriptions: [], extension: { packageJSON: { version: '0.0.0' } }, asAbsolutePath: (path) => path });
const activated = performance.now();
process.stdout.write(`${JSON.stringify({ loadMs: loaded - start, activateMs: activated - loaded })}\n`);
process.exit(0);
