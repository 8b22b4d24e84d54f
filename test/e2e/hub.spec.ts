/**
 * One branch, two browsers (#21.6): a running hub (`npm run hub`'s entry point, PGlite), two
 * browser profiles of two units enrolled by their codes; each checks its own demo case; both sync;
 * the hub's 月通报, signed in as the 法制大队, ranks both units; an officer's popup shows the
 * findings of his cases pulled from the hub (点对点预警). Positive control: before syncing, the
 * hub has no rows and the popup no findings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID, launchWithExtension, setStorage } from '../browser';
import { freePort } from '../free-port';
import { expectedFindings } from './expected';
import { expect, test } from './fixtures';
import { waitForMarkers } from './markers';

let hub: ChildProcess | undefined;
let hubUrl = '';
const ADMIN = 'admin-password-e2e';

test.beforeAll(async () => {
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  hub = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
    env: { ...process.env, PORT: String(port), HUB_DATA: mkdtempSync(join(tmpdir(), 'caselint-hub-')), HUB_ADMIN_PASSWORD: ADMIN, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  hub.stdout!.on('data', (b) => (out += b));
  hub.stderr!.on('data', (b) => (out += b));
  await expect.poll(() => out, { timeout: 60_000, message: `hub did not start: ${out}` }).toContain('CaseLint 汇总服务 / hub:');
});
test.afterAll(() => {
  hub?.kill('SIGTERM');
});

/** The hub's API as its admin (a session cookie and its CSRF token). */
async function asAdmin(page: Page) {
  const login = await page.request.post(`${hubUrl}/api/login`, { data: { login: 'admin', password: ADMIN } });
  expect(login.ok()).toBe(true);
  const { csrf } = await login.json();
  return (path: string, data: object) => page.request.post(`${hubUrl}${path}`, { data, headers: { 'x-csrf-token': csrf } }).then((r) => r.json());
}

async function browserOf(unit: string, name: string, code: string): Promise<BrowserContext> {
  const ctx = await launchWithExtension({ role: 'officer' });
  await setStorage(ctx, {
    settings: { reviewerName: name, reviewerUnit: unit, retentionDays: null, reminders: false, role: 'officer', locale: 'zh-CN' },
    config: { sites: [], disabledOrigins: [], ruleOverrides: {}, profiles: [], hub: { url: hubUrl, enrollmentCode: code } },
  });
  return ctx;
}

async function syncNow(ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  const r = await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'ui-bg:hub-sync', input: { reenroll: false } }),
  );
  await page.close();
  return r as { ok: boolean; state: { lastError: string | null; mine: { findings: unknown[] } } | null };
}

test('two units’ browsers sync through the hub: its 月通报 ranks both; an officer’s popup shows his findings', async ({ demo }) => {
  test.setTimeout(180_000);
  const admin = await (await launchWithExtension()).newPage();
  const api = await asAdmin(admin);
  const west = (await api('/api/units', { name: '滨江分局城西派出所' })).enrollmentCode as string;
  const north = (await api('/api/units', { name: '滨江分局城北派出所' })).enrollmentCode as string;
  expect((await api('/api/accounts', { login: 'fzdd', password: 'branch-password-1', role: 'branch' })).ok).toBe(true);

  const a = await browserOf('滨江分局城西派出所', '刘洋', west);
  const b = await browserOf('滨江分局城北派出所', '王伟', north);
  // Positive control: nothing has reached the hub, the popup lists nothing.
  const before = await syncNow(b);
  expect(before.state?.mine.findings).toEqual([]);

  for (const [ctx, caseId, page] of [[a, 'XS2024-0302', 'detention'], [a, 'XS2024-0302', 'bail'], [b, 'XZ2024-0415', 'penalty']] as const) {
    const tab = await ctx.newPage();
    await tab.goto(`${demo.url}/case/${caseId}/${page}`);
    await waitForMarkers(tab, expectedFindings(caseId, page).length);
    await tab.close();
  }
  for (const ctx of [a, b]) await expect.poll(async () => (await syncNow(ctx)).state?.lastError, { timeout: 30_000 }).toBeNull();

  // The officer 王伟 of 城北派出所: his case's findings, pulled from the hub, in his popup.
  const mine = expectedFindings('XZ2024-0415', 'penalty').length;
  const popup = await b.newPage();
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await expect(popup.getByTestId('mine').locator('[data-count]')).toHaveText(String(mine));
  await expect(popup.getByTestId('mine')).toContainText('XZ2024-0415');
  await expect(popup.getByTestId('mine')).toContainText('我的待整改（王伟）');
  // 刘洋's browser: his own case's findings, none of 王伟's.
  const popupA = await a.newPage();
  await popupA.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await expect(popupA.getByTestId('mine')).toContainText('XS2024-0302');
  await expect(popupA.getByTestId('mine')).not.toContainText('XZ2024-0415');

  // The extension's report page: 本机, and 全局 on the hub's pages for the same report.
  const report = await a.newPage();
  await report.goto(`chrome-extension://${EXTENSION_ID}/report.html#monthly`);
  const [global] = await Promise.all([a.waitForEvent('page'), report.getByRole('button', { name: '全局（汇总服务）' }).click()]);
  await expect.poll(() => global.url()).toBe(`${hubUrl}/#monthly`);

  // The hub's own pages, in a browser of their own: the 法制大队 signs in; the 月通报 ranks both units.
  const web = await (await launchWithExtension()).newPage();
  await web.goto(`${hubUrl}/`);
  await web.getByLabel('账号').fill('fzdd');
  await web.getByLabel('密码').fill('branch-password-1');
  await web.getByRole('button', { name: '登录' }).click();
  await expect(web.locator('.hub-bar')).toContainText('法制大队');
  await web.evaluate(() => (location.hash = 'monthly'));
  const ranking = web.locator('[data-section="单位排名"] tbody tr');
  await expect(ranking).toHaveCount(2);
  await expect(ranking.filter({ hasText: '滨江分局城北派出所' })).toHaveCount(1);
  await expect(ranking.filter({ hasText: '滨江分局城西派出所' })).toHaveCount(1);
  for (const ctx of [a, b]) await ctx.close();
  await admin.context().close();
  await web.context().close();
});
