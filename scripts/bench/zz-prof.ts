import { compilePack, evaluate } from '../../rules/engine';
import { defaultPack } from '../../rules/packs/default';
import { generateRecords, toSnapshots, TEN_RULES, handWritten } from './engine';
const records = generateRecords(10000);
const snaps = records.map(toSnapshots);
const compiled = compilePack(defaultPack());
const only = new Set<string>(TEN_RULES);
const none = new Set<string>();
const now = Date.UTC(2026, 10, 1);
const mode = process.argv[2] ?? 'all';
for (let k = 0; k < 6; k++) {
  let t = performance.now();
  for (const s of snaps) evaluate(compiled, s, { now, only, fieldKeys: [] });
  const ten = performance.now() - t;
  t = performance.now();
  for (const s of snaps) evaluate(compiled, s, { now, only: none, fieldKeys: [] });
  const empty = performance.now() - t;
  t = performance.now();
  for (const r of records) handWritten(r);
  const hand = performance.now() - t;
  if (mode === 'all') console.log(`ten ${ten.toFixed(1)}  no-rules ${empty.toFixed(1)}  hand ${hand.toFixed(1)}`);
}
