/**
 * Reliability and security in Chromium: 20 XSS payloads in labels and values, 1,000 random pages
 * read without a throw, and extension pages that make no request outside the extension.
 */
import fc from 'fast-check';
import type { Browser } from '@playwright/test';
import { EXTENSION_ID, launchPlain, PLUGIN_FILE, requireBuild } from '../browser';
import { expect, test } from './fixtures';
import { waitForRead } from './markers';

const XSS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=window.__pwned=1>",
  '<iframe src="javascript:window.top.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<body onload=window.__pwned=1>',
  '<details open ontoggle=window.__pwned=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '<input autofocus onfocus=window.__pwned=1>',
  '<video><source onerror=window.__pwned=1>',
  '<object data="javascript:window.__pwned=1">',
  '<style>@import "javascript:window.__pwned=1"</style>',
  '<marquee onstart=window.__pwned=1>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '<div style="background:url(javascript:window.__pwned=1)">',
  '</textarea><script>window.__pwned=1</script>',
];

test('20 XSS payloads in values are shown as text in warnings and the panel; no script runs, no dialog', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`${demo.url}/fixtures/plain-detention.html`);
  // One page per payload set: the payload stands in an unreadable date and in a free-text field.
  await page.evaluate((html) => {
    document.body.innerHTML = html;
  }, `<table>${XSS.map(
      (_, i) =>
        `<tr><td>案件编号</td><td><input value="${i}"></td></tr>` +
        `<tr><td>拘留时间：</td><td><input id="s${i}" value="2024-03-05 14:30"></td></tr>` +
        `<tr><td>通知家属时间：</td><td><input id="n${i}"></td></tr>`,
    ).join('')}</table>`);
  // Values set as properties: the page's DOM never parses them as HTML.
  await page.evaluate((payloads) => {
    payloads.forEach((x, i) => {
      (document.getElementById(`n${i}`) as HTMLInputElement).value = x;
    });
  }, XSS);
  await page.locator('#n0').dispatchEvent('input');
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]').first();
  await expect(marker).toHaveAttribute('data-caselint-kind', 'needs-review');
  await marker.focus();
  await expect(marker.locator('.cl-msg')).toContainText(XSS[0]!);
  await page.keyboard.press('Alt+Shift+A');
  await expect(page.locator('section.ap .ap-item').first()).toContainText('无法识别');
  // Each payload, typed in turn, stays text.
  for (const x of XSS) {
    await page.locator('#n0').fill(x);
    await expect(marker.locator('.cl-msg')).toContainText(x.slice(0, 20));
  }
  const shadowHtml = await page.evaluate(() =>
    [...document.querySelectorAll('[data-caselint-host]')].map((h) => h.shadowRoot?.innerHTML ?? '').join(''),
  );
  expect(shadowHtml).not.toMatch(/<(script|img|svg|iframe|object|video|marquee)\b/i);
  // The panel's own <details> (how each field was found) is the only one: none from a payload.
  expect(shadowHtml).not.toMatch(/<details(?! class="ap-matched")/i);
  // An injected <img onerror> would fire once its load failed: wait until nothing is loading.
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

let browser: Browser;
test.describe('random pages', () => {
  test.beforeAll(async () => {
    requireBuild();
    browser = await launchPlain();
  });
  test.afterAll(async () => browser?.close());

  test('1,000 random pages: reading and evaluation never throw and always finish', async ({ demo }) => {
    const labels = ['拘留时间', '通知家属时间：', '*送看守所时间', '保证金（元）', '办案民警', '罚款金额', '处罚种类', '出生日期', '公民身份号码', '备注', '姓名', '讯问人', '<b>拘留时间</b>', ''];
    const values = fc.oneof(fc.string(), fc.constantFrom('2024-03-05 14:30', '２０２４年３月５日', '是', '否', '3,000元', 'abc', '', '<img src=x onerror=window.__pwned=1>'));
    const cell = fc.record({ label: fc.constantFrom(...labels), value: values, kind: fc.constantFrom('input', 'select', 'text', 'radio', 'checkbox', 'textarea', 'table', 'nested') });
    const pages = fc.sample(fc.array(cell, { maxLength: 25 }), { numRuns: 1000, seed: 20261129 });
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const html = pages.map((cells) =>
      cells
        .map((c) => {
          const v = esc(c.value);
          switch (c.kind) {
            case 'input':
              return `<p><label>${c.label}<input value="${v}"></label></p>`;
            case 'select':
              return `<p><span>${c.label}</span><select><option>${v}</option></select></p>`;
            case 'text':
              return `<table><tr><th>${c.label}</th><td>${v}</td></tr></table>`;
            case 'radio':
              return `<div>${c.label}<label><input type="radio" name="r" checked>${v}</label></div>`;
            case 'checkbox':
              return `<div><span>${c.label}</span><input type="checkbox" ${c.value.length % 2 ? 'checked' : ''}></div>`;
            case 'textarea':
              return `<div><label for="t">${c.label}</label><textarea id="t">${v}</textarea></div>`;
            case 'table':
              return `<table><thead><tr><th>${c.label}</th><th>身份证号</th></tr></thead><tbody><tr><td>${v}</td><td><input value="${v}"></td></tr></tbody></table>`;
            default:
              return `<div><div><span>${c.label}</span></div><div><div><input value="${v}"></div></div></div>`;
          }
        })
        .join(''),
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${demo.url}/fixtures/plain-detention.html`);
    await page.addScriptTag({ path: PLUGIN_FILE });
    const outcome = await page.evaluate((all) => {
      let maxMs = 0;
      let findings = 0;
      for (const h of all) {
        document.body.innerHTML = h;
        const t0 = performance.now();
        const r = window.CaseLint!.scan();
        maxMs = Math.max(maxMs, performance.now() - t0);
        findings += r.findings.length;
        if (!Array.isArray(r.findings) || !Array.isArray(r.passed)) throw new Error('malformed result');
      }
      return { maxMs, findings, pwned: (window as unknown as { __pwned?: number }).__pwned };
    }, html);
    expect(errors).toEqual([]);
    expect(outcome.pwned).toBeUndefined();
    expect(outcome.findings).toBeGreaterThan(0);
    expect(outcome.maxMs).toBeLessThan(2000); // never hangs
  });
});

test('the extension’s pages and service worker make no request outside the extension', async ({ freshContext: ctx, demo }) => {
  const outside: string[] = [];
  ctx.on('request', (r) => {
    const u = r.url();
    const ours = r.serviceWorker() !== null || u.startsWith('chrome-extension://') || r.frame()?.url().startsWith('chrome-extension://');
    if (ours && !/^(chrome-extension:\/\/|data:|blob:|about:)/.test(u)) outside.push(u);
  });
  // The worker at work: pages report findings, it writes the log; then every extension page.
  for (const c of ['XS2024-0302/detention', 'XZ2024-0415/penalty']) {
    const tab = await ctx.newPage();
    await tab.goto(`${demo.url}/case/${c}`);
    await expect(tab.locator('[data-caselint-rule]').first()).toBeVisible();
    await waitForRead(tab);
    await tab.close(); // closing reports the page at once (pagehide)
  }
  for (const path of ['log.html', 'report.html#weekly', 'report.html#monthly', 'report.html#whitepaper', 'rule.html', 'popup.html', 'options.html', 'sidepanel.html?tabId=1']) {
    const p = await ctx.newPage();
    await p.goto(`chrome-extension://${EXTENSION_ID}/${path}`);
    await p.waitForLoadState('networkidle');
    await p.close();
  }
  expect(outside).toEqual([]);
  // Control: a request from the worker is seen, so the silence above is real.
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  await sw.evaluate((u) => fetch(u).then(() => 0, () => 0), `${demo.url}/probe-from-worker`);
  await expect.poll(() => outside).toEqual([`${demo.url}/probe-from-worker`]);
});
