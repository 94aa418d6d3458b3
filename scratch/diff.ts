import { lineDiffEdits } from '../src/core/edit/textDiff';
import { applyTextEdits } from '../src/core/edit';
let seed = 1;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
let fails = 0;
for (let round = 0; round < 3000; round++) {
  const n = Math.floor(rand() * 12);
  const a = Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rand() * 4)));
  const b = [...a];
  const ops = Math.floor(rand() * 5);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(rand() * (b.length + 1));
    if (rand() < 0.5 && b.length > 0) b.splice(Math.min(at, b.length - 1), 1); else b.splice(at, 0, String.fromCharCode(97 + Math.floor(rand() * 4)));
  }
  const eol = rand() < 0.3 ? '\r\n' : '\n';
  const before = a.map((l) => l + eol).join('') + (rand() < 0.2 ? 'tail' : '');
  const after = b.map((l) => l + eol).join('') + (rand() < 0.2 ? 'tail' : '');
  const edits = lineDiffEdits(before, after);
  let got: string;
  try { got = applyTextEdits(before, edits); } catch (e) { got = 'ERR ' + String(e); }
  if (got !== after) { fails++; if (fails < 4) console.log(JSON.stringify({ before, after, edits, got })); }
}
console.log('fails', fails);
