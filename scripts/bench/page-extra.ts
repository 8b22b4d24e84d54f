/**
 * References beside the page benchmark: axe-core's full run on the same 2,000-control page (what
 * an in-page audit usually costs), the size of what ships (gzipped), and the memory the extension
 * adds to a case page's tab.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    { name: 'reviewer UI (injected on request)', path: join(ext, 'content-scripts/reviewer-ui.js') },
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

/** Five case pages of the demo system, each with findings, as the frames of one frameset. */
const FRAMES = ['XZ2024-0415/penalty', 'XS2024-0304/interrogation', 'XZ2024-0421/adm-summons', 'XS2024-0302/detention', 'XS2024-0306/bail'];

/** In every frame: when the page finished loading and when CaseLint had read and drawn it (epoch ms). */
const STAMPS = `(() => {
  const at = () => performance.timeOrigin + performance.now();
  window.__bench = { start: performance.timeOrigin, load: 0, read: 0 };
  addEventListener('load', () => (window.__bench.load = at()));
  new MutationObserver((_, o) => {
    if (document.documentElement.hasAttribute('data-caselint-read')) { window.__bench.read = at(); o.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-caselint-read'] });
})();`;

interface Stamps {
  start: number;
  load: number;
  read: number;
}

/**
 * From navigation to the first warning on a 5-frame frameset page (#17.9): the frameset on one
 * origin, its five case pages on another, so that every frame loads and runs the content script and
 * asks the worker for its configuration. Beside it, in the same run, the frameset's load event
 * without CaseLint (the floor: what the page costs anyway). Medians of `runs` loads each.
 */
export async function firstWarning(runs = 5): Promise<{ loadWithout: number; loadWith: number; first: number; last: number; warnings: number }> {
  const server = await startDemoServer(0);
  const frameset = `<!doctype html><html><head><meta charset="utf-8"><title>框架页</title></head><frameset rows="20%,20%,20%,20%,20%">${FRAMES.map((f) => `<frame src="${server.url}/case/${f}">`).join('')}</frameset></html>`;
  // The frameset from a server of its own on localhost (a page the browser knows is local may frame local pages).
  const host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(frameset));
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const top = `http://localhost:${(host.address() as AddressInfo).port}/`;
  const measure = async (ctx: BrowserContext, withCaseLint: boolean) => {
    await ctx.addInitScript({ content: STAMPS });
    const rows: { load: number; first: number; last: number; warnings: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await ctx.newPage();
      await page.goto(top, { waitUntil: 'load' });
      const frames = () => page.frames().filter((f) => f.url().includes('/case/'));
      const stamps = async () => Promise.all(frames().map((f) => f.evaluate('window.__bench') as Promise<Stamps>));
      let all: Stamps[] = [];
      for (let wait = 0; withCaseLint && wait < 200; wait++) {
        all = await stamps();
        if (all.length === FRAMES.length && all.every((s) => s.read > 0)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const start = ((await page.evaluate('window.__bench')) as Stamps).start;
      const load = ((await page.evaluate('window.__bench')) as Stamps).load - start;
      let warnings = 0;
      for (const f of frames()) warnings += await f.locator('[data-caselint-rule]').count();
      rows.push({ load, first: Math.min(...all.map((s) => s.read)) - start, last: Math.max(...all.map((s) => s.read)) - start, warnings });
      await page.close();
    }
    return rows;
  };
  try {
    const plain = await chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
    const without = await measure(plain, false);
    await plain.close();
    const ext = await launchWithExtension();
    const withExt = await measure(ext, true);
    await ext.close();
    return {
      loadWithout: median(without.map((r) => r.load)),
      loadWith: median(withExt.map((r) => r.load)),
      first: median(withExt.map((r) => r.first)),
      last: median(withExt.map((r) => r.last)),
      warnings: Math.min(...withExt.map((r) => r.warnings)),
    };
  } finally {
    host.close();
    await server.close();
  }
}
