/** `npm run bench`: every benchmark, medians and ratios measured in the same run. Timings never gate tests. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { runHubBench } from './hub';
import { runLogBench } from './log';
import { runPageBench } from './page';
import { axeReference, firstWarning, memoryPerTab, sizes } from './page-extra';

const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(11);

async function main(): Promise<void> {
  console.log('CaseLint benchmarks — medians, Chromium headless on this machine\n');

  // The engine is timed as built code (scripts/bench/vite.engine.config.ts), like the extension ships it.
  const { runEngineBench } = (await import(pathToFileURL(resolve('.output/bench-node/engine.js')).href)) as typeof import('./engine');
  const engine = await runEngineBench();
  console.log(`Engine (${engine.records.toLocaleString('en-US')} generated case records, Node ${process.version})`);
  console.log(`  whole default pack (${engine.rules} rules)        ${ms(engine.wholeMs)}   ${((engine.wholeMs / engine.records) * 1000).toFixed(1)} µs per record`);
  console.log(`  10 rules, CaseLint                   ${ms(engine.tenMs)}`);
  console.log(`  10 rules, json-rules-engine (peer)   ${ms(engine.peerMs)}   CaseLint / peer = ${(engine.tenMs / engine.peerMs).toFixed(3)} (${(engine.peerMs / engine.tenMs).toFixed(1)}× faster; goal ≥ 10×)`);
  console.log(`  10 rules, hand-written (floor)       ${ms(engine.handMs)}   CaseLint / hand-written = ${(engine.tenMs / engine.handMs).toFixed(2)} (goal ≤ 3)`);
  console.log(`  records where the three disagree     ${engine.disagreements} of 300 checked\n`);

  const page = await runPageBench();
  console.log(`Page (${page.controls} controls, 20 suspect rows)`);
  console.log(`  full scan (read + evaluate)          ${ms(page.scan)}   goal < 20 ms`);
  console.log(`  re-check after one keystroke         ${ms(page.recheck)}   goal < 2 ms`);
  console.log(`  ratio full scan / re-check           ${(page.scan / page.recheck).toFixed(1).padStart(8)}×`);
  const axe = await axeReference();
  console.log(`  axe-core full run, same page (ref.)  ${ms(axe)}   CaseLint full scan / axe-core = ${(page.scan / axe).toFixed(3)}\n`);

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log('Size (gzipped, what users download)');
  for (const s of sizes()) console.log(`  ${s.name.padEnd(34)} ${kb(s.gzip)}   (${kb(s.bytes)} raw)`);
  const mem = await memoryPerTab();
  console.log(`  JS heap of a case-page tab           ${kb(mem.without)} without → ${kb(mem.with)} with CaseLint (+${((mem.with - mem.without) / 1024).toFixed(0)} KB)\n`);
  const fw = await firstWarning();
  console.log('A 5-frame frameset page (five case pages on another origin: five content scripts)');
  console.log(`  load event, without CaseLint (floor) ${ms(fw.loadWithout)}`);
  console.log(`  load event, with CaseLint            ${ms(fw.loadWith)}   ratio ${(fw.loadWith / fw.loadWithout).toFixed(2)}`);
  console.log(`  navigation → first warning          ${ms(fw.first)}   ${(fw.first / fw.loadWithout).toFixed(2)}× the floor`);
  console.log(`  navigation → every frame warned     ${ms(fw.last)}   ${(fw.last / fw.loadWithout).toFixed(2)}× the floor (${fw.warnings} warnings)\n`);

  const log = await runLogBench();
  console.log(`Findings log (${log.rows.toLocaleString('en-US')} rows, real IndexedDB)`);
  console.log(`  insert 100,000 findings              ${ms(log.insertMs)}`);
  console.log(`  log one page's findings (8)          ${ms(log.logPageMs)}`);
  console.log(`  log page first screen (50 rows)      ${ms(log.firstScreenMs)}   full scan ${ms(log.fullScanMs)}   ratio ${(log.fullScanMs / log.firstScreenMs).toFixed(1)}× faster`);
  console.log(`  first screen, status + unit filter   ${ms(log.firstScreenFilteredMs)}   full scan ${ms(log.fullScanFilteredMs)}   ratio ${(log.fullScanFilteredMs / log.firstScreenFilteredMs).toFixed(1)}× faster`);
  console.log(`  count of open findings (index)       ${ms(log.countOpenMs)}\n`);
  console.log(`Reports over the same log (data load + figures + sections; same figures both ways: ${log.sameFigures ? 'yes' : 'NO'})`);
  console.log(`  weekly report (周结)                 ${ms(log.weeklyMs)}   full scan ${ms(log.weeklyScanMs)}   ratio ${(log.weeklyScanMs / log.weeklyMs).toFixed(1)}× faster`);
  console.log(`  monthly bulletin (月通报, 6 months)   ${ms(log.monthlyMs)}   full scan ${ms(log.monthlyScanMs)}   ratio ${(log.monthlyScanMs / log.monthlyMs).toFixed(1)}× faster\n`);

  // The unit hub on PostgreSQL (BENCH_HUB_ROWS=1000000 for a quicker run).
  await runHubBench();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
