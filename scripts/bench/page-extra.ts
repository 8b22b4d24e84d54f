/**
 * References beside the page benchmark: axe-core's full run on the same 2,000-control page (what
 * an in-page audit usually costs), the size of what ships (gzipped), and the memory the extension
 * adds to a case page's tab.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumPath, launchPlain, launchWithExtension } from '../../test/browser';
import { startDemoServer } from '../demo-site/server';
import { bigPageHtml, median } from './page';

export async function axeReference(runs = 5): Promise<number> {
  const browser = await launchPlain();
  try {
    const page = await browser.newPage();
    await page.setContent(bigPageHtml());
    await page.addScriptTag({ path: resolve('node_modules/axe-core/axe.min.js') });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(
        await page.evaluate(async () => {
          const t0 = performance.now();
          await (window as unknown as { axe: { run(ctx: Document): Promise<unknown> } }).axe.run(document);
          return performance.now() - t0;
        }),
      );
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;

/** Gzipped bytes: the content script, the plugin, and each extension page with its own chunks. */
export function sizes(): { name: string; bytes: number; gzip: number }[] {
  const ext = resolve('.output/chrome-mv3');
  const out = [
    { name: 'content script', path: join(ext, 'content-scripts/content.js') },
    { name: 'intranet plugin', path: resolve('.output/plugin/caselint.js') },
    { name: 'background', path: join(ext, 'background.js') },
  ].map((f) => ({ name: f.name, bytes: statSync(f.path).size, gzip: gz(f.path) }));
  const chunks = readdirSync(join(ext, 'chunks'));
  for (const page of ['popup', 'options', 'sidepanel', 'log', 'report', 'rule']) {
    const html = readFileSync(join(ext, `${page}.html`), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js|assets\/[^"]+\.css)"/g)].map((m) => join(ext, m[1]!));
    const own = chunks.filter((c) => c.startsWith(`${page}-`)).map((c) => join(ext, 'chunks', c));
    const all = [...new Set([...files, ...own])];
    out.push({ name: `${page}.html (with its chunks)`, bytes: all.reduce((n, f) => n + statSync(f).size, 0), gzip: all.reduce((n, f) => n + gz(f), 0) });
  }
  return out;
}

async function heapOf(ctx: BrowserContext, page: Page): Promise<number> {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** JS heap of a case page's renderer with and without the extension (median of a few tabs). */
export async function memoryPerTab(tabs = 3): Promise<{ without: number; with: number }> {
  const server = await startDemoServer(0);
  const url = `${server.url}/case/XS2024-0302/detention`;
  const measure = async (ctx: BrowserContext) => {
    const xs: number[] = [];
    for (let i = 0; i < tabs; i++) {
      const page = await ctx.newPage();
      await page.goto(url);
      await page.waitForTimeout(1500);
      xs.push(await heapOf(ctx, page));
      await page.close();
    }
    return median(xs);
  };
  try {
    const plain = await chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
    const without = await measure(plain);
    await plain.close();
    const ext = await launchWithExtension();
    const withExt = await measure(ext);
    await ext.close();
    return { without, with: withExt };
  } finally {
    await server.close();
  }
}
