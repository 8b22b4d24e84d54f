/**
 * `npm run demo`: serves the demo case-handling system on 127.0.0.1 and opens Chromium with the
 * built extension on it. Without a display (or with --headless) it visits every case page, waits
 * until CaseLint has checked it (the page's check is in the findings log — also on a page without
 * problems, so no fixed wait), prints what it found (rule, field, message) under the page's
 * Chinese name, and saves a screenshot of an annotated page to demo-output/. (The npm script
 * builds the extension and the plugin first.)
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { demoPages, loadCases, startDemoServer, ROOT } from './demo-site/server';
import { EXTENSION_ID, launchWithExtension } from '../test/browser';
import { readStore } from '../test/e2e/log-helpers';
import { markersOf } from '../test/e2e/markers';
import { PAGE_TYPES } from './demo-site/pages';
import { TONES } from '../components/severity';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const port = Number(process.env.PORT ?? 8080);

async function main(): Promise<void> {
  const server = await startDemoServer(port).catch(() => startDemoServer(0));
  console.log(`演示执法办案系统 / demo case system: ${server.url}/`);
  // The demo shows everything, the reviewer's audit panel (Alt+Shift+A) included.
  const context = await launchWithExtension({ headless, role: 'reviewer' });

  if (!headless) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    console.log('已打开 Chromium 并加载 CaseLint 扩展。关闭浏览器或按 Ctrl+C 结束。 / Chromium is open with CaseLint loaded; close it or press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      context.on('close', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    await context.close().catch(() => {});
    await server.close();
    return;
  }

  const cases = new Map(loadCases().map((c) => [c.id, c]));
  // The findings log, read from an extension page: a page is done when its check is logged.
  const log = await context.newPage();
  await log.goto(`chrome-extension://${EXTENSION_ID}/log.html`);
  const started = Date.now();
  let total = 0;
  for (const { caseId, page: pageType, path } of demoPages()) {
    const page = await context.newPage();
    const url = server.url + path;
    await page.goto(url);
    const check = await checkOf(log, url);
    // Its markers (in every frame) are drawn before the check is reported; wait until all are there.
    let shown = await markersOf(page);
    for (const deadline = Date.now() + 10_000; shown.length < check.findingsCount && Date.now() < deadline; shown = await markersOf(page)) await page.waitForTimeout(100);
    total += shown.length;
    const c = cases.get(caseId);
    const name = PAGE_TYPES[pageType]?.title ?? pageType;
    console.log(`\n■ ${caseId} ${c?.title ?? ''} · ${name}（${path}）— ${shown.length ? `${shown.length} 项问题` : '未发现问题'}`);
    for (const f of shown) {
      const tone = f.kind === 'needs-review' ? TONES.review : TONES[f.severity as 'error' | 'warning' | 'info'];
      console.log(`  ${tone.icon} ${tone.zh.padEnd(3, '　')} | ${f.ruleId.padEnd(34)} | ${f.fieldKey.padEnd(30)} | ${f.message}`);
    }
    await page.close();
  }

  // One annotated page, with its warning opened, for people to look at.
  const outDir = join(ROOT, 'demo-output');
  mkdirSync(outDir, { recursive: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/case/XS2024-0302/detention`);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await marker.waitFor();
  await marker.focus();
  const shot = join(outDir, 'detention-annotated.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`\n共检查 ${demoPages().length} 个页面，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒，共发现 ${total} 项问题 / ${total} findings in all. 截图 / screenshot: ${shot}`);
  await context.close();
  await server.close();
}

/** Waits (polling the log, never a fixed pause) until the extension has logged its check of a page. */
async function checkOf(log: Page, url: string, timeout = 20_000): Promise<{ findingsCount: number }> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = (await readStore<{ url: string; findingsCount: number }>(log, 'pageChecks')).find((c) => c.url === url);
    if (found) return found;
    await log.waitForTimeout(100);
  }
  throw new Error(`CaseLint 未在 ${timeout / 1000} 秒内检查 ${url}：扩展未运行或未读取该页面 / CaseLint did not check ${url}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
