/** `npm run bench`: every benchmark, medians and ratios measured in the same run. Timings never gate tests. */
import { runPageBench } from './page';

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main(): Promise<void> {
  console.log('CaseLint benchmarks (medians; Chromium headless, this machine)\n');
  const page = await runPageBench();
  console.log(`Page: ${page.controls} controls, 20 suspect rows`);
  console.log(`  full scan (read + evaluate)     ${fmt(page.scan)}   (goal < 20 ms)`);
  console.log(`  re-check after one keystroke    ${fmt(page.recheck)}   (goal < 2 ms)`);
  console.log(`  ratio full scan / re-check      ${(page.scan / page.recheck).toFixed(1)}×`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
