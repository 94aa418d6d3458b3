// A hand-written mutation run (issue 9 item 11): each mutant changes one critical spot of
// src/core/pki, src/core/rules or src/core/config the way a plausible bug would, runs the unit tests
// of that area, and counts as killed when they fail. StrykerJS would generate thousands of mutants;
// on these 2-core machines a run of them takes hours, so the table names the spots that matter.
// Usage: npm run test:mutation [-- --only ID]. The source is always restored, also on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MUTANTS } from './mutants';

const root = path.resolve(__dirname, '..', '..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const originals = new Map<string, string>();

function restoreAll(): void {
  for (const [file, text] of originals) writeFileSync(file, text);
}
process.on('SIGINT', () => {
  restoreAll();
  process.exit(130);
});

interface Outcome {
  id: string;
  area: string;
  killed: boolean;
  note: string;
}

const outcomes: Outcome[] = [];
for (const mutant of MUTANTS.filter((candidate) => only === undefined || candidate.id === only)) {
  const file = path.join(root, mutant.file);
  const original = readFileSync(file, 'utf8');
  const occurrences = original.split(mutant.find).length - 1;
  if (occurrences !== 1) {
    outcomes.push({
      id: mutant.id,
      area: mutant.file.split('/')[2] ?? '',
      killed: false,
      note: `the spot occurs ${occurrences} times: update the table`,
    });
    continue;
  }
  originals.set(file, original);
  writeFileSync(file, original.replace(mutant.find, mutant.replace));
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-timeout=120000', ...mutant.tests], {
      cwd: root,
      encoding: 'utf8',
    });
    const killed = result.status !== 0;
    outcomes.push({ id: mutant.id, area: mutant.file.split('/')[2] ?? '', killed, note: mutant.description });
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${mutant.id}: ${mutant.description}`);
  } finally {
    writeFileSync(file, original);
    originals.delete(file);
  }
}

const byArea = new Map<string, { killed: number; total: number }>();
for (const outcome of outcomes) {
  const entry = byArea.get(outcome.area) ?? { killed: 0, total: 0 };
  entry.total++;
  if (outcome.killed) entry.killed++;
  byArea.set(outcome.area, entry);
}
console.log('');
for (const [area, { killed, total }] of byArea) {
  console.log(`src/core/${area}: ${killed}/${total} killed (${Math.round((100 * killed) / total)}%)`);
}
const killed = outcomes.filter((outcome) => outcome.killed).length;
console.log(`all: ${killed}/${outcomes.length} killed (${outcomes.length === 0 ? 0 : Math.round((100 * killed) / outcomes.length)}%)`);
for (const outcome of outcomes.filter((candidate) => !candidate.killed)) console.log(`survived: ${outcome.id} (${outcome.note})`);
process.exitCode = outcomes.some((outcome) => outcome.note.startsWith('the spot occurs')) ? 2 : 0;
