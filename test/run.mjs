// Runs the test tiers named on the command line (unit, server, integration, e2e) with Node's own
// test runner, TypeScript loaded by tsx. Node 20's --test takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  let out = [];
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(testFiles(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const tiers = process.argv.slice(2);
const files = tiers.flatMap((tier) => testFiles(join('test', tier)));
if (files.length === 0) {
  console.error(`no test files in: ${tiers.join(', ')}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
// A hung test (a handshake that never answers) fails instead of hanging CI: no single test may take
// longer than this. End-to-end tests drive a browser and get more.
const timeoutMs = process.env.TEST_TIMEOUT_MS ?? (tiers.includes('e2e') ? '600000' : '180000');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, `--test-timeout=${timeoutMs}`, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
