// The language server's cost per keystroke: the median time from an edit of the largest shipped
// milvus.yaml (tlsMode 2, three certificates behind a compose volume) to its diagnostics, over the
// protocol, against a bare `yaml` parse of the same text in the same run. Certificates are cached by
// stat; issue 11 sets the line at 1.2x. Then, over stdio in separate processes, the same edits
// against yaml-language-server with a JSON schema of the TLS keys (what Red Hat YAML users get), and
// the resident memory of `node dist/server.js --stdio` with ten such documents open.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientCapabilities } from 'vscode-languageserver/node';
import { pathToUri } from '../../src/server/convert';
import { PUSH_DELAY_MS } from '../../src/server/pushDiagnostics';
import { copyServerCertificates, createTestPki } from '../helpers/testPki';
import { makeTempDir } from '../helpers/tempDir';
import { startHarness } from '../server/lspHarness';
import { REPO_ROOT, SHIPPED_CONFIGS_DIR } from '../unit/compose/shippedFiles';
import { docsCompose } from '../unit/rules/ruleHelpers';
import type { BenchRow } from './benchTable';
import { formatTable } from './benchTable';
import { timeTyping } from './typing';
import type { StdioServer } from './stdioLsp';
import { startStdioServer } from './stdioLsp';
import { tlsKeysSchema } from './tlsKeysSchema';

const ROUNDS = 30;
/** Untimed edits first: the servers' start-up work (certificate scan, schema load) settles. */
const WARMUP = 3;
const OPEN_DOCUMENTS = 10;
/** yaml-language-server validates 200 ms after the last change, fixed (validationDelayMs, not a setting). */
const YLS_DEBOUNCE_MS = 200;
const SERVER_JS = join(REPO_ROOT, 'dist', 'server.js');
const YLS_BIN = join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

function tlsOn(text: string): string {
  return text
    .replace(/tlsMode: 0/, 'tlsMode: 2')
    .replace(/configs\/cert\//g, '/milvus/tls/')
    .replace(/(\n {4}port:)( *#.*)?\n/, '$1 8080$2\n');
}

/**
 * Edits type into a comment on the last line: the file stays valid YAML, so every rule and every
 * certificate check runs (after a syntax error both servers would stop early and look cheaper).
 */
const TYPED_LINE = '# typed: ';

/** One character typed per round at the end of the file, sent incrementally as editors do. */
interface Typist {
  uri: string;
  line: number;
  version: number;
  column: number;
}

function typistAtEnd(uri: string, text: string): Typist {
  const lines = text.split('\n');
  return { uri, line: lines.length - 1, version: 1, column: lines.at(-1)?.length ?? 0 };
}

async function typeOne(server: StdioServer, typist: Typist): Promise<void> {
  typist.version++;
  await server.insert(typist.uri, { line: typist.line, character: typist.column++ }, 'x', typist.version);
}

/**
 * The same file with a comment line opened as the first line of its largest top-level block: the
 * server reads again only the top-level block an edit is in (segmentedConfig.ts), so typing in the
 * largest one is the worst case, where typing at the end is the usual one.
 */
function withLineInLargestBlock(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  const tops = lines.flatMap((line, index) => (/^[A-Za-z]/.test(line) ? [index] : []));
  const sizes = tops.map((start, index) => (tops[index + 1] ?? lines.length) - start);
  const largest = tops[sizes.indexOf(Math.max(...sizes))] ?? 0;
  lines.splice(largest + 1, 0, `  ${TYPED_LINE}`);
  return { text: lines.join('\n'), line: largest + 1 };
}

async function inMemoryRow(root: string, text: string, where: 'end' | 'largest block' = 'end'): Promise<BenchRow> {
  const harness = await startHarness(root);
  const largest = withLineInLargestBlock(text);
  if (where === 'largest block') text = largest.text;
  try {
    const uri = await harness.open(join(root, 'milvus.yaml'), text);
    await harness.diagnostics(uri);
    const typist = where === 'end' ? typistAtEnd(uri, text) : { uri, line: largest.line, version: 1, column: `  ${TYPED_LINE}`.length };
    const { ours, baseline } = await timeTyping(harness, uri, text, typist, ROUNDS);
    // Guards against measuring less than a real keystroke: a clean file whose certificates were read.
    const left = await harness.diagnostics(uri);
    if (left.length > 0) throw new Error(`the bench file has diagnostics: ${left.map((item) => String(item.code)).join(', ')}`);
    const hints = await harness.client.sendRequest<{ label: unknown }[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: typist.line + 1, character: 0 } },
    });
    if (hints.filter((hint) => /days left/.test(JSON.stringify(hint.label))).length < 3) throw new Error('the certificates were not read');
    const block =
      where === 'end'
        ? ''
        : `, typing in the largest top-level block (${text.split('\n')[largest.line - 1] ?? ''} ${largestBlockLines(text, largest.line)} lines)`;
    return {
      name: `${text.split('\n').length} lines, tlsMode 2, in-memory LSP, pull${block}`,
      // Issue 11's line for diagnostics: at most 1.2x a bare parse of the same text.
      ours,
      baseline,
      baselineName: 'yaml parseDocument',
      targetRatio: 1.2,
    };
  } finally {
    await harness.close();
  }
}

function largestBlockLines(text: string, firstLine: number): number {
  const lines = text.split('\n');
  const next = lines.findIndex((line, index) => index >= firstLine && /^[A-Za-z]/.test(line));
  return (next < 0 ? lines.length : next) - firstLine + 1;
}

const OURS_CONFIGURATION = (section: string | undefined): unknown => (section === 'milvusTls' ? { expiryWarningDays: 30 } : null);
const PULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
  textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {} },
};
// As Neovim before 0.10: no textDocument.diagnostic, so the server pushes.
const PUSH_CAPABILITIES: ClientCapabilities = { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } };

async function startOurs(root: string, capabilities: ClientCapabilities): Promise<StdioServer> {
  return startStdioServer({ args: [SERVER_JS, '--stdio'], cwd: REPO_ROOT, root, capabilities, configuration: OURS_CONFIGURATION });
}

/** yaml-language-server with the schema on every YAML file, the schema store off (no network). */
async function startYamlLanguageServer(root: string, schemaPath: string): Promise<StdioServer> {
  const yaml = {
    validate: true,
    schemas: { [pathToUri(schemaPath)]: ['*.yaml'] },
    schemaStore: { enable: false },
    format: { enable: false },
  };
  const server = await startStdioServer({
    args: [YLS_BIN, '--stdio'],
    cwd: REPO_ROOT,
    root,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    configuration: (section) => (section === 'yaml' ? yaml : {}),
  });
  await server.client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  // Proves the schema is applied (the configuration is pulled asynchronously): tlsMode 3 breaks its enum.
  const probe = pathToUri(join(root, 'probe-milvus.yaml'));
  const probeText = `common:\n  security:\n    tlsMode: 3\n${TYPED_LINE}`;
  const typist = typistAtEnd(probe, probeText);
  let published = server.nextPublished(probe);
  await server.open(probe, probeText);
  // Its enum message ("Value is not accepted. Valid values: 0, 1, 2.") on line 3: the schema is in use.
  for (let attempt = 0; !(await published).some((item) => item.range.start.line === 2); attempt++) {
    if (attempt === 20) throw new Error('yaml-language-server never applied the TLS keys schema');
    published = server.nextPublished(probe);
    await typeOne(server, typist);
  }
  return server;
}

type Measure = (server: StdioServer, typist: Typist) => Promise<number>;

const pullMeasure: Measure = async (server, typist) => {
  const start = performance.now();
  await typeOne(server, typist);
  await server.pull(typist.uri);
  return performance.now() - start;
};

const pushMeasure: Measure = async (server, typist) => {
  const published = server.nextPublished(typist.uri);
  const start = performance.now();
  await typeOne(server, typist);
  await published;
  return performance.now() - start;
};

async function stdioRows(root: string, text: string, schemaPath: string): Promise<BenchRow[]> {
  const contenders = [
    { name: 'ours, pull', server: await startOurs(root, PULL_CAPABILITIES), measure: pullMeasure, times: [] as number[] },
    { name: 'ours, push', server: await startOurs(root, PUSH_CAPABILITIES), measure: pushMeasure, times: [] as number[] },
    { name: 'yaml-language-server', server: await startYamlLanguageServer(root, schemaPath), measure: pushMeasure, times: [] as number[] },
  ];
  try {
    const uri = pathToUri(join(root, 'milvus.yaml'));
    const typists = new Map<string, Typist>();
    for (const contender of contenders) {
      const opened = contender.measure === pushMeasure ? contender.server.nextPublished(uri) : undefined;
      await contender.server.open(uri, text);
      await (opened ?? contender.server.pull(uri));
      typists.set(contender.name, typistAtEnd(uri, text));
    }
    // Alternating rounds, so a busy machine slows all three alike.
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const contender of contenders) {
        const typist = typists.get(contender.name);
        if (!typist) continue;
        const ms = await contender.measure(contender.server, typist);
        if (round >= WARMUP) contender.times.push(ms);
      }
    }
  } finally {
    for (const contender of contenders) await contender.server.close();
  }
  const [pull, push, yls] = contenders.map((contender) => contender.times);
  if (pull === undefined || push === undefined || yls === undefined) return [];
  const lines = text.split('\n').length;
  const baselineName = 'yaml-language-server + schema';
  return [
    { name: `${lines} lines, stdio, ours pull vs yaml-language-server push`, ours: pull, baseline: yls, baselineName },
    {
      name: `${lines} lines, stdio, ours push (${PUSH_DELAY_MS} ms debounce) vs yaml-language-server push`,
      ours: push,
      baseline: yls,
      baselineName,
    },
    {
      name: `${lines} lines, stdio, both without their debounce (ours pull; yls minus ${YLS_DEBOUNCE_MS} ms)`,
      ours: pull,
      baseline: yls.map((ms) => ms - YLS_DEBOUNCE_MS),
      baselineName: `${baselineName}, est.`,
    },
  ];
}

interface MemoryRow {
  server: string;
  idleMb: number;
  openMb: number;
  diagnostics: number;
}

async function memoryRow(name: string, server: StdioServer, root: string, text: string, pushes: boolean): Promise<MemoryRow> {
  try {
    const idle = await server.residentBytes();
    let diagnostics = 0;
    const arrived: Promise<unknown>[] = [];
    for (let index = 0; index < OPEN_DOCUMENTS; index++) {
      const uri = pathToUri(join(root, `copy-${index}-milvus.yaml`));
      const published = pushes ? server.nextPublished(uri) : undefined;
      await server.open(uri, text);
      arrived.push((published ?? server.pull(uri)).then((items) => (diagnostics += items.length)));
    }
    await Promise.all(arrived);
    return { server: name, idleMb: idle / 1_048_576, openMb: (await server.residentBytes()) / 1_048_576, diagnostics };
  } finally {
    await server.close();
  }
}

function formatMemory(rows: MemoryRow[], lines: number): string {
  const header = `| server | VmRSS after initialize | VmRSS with ${OPEN_DOCUMENTS} documents open | growth | diagnostics of the ten |`;
  const body = rows.map(
    (row) =>
      `| ${row.server} | ${row.idleMb.toFixed(0)} MB | ${row.openMb.toFixed(0)} MB | ${(row.openMb - row.idleMb).toFixed(0)} MB | ${row.diagnostics} |`,
  );
  return [
    `## Language server: resident memory, ${OPEN_DOCUMENTS} open copies of the ${lines}-line milvus.yaml (3 certificates each)`,
    header,
    '|---|---|---|---|---|',
    ...body,
  ].join('\n');
}

export async function runLanguageServerBench(): Promise<void> {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: npm run build (npm run bench builds first)`);
  const pki = await createTestPki();
  const workspace = await makeTempDir('bench-lsp');
  try {
    await copyServerCertificates(pki, join(workspace.dir, 'tls'));
    await writeFile(join(workspace.dir, 'docker-compose.yml'), docsCompose());
    const schemaPath = join(workspace.dir, 'milvus-tls-keys.schema.json');
    await writeFile(schemaPath, JSON.stringify(tlsKeysSchema(), null, 2));
    const text = `${tlsOn(await readFile(join(SHIPPED_CONFIGS_DIR, 'milvus-master-2026-08-07.yaml'), 'utf8'))}${TYPED_LINE}`;
    const rows = [
      await inMemoryRow(workspace.dir, text),
      await inMemoryRow(workspace.dir, text, 'largest block'),
      ...(await stdioRows(workspace.dir, text, schemaPath)),
    ];
    console.log(`${formatTable('Language server: edit to diagnostics (largest shipped milvus.yaml, 3 certificates)', rows)}\n`);
    const lines = text.split('\n').length;
    const memory = [
      await memoryRow('ours: node dist/server.js --stdio', await startOurs(workspace.dir, PULL_CAPABILITIES), workspace.dir, text, false),
      await memoryRow(
        'yaml-language-server --stdio + schema',
        await startYamlLanguageServer(workspace.dir, schemaPath),
        workspace.dir,
        text,
        true,
      ),
    ];
    console.log(`${formatMemory(memory, lines)}\n`);
  } finally {
    await workspace.cleanup();
    await pki.cleanup();
  }
}
