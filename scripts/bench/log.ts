/** Findings-log benchmark in Chromium's real IndexedDB (harness: scripts/bench/log-harness.ts). */
import { resolve } from 'node:path';
import { launchPlain } from '../../test/browser';
import { startDemoServer } from '../demo-site/server';

export type LogBench = {
  rows: number;
  insertMs: number;
  logPageMs: number;
  firstScreenMs: number;
  firstScreenFilteredMs: number;
  countOpenMs: number;
  fullScanMs: number;
  fullScanFilteredMs: number;
  weeklyMs: number;
  weeklyScanMs: number;
  monthlyMs: number;
  monthlyScanMs: number;
  sameFigures: boolean;
};

export async function runLogBench(n = 100_000): Promise<LogBench> {
  const server = await startDemoServer(0);
  const browser = await launchPlain();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/fixtures/plain-detention.html`);
    await page.addScriptTag({ path: resolve('.output/bench/log-harness.js') });
    return await page.evaluate((n) => (window as unknown as { __caselintLogBench(n: number): Promise<LogBench> }).__caselintLogBench(n), n);
  } finally {
    await browser.close();
    await server.close();
  }
}
