// Benchmark for the certificate explorer's engine: scan + inspect a generated tree of 20,000 files
// holding 500 certificates, against a bare recursive listing of the same tree, in the same run,
// alternating, several rounds; plus how soon the first certificates are available while streaming,
// and the Certificates view's own pass (folderScan.ts, the same walker) with node:fs standing in for
// vscode.workspace.fs: a first scan, and a rescan after a watcher event when nothing changed.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { rescanFolders } from '../../src/client/certExplorer/folderScan';
import { ScannedFiles } from '../../src/client/certExplorer/scannedFiles';
import { clearInspectionCaches, inspectFiles, readPemOrDer, scanFolder, scanFolderBatches } from '../../src/core/inspect';
import { nodeFileSystem } from '../../src/core/workspace';
import { formatTable } from './benchTable';

const run = promisify(execFile);

const TOTAL_FILES = 20_000;
const CERTIFICATE_FILES = 500;
const KEY_FILES = 100;
const TOP_FOLDERS = 20;
const SUBFOLDERS = 10;
const ROUNDS = 5;
const LEAVES = 24;

interface Material {
  certificates: string[];
  keys: string[];
}

/** A CA and 24 leaves with openssl (not timed): the tree is made of copies of these 25. */
async function makeMaterial(dir: string): Promise<Material> {
  const openssl = (...args: string[]): Promise<unknown> => run('openssl', args, { cwd: dir });
  await openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key');
  await openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    '/CN=Bench CA',
    '-days',
    '365',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
    '-out',
    'ca.pem',
  );
  const makeLeaf = async (i: number): Promise<void> => {
    await openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `leaf${i}.key`);
    await openssl('req', '-new', '-key', `leaf${i}.key`, '-subj', `/CN=leaf${i}.bench`, '-out', `leaf${i}.csr`);
    await writeFile(join(dir, `leaf${i}.ext`), `[ext]\nsubjectAltName=DNS:leaf${i}.bench\nextendedKeyUsage=serverAuth\n`);
    await openssl(
      'x509',
      '-req',
      '-in',
      `leaf${i}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      String(i + 2),
      '-days',
      String(20 + i * 15),
      '-extfile',
      `leaf${i}.ext`,
      '-extensions',
      'ext',
      '-out',
      `leaf${i}.pem`,
    );
  };
  for (let i = 0; i < LEAVES; i += 4) await Promise.all([0, 1, 2, 3].map((offset) => makeLeaf(i + offset)));
  const names = ['ca', ...Array.from({ length: LEAVES }, (_, i) => `leaf${i}`)];
  return {
    certificates: await Promise.all(names.map((name) => readFile(join(dir, `${name}.pem`), 'utf8'))),
    keys: await Promise.all(names.map((name) => readFile(join(dir, `${name}.key`), 'utf8'))),
  };
}

/** 20 x 10 folders of 100 files: certificates and keys spread evenly among source-like files. */
async function makeTree(root: string, material: Material): Promise<void> {
  const perFolder = TOTAL_FILES / (TOP_FOLDERS * SUBFOLDERS);
  const writes: (() => Promise<void>)[] = [];
  let index = 0;
  for (let top = 0; top < TOP_FOLDERS; top++) {
    for (let sub = 0; sub < SUBFOLDERS; sub++) {
      const folder = join(root, `pkg${top}`, `mod${sub}`);
      await mkdir(folder, { recursive: true });
      for (let file = 0; file < perFolder; file++, index++) {
        // Every 40th file is a certificate (500 in all), every 200th (offset) a key, the rest code.
        let name: string;
        let contents: string;
        if (index % 40 === 0) {
          name = `cert${index}.pem`;
          contents = material.certificates[(index / 40) % material.certificates.length] ?? '';
        } else if (index % 200 === 7) {
          name = `key${index}.key`;
          contents = material.keys[Math.floor(index / 200) % material.keys.length] ?? '';
        } else {
          name = `file${index}.ts`;
          contents = `export const value${index} = ${index};\n`;
        }
        writes.push(() => writeFile(join(folder, name), contents, { mode: name.endsWith('.key') ? 0o600 : 0o644 }));
      }
    }
  }
  for (let i = 0; i < writes.length; i += 256) await Promise.all(writes.slice(i, i + 256).map((write) => write()));
}

async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await task();
  return { ms: performance.now() - start, value };
}

/** Time until the first certificate of the tree has been read and parsed, while streaming. */
async function timeToFirstCertificate(root: string): Promise<number> {
  const start = performance.now();
  for await (const batch of scanFolderBatches(root)) {
    for (const file of batch) {
      if (file.bytes instanceof Error) continue;
      if (readPemOrDer(file.bytes, file.path).objects.some((object) => object.kind === 'certificate')) return performance.now() - start;
    }
  }
  return Number.NaN;
}

/** One pass of the Certificates view over `root`, with the inspections it runs to show progress and the result. */
async function viewScan(root: string, files: ScannedFiles): Promise<void> {
  const inspect = (): unknown => files.inspect(new Date(), { warnDays: 30 });
  const result = await rescanFolders(nodeFileSystem(), [{ root, exclude: () => false }], files, {
    changed: new Set(),
    isCurrent: () => true,
    onProgress: inspect,
  });
  if (!result || result.found !== CERTIFICATE_FILES + KEY_FILES) throw new Error(`the view's scan found ${result?.found ?? 'nothing'}`);
  inspect();
}

export async function runInspectBench(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'milvus-tls-bench-inspect-'));
  try {
    const material = await makeMaterial(await mkdtemp(join(root, 'material-')));
    const tree = join(root, 'tree');
    await makeTree(tree, material);
    const listing: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const firstCertificate: number[] = [];
    const viewFirst: number[] = [];
    const viewRescan: number[] = [];
    let summary = '';
    // Warm-up round (file system cache, JIT), not counted.
    await readdir(tree, { recursive: true });
    inspectFiles(await scanFolder(tree));
    for (let round = 0; round < ROUNDS; round++) {
      const listed = await timed(() => readdir(tree, { recursive: true }));
      listing.push(listed.ms);
      // Cold = a fresh process (the CLI): parsed-content caches empty. Copies of one certificate
      // are still parsed once within the run, which is what the CLI really does.
      clearInspectionCaches();
      const inspected = await timed(async () => inspectFiles(await scanFolder(tree)));
      cold.push(inspected.ms);
      // Warm = the tree view re-inspecting after a file-watcher event: contents already parsed.
      warm.push((await timed(async () => inspectFiles(await scanFolder(tree)))).ms);
      clearInspectionCaches();
      firstCertificate.push(await timeToFirstCertificate(tree));
      clearInspectionCaches();
      const files = new ScannedFiles();
      viewFirst.push((await timed(() => viewScan(tree, files))).ms);
      viewRescan.push((await timed(() => viewScan(tree, files))).ms);
      const result = inspected.value;
      const distinct = new Set(result.certificates.map((cert) => cert.fingerprintSha256)).size;
      summary =
        `${listed.value.length} entries listed; inspected ${result.certificates.length} certificates (${distinct} distinct), ` +
        `${result.keys.length} keys, ${result.errors.length} unreadable, ${result.findings.length} findings`;
    }
    console.log(
      formatTable(
        `Certificate inspection: ${TOTAL_FILES} files holding ${CERTIFICATE_FILES} certificates and ${KEY_FILES} keys`,
        [
          { name: 'scan + inspect, cold (as the CLI)', ours: cold, baseline: listing, baselineName: 'bare recursive readdir' },
          {
            name: 'scan + inspect, warm (tree refresh, parse cache hit)',
            ours: warm,
            baseline: listing,
            baselineName: 'bare recursive readdir',
          },
          {
            name: 'first certificate parsed while streaming, cold',
            ours: firstCertificate,
            baseline: cold,
            baselineName: 'full cold scan',
          },
          {
            name: 'Certificates view: first scan, cold (node:fs for vscode.workspace.fs)',
            ours: viewFirst,
            baseline: listing,
            baselineName: 'bare recursive readdir',
          },
          {
            name: 'Certificates view: rescan, nothing changed (walks, reads 0)',
            ours: viewRescan,
            baseline: listing,
            baselineName: 'bare recursive readdir',
          },
        ],
        `${ROUNDS} alternating rounds after one warm-up; ${summary}.`,
      ),
    );
    console.log();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
