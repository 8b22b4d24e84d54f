/** The reviewer's audit panel: grouped findings, counts, category filter, jump to the field. */
import { expect, test } from './fixtures';
import { openLogPage, readLog, waitForLog } from './log-helpers';
import { RULE_COUNT } from './expected';

test('Alt+Shift+A opens the panel: findings by severity, counts, filter, click jumps to and highlights the field', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto(`${demo.url}/case/XZ2024-0415/penalty`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(8);
  await page.keyboard.press('Alt+Shift+A');
  const panel = page.locator('section.ap');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-count="error"] b')).toHaveText('7');
  await expect(panel.locator('[data-count="warning"] b')).toHaveText('1');
  await expect(panel.locator('[data-count="info"] b')).toHaveText('0');
  await expect(panel.locator('[data-count="review"] b')).toHaveText('0');
  const passed = Number(await panel.locator('[data-count="passed"]').textContent());
  const na = Number(await panel.locator('[data-count="na"]').textContent());
  expect(passed).toBeGreaterThan(0);
  expect(passed + na + 8).toBe(RULE_COUNT);
  await expect(panel.locator('.ap-group.ap-error h3')).toHaveText('✖ 违规（7）');
  await expect(panel.locator('.ap-group.ap-warning .ap-item')).toHaveCount(1);
  await expect(panel.locator('.ap-case')).toHaveText('案件编号 XZ2024-0415');

  // Filter by category: 受案立案 holds only the limitation finding.
  await panel.locator('.ap-filter select').selectOption({ label: '受案立案（1）' });
  await expect(panel.locator('.ap-item')).toHaveCount(1);
  await expect(panel.locator('.ap-item')).toContainText('超过追究时效不再处罚');
  await panel.locator('.ap-filter select').selectOption('');
  await expect(panel.locator('.ap-item')).toHaveCount(8);

  // Click a finding: the field scrolls into view and is outlined.
  const field = page.locator('td', { hasText: '2024-05-24 10:00' });
  await panel.locator('[data-caselint-panel-rule="adm-service-deadline"]').click();
  await expect(page.locator('[data-caselint-highlight]')).toHaveCount(1);
  const box = (await field.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(500);
  const hl = (await page.locator('[data-caselint-highlight]').boundingBox())!;
  expect(Math.abs(hl.x - box.x)).toBeLessThan(8);
  expect(Math.abs(hl.y - box.y)).toBeLessThan(8);

  // Closes with its button and the shortcut toggles it again.
  await panel.locator('.ap-close').click();
  await expect(panel).toHaveCount(0);
  await page.keyboard.press('Alt+Shift+A');
  await expect(page.locator('section.ap')).toBeVisible();
});

test('a compliant page says so, with how many rules were checked', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XZ2024-0410/penalty`);
  // Pressed until the content script is there; the page's rules were checked (never "已检查 0 条").
  await expect(async () => {
    await page.keyboard.press('Alt+Shift+A');
    await expect(page.locator('.ap-empty')).toHaveText(/^本页未发现问题，已检查 [1-9]\d* 条规则。$/, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});

test('the panel follows the officer: a fix removes the finding from the panel', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  await page.keyboard.press('Alt+Shift+A');
  await expect(page.locator('.ap-item')).toHaveCount(4);
  await page.locator('#f-detention-custodyAt').fill('2024-03-05 20:00');
  await expect(page.locator('.ap-item')).toHaveCount(3);
  await expect(page.locator('[data-count="error"] b')).toHaveText('3');
});

test('the in-page panel: Escape closes it, it docks left or right, and never covers the field it jumps to (#15.5)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  await page.keyboard.press('Alt+Shift+A');
  const panel = page.locator('section.ap');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  await page.keyboard.press('Alt+Shift+A');
  await expect(panel).toBeVisible();
  const host = page.locator('[data-caselint-host="panel"]');
  await expect(host).toHaveAttribute('data-side', 'right');
  await panel.getByRole('button', { name: '停靠左侧' }).click();
  await expect(host).toHaveAttribute('data-side', 'left');
  expect((await host.boundingBox())!.x).toBe(0);
  await panel.getByRole('button', { name: '停靠右侧' }).click();
  await expect(host).toHaveAttribute('data-side', 'right');

  // A field in the right part of the window, under the panel docked right: jumping to it moves the panel.
  const field = page.locator('#f-detention-custodyAt');
  await field.scrollIntoViewIfNeeded();
  const overlaps = async () => {
    const [a, b] = [(await field.boundingBox())!, (await host.boundingBox())!];
    return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
  };
  expect(await overlaps()).toBe(true); // precondition: docked right, the panel covers it
  await panel.locator('[data-caselint-panel-rule="detention-custody-24h"]').click();
  await expect(page.locator('[data-caselint-highlight]')).toHaveCount(1);
  await expect(host).toHaveAttribute('data-side', 'left');
  expect(await overlaps()).toBe(false);
});

test('a reviewer confirms and dismisses from the in-page panel; the log records it (#15.2)', async ({ freshContext: ctx, demo }) => {
  const page = await ctx.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  const log = await openLogPage(ctx);
  await waitForLog(log, 4);
  await page.bringToFront();
  await page.keyboard.press('Alt+Shift+A');
  const panel = page.locator('section.ap');
  await panel.getByRole('button', { name: /^确认问题：拘留后二十四小时内通知家属/ }).click();
  await expect(panel.locator('.ap-said')).toHaveText('拘留后二十四小时内通知家属：已确认');
  await panel.getByRole('combobox', { name: /^排除：拘留后二十四小时内送看守所/ }).selectOption('false-positive');
  await expect(panel.locator('.ap-said')).toHaveText('拘留后二十四小时内送看守所：已排除（本案不再提示）');
  await expect(page.locator('[data-caselint-rule="detention-custody-24h"]')).toHaveCount(0);
  await expect(panel.locator('[data-count="dismissed"]')).toHaveText('1');
  const rows = await readLog(log);
  expect(rows.find((r) => r.ruleId === 'detention-family-notice-24h')).toMatchObject({ status: 'confirmed' });
  expect(rows.find((r) => r.ruleId === 'detention-custody-24h')).toMatchObject({ status: 'dismissed', dismissReason: 'false-positive' });
});

test('a page read with no case field says so: no problems found is not compliance (#18.5)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/fixtures/unknown-labels.html`);
  const panel = page.locator('section.ap');
  await expect(async () => {
    await page.keyboard.press('Alt+Shift+A');
    await expect(panel).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(panel.locator('[data-count="fields"]')).toHaveText('0');
  await expect(panel.locator('.ap-unread')).toContainText('未发现问题不代表合规');
  await expect(panel.locator('.ap-empty')).toHaveCount(0);
  // A page that is read shows how many fields, and no such alert.
  await page.goto(`${demo.url}/case/XS2024-0301/detention`);
  await expect(async () => {
    await page.keyboard.press('Alt+Shift+A');
    await expect(panel.locator('.ap-empty')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  expect(Number(await panel.locator('[data-count="fields"]').textContent())).toBeGreaterThan(5);
  await expect(panel.locator('.ap-unread')).toHaveCount(0);
});

test('a page of a known type read with far fewer fields than usual says so (#18.5)', async ({ freshContext: ctx, demo }) => {
  const page = await ctx.newPage();
  const open = async () => {
    await expect(async () => {
      await page.keyboard.press('Alt+Shift+A');
      await expect(page.locator('section.ap [data-count="fields"]')).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    return page.locator('section.ap');
  };
  // The 刑事拘留 form read in full, once: that is what this page type gives.
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  const full = await open();
  const usual = Number(await full.locator('[data-count="fields"]').innerText());
  expect(usual).toBeGreaterThan(10);
  await expect(full.locator('.ap-fewer')).toHaveCount(0);
  // The same page half loaded (the visit's time stamp `t` does not make it another page type).
  await page.goto(`${demo.url}/case/XS2024-0302/detention?t=partial`);
  const half = await open();
  await expect(half.locator('[data-count="fields"]')).toHaveText('1');
  await expect(half.locator('.ap-fewer')).toHaveText(`本页只读取到 1 个字段，此类页面通常读取 ${usual} 个：页面可能未加载完整或结构已变化，部分规则未能检查，未发现问题不代表合规。`);
});
