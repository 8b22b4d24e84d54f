import { compilePack, evaluate } from '../../rules/engine';
import { defaultPack } from '../../rules/packs/default';
import { generateRecords, toSnapshots, TEN_RULES } from './engine';
const records = generateRecords(10000);
const snaps = records.map(toSnapshots);
const compiled = compilePack(defaultPack());
const now = Date.UTC(2026, 10, 1);
const none = new Set<string>();
for (let k = 0; k < 3; k++) {
  const row: string[] = [];
  let t = performance.now();
  for (const s of snaps) evaluate(compiled, s, { now, only: none, fieldKeys: [] });
  const base = performance.now() - t;
  row.push(`base ${base.toFixed(0)}`);
  for (const id of TEN_RULES) {
    const only = new Set([id]);
    t = performance.now();
    let n = 0;
    for (const s of snaps) n += evaluate(compiled, s, { now, only, fieldKeys: [] }).findings.length;
    row.push(`${id.slice(0, 18)} ${(performance.now() - t - base).toFixed(0)} (${n})`);
  }
  console.log(row.join(' | '));
}
