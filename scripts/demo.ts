/**
 * `npm run demo`: serves the demo case-handling system on 127.0.0.1 and opens Chromium with the
 * built extension on it. Without a display (or with --headless) it visits every case page,
 * prints what CaseLint found on each (rule, field, message), and saves a screenshot of an
 * annotated page to demo-output/. (The npm script builds the extension and the plugin first.)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoPages, loadCases, startDemoServer, ROOT } from './demo-site/server';
import { launchWithExtension } from '../test/browser';
import { TONES } from '../components/severity';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const port = Number(process.env.PORT ?? 8080);

interface Shown {
  ruleId: string;
  fieldKey: string;
  severity: string;
  kind: string;
  message: string;
}

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
  let total = 0;
  for (const { caseId, page: pageType, path } of demoPages()) {
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.waitForLoadState('networkidle');
    // CaseLint has read the page once its overlay is there (it reads the settings first).
    await page.locator('[data-caselint-host]').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(300);
    const shown: Shown[] = await page.locator('[data-caselint-rule]').evaluateAll((els) =>
      els.map((el) => ({
        ruleId: el.getAttribute('data-caselint-rule') ?? '',
        fieldKey: el.getAttribute('data-caselint-field') ?? '',
        severity: el.getAttribute('data-caselint-severity') ?? '',
        kind: el.getAttribute('data-caselint-kind') ?? '',
        message: el.querySelector('.cl-msg')?.textContent ?? '',
      })),
    );
    total += shown.length;
    const c = cases.get(caseId);
    console.log(`\n■ ${caseId} ${c?.title ?? ''} · ${pageType} (${path}) — ${shown.length ? `${shown.length} 项问题` : '未发现问题'}`);
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
  console.log(`\n共发现 ${total} 项问题 / ${total} findings in all. 截图 / screenshot: ${shot}`);
  await context.close();
  await server.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
