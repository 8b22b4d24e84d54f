/**
 * English everywhere in English mode (#15.7): every page CaseLint draws — popovers, the in-page
 * panel, the side panel, the popup, the log, the five reports, the rule page, the options page —
 * and what it exports speak English. Record data (names, units, case numbers, the logged zh-CN
 * message, statute citations, the guideline's text) keeps its language and is marked
 * `lang="zh-CN"`. Positive control: the same check on the same pages in Chinese mode finds
 * Chinese everywhere, so a page that ignored the switch would fail.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { EXTENSION_ID, setStorage, settingsFor } from '../browser';
import { expect, test } from './fixtures';
import { openLogPage, waitForLog } from './log-helpers';

/**
 * Chinese that the page shows as its own words: text nodes and the attributes people hear or read
 * (aria-label, title, placeholder), outside anything marked lang="zh-CN"; open shadow roots
 * included (`within`: only CaseLint's own hosts on a case page).
 */
function unmarkedChinese(within: string | null): string[] {
  const CJK = /[\u3400-\u9fff]/;
  const out: string[] = [];
  const marked = (el: Element | null) => !!el?.closest('[lang="zh-CN"]:not(html)');
  const visit = (root: Document | ShadowRoot | Element) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const parent = n.parentElement;
        if (parent && /^(STYLE|SCRIPT|TITLE)$/.test(parent.tagName)) continue;
        if (CJK.test(n.textContent ?? '') && !marked(parent)) out.push((n.textContent ?? '').trim().slice(0, 60));
        continue;
      }
      const el = n as Element;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && CJK.test(v) && !marked(el)) out.push(`[${a}] ${v.slice(0, 60)}`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (within) for (const host of document.querySelectorAll(within)) visit(host.shadowRoot ?? host);
  else visit(document.body);
  if (!within && CJK.test(document.title)) out.push(`[title] ${document.title}`);
  return out;
}

/** English words in a Chinese page's own text (product and format names, keys and code aside). */
function englishWords(within: string | null): string[] {
  const ALLOWED = /^(CaseLint|CSV|Excel|PDF|JSON|XLSX|Tab|Alt|Shift|Esc|Enter|English|WPS|Chrome|Firefox|Chromium|URL|http|https|localhost|html|rule)$/i;
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot | Element) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        if ((n as Element).shadowRoot) visit((n as Element).shadowRoot!);
        continue;
      }
      const parent = n.parentElement;
      if (!parent || parent.closest('code, style, script, title, a[href^="http"], [lang="en"], option, .num, [data-period]')) continue;
      for (const w of (n.textContent ?? '').match(/(?<![\w.\/:-])[A-Za-z]{3,}(?![\w.\/:-])/g) ?? []) if (!ALLOWED.test(w)) out.push(`${w} ← ${(n.textContent ?? '').trim().slice(0, 50)}`);
    }
  };
  if (within) for (const host of document.querySelectorAll(within)) visit(host.shadowRoot ?? host);
  else visit(document.body);
  return out;
}

const OWN_UI = '[data-caselint-host]';
const CJK = /[\u3400-\u9fff]/;

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await (download as Download).path())!, 'utf8');
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`every page in ${locale === 'en' ? 'English mode speaks English' : 'Chinese mode speaks Chinese (the control)'}`, async ({ freshContext: ctx, demo }) => {
    test.setTimeout(120_000);
    await setStorage(ctx, { settings: { ...settingsFor('reviewer'), reviewerName: '李审核', reviewerUnit: '滨江分局法制大队', locale } });
    /** Where the page speaks Chinese of its own: none in English mode; in Chinese mode, plenty. */
    const check = async (page: Page, what: string, within: string | null = null) => {
      const found = await page.evaluate(unmarkedChinese, within);
      if (locale === 'en') expect(found, `${what}: Chinese outside record data`).toEqual([]);
      else {
        expect(found.length, `${what}: the control finds Chinese`).toBeGreaterThan(0);
        expect(await page.evaluate(englishWords, within), `${what}: English words in Chinese mode`).toEqual([]);
      }
    };
    const en = locale === 'en';

    // The case page: markers, an open popover, the in-page panel.
    const page = await ctx.newPage();
    await page.goto(`${demo.url}/case/XS2024-0302/detention`);
    const markers = page.locator('[data-caselint-rule]');
    await expect(markers).toHaveCount(4);
    const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
    await marker.getByRole('button').click();
    await expect(marker.locator('.cl-pop')).toBeVisible();
    await expect(marker.locator('.cl-link')).toHaveText(en ? 'Read the full rule' : '查看规则全文');
    await expect(marker.locator('.cl-msg')).toContainText(en ? 'notified' : '通知家属');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+A');
    const panel = page.locator('[data-caselint-host="panel"] .ap');
    await expect(panel).toBeVisible();
    await expect(panel.locator('h2')).toContainText(en ? 'CaseLint review panel' : 'CaseLint 审核面板');
    await check(page, 'case page (markers, popover, in-page panel)', OWN_UI);

    // The log (after the page was recorded) and its CSV export.
    const log = await openLogPage(ctx);
    await waitForLog(log, 4);
    await expect(log.locator('tr[data-row-id]')).toHaveCount(4);
    await expect(log.locator('h1')).toContainText(en ? 'Findings log' : '执法问题台账');
    await log.locator('tr[data-row-id] details.history summary').first().click();
    await check(log, 'log page');
    const csv = await downloadText(log, () => log.getByRole('button', { name: en ? 'Export the filtered findings (CSV)' : '导出筛选结果（CSV）' }).click());
    const header = csv.replace(/^\ufeff/, '').split('\r\n')[0]!;
    if (en) expect(header).not.toMatch(CJK);
    else expect(header).toMatch(CJK);
    expect(header.startsWith(en ? 'Case number,Problem,Field' : '案件编号,问题,字段')).toBe(true);

    // The five reports, and the weekly CSV.
    const report = await ctx.newPage();
    for (const kind of ['daily', 'weekly', 'monthly', 'officer', 'whitepaper']) {
      await report.goto(`chrome-extension://${EXTENSION_ID}/report.html#${kind}`);
      await expect(report.locator('article.report h1')).toBeVisible();
      await expect(report.locator('article.report table').first()).toBeVisible();
      await check(report, `report ${kind}`);
    }
    await report.goto(`chrome-extension://${EXTENSION_ID}/report.html#weekly`);
    await expect(report.locator('article.report h1')).toHaveText(en ? 'Weekly enforcement findings' : '执法问题周结');
    const weekly = await downloadText(report, () => report.getByRole('button', { name: en ? 'Export CSV' : '导出 CSV' }).click());
    expect(weekly.split('\n').slice(0, 3).join('\n')).toMatch(en ? /Weekly enforcement findings/ : /执法问题周结/);

    // The popup, the side panel, the rule page, the options page.
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    const tabId = await sw.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
      return (await api.tabs.query({ url }))[0]?.id;
    }, page.url());
    const popup = await ctx.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html?tab=${tabId}`);
    await expect(popup.locator('.site-state')).toBeVisible();
    await check(popup, 'popup');
    const side = await ctx.newPage();
    await side.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html?tabId=${tabId}`);
    await expect(side.locator('.ap-item')).toHaveCount(4);
    await expect(side.locator('.ap-item .ap-msg').first()).not.toBeEmpty();
    await check(side, 'side panel');
    const rule = await ctx.newPage();
    await rule.goto(`chrome-extension://${EXTENSION_ID}/rule.html#detention-family-notice-24h`);
    await expect(rule.locator('article.card h2')).toBeVisible();
    await check(rule, 'rule page');
    const options = await ctx.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect(options.locator('.options-head h1')).toBeVisible();
    await check(options, 'options page');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe(locale);
  });
}
