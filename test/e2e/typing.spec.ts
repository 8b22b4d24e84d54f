/**
 * Warnings while typing, across the widgets of old intranet systems: layui skins and selects set
 * by script (no change event, propagation stopped), readonly date inputs set by script, Element UI
 * switches, tags and late, re-rendered forms; markers follow the field and are keyboard reachable.
 */
import { expect, test } from './fixtures';
import { waitForRead } from './markers';

test('layui: a radio skin and a select set by script re-check the rule', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0304/summons`);
  const marker = page.locator('[data-caselint-rule="crim-summons-12h"]');
  await expect(marker).toHaveCount(1);
  // 延长询问查证时间审批: 是 — 23 h is within the approved 24 h.
  await page.locator('.layui-form-item', { hasText: '延长询问查证时间审批' }).locator('.layui-form-radio', { hasText: '是' }).click();
  await expect(marker).toHaveCount(0);

  const adm = await extContext.newPage();
  await adm.goto(`${demo.url}/case/XZ2024-0421/adm-summons`);
  const q = adm.locator('[data-caselint-rule="adm-questioning-duration"]');
  await expect(q).toHaveCount(1);
  const item = (label: string) => adm.locator('.layui-form-item', { hasText: label });
  await item('延长询问查证原因').locator('.layui-select-title').click();
  await item('延长询问查证原因').locator('dd', { hasText: '情况复杂' }).click();
  await item('可能适用行政拘留').locator('.layui-form-radio', { hasText: '是' }).click();
  await expect(q).toHaveCount(0);
  expect(await adm.locator('select[name="summons.extensionReason"]').inputValue()).toBe('情况复杂');
});

test('a date picker that sets the value by script (no event) is noticed', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0303/summons`);
  await waitForRead(page);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(0);
  await page.evaluate(() => {
    (document.getElementById('f-summons-leftAt') as HTMLInputElement).value = '2024-06-04 08:00';
  });
  await expect(page.locator('[data-caselint-rule="crim-summons-12h"]')).toHaveCount(1, { timeout: 5000 });
});

test('Element UI: late-mounted form, switch, tags and a Vue-style re-render', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XZ2024-0421/penalty`);
  // The form is mounted 400 ms after load, as a Vue app would be.
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(3);
  const days = page.locator('[data-caselint-rule="adm-detention-days"]');
  await expect(days.locator('.cl-msg')).toHaveText('行政拘留18日，超过15日上限');
  // Switch 合并执行拘留 on: 18 days are within the 20-day ceiling.
  await page.locator('.el-form-item', { hasText: '合并执行拘留' }).locator('.el-switch').click();
  await expect(days).toHaveCount(0);
  // Remove the 行政拘留 tag: the on-the-spot and exemption findings go away.
  await page.locator('.el-form-item', { hasText: '处罚种类' }).locator('.el-tag', { hasText: '行政拘留' }).locator('.el-tag__close').click();
  await expect(page.locator('[data-caselint-rule="adm-on-the-spot-limit"]')).toHaveCount(0);
  await expect(page.locator('[data-caselint-rule="adm-detention-exemption"]')).toHaveCount(0);
  // Add it back through the dropdown appended to <body>.
  await page.locator('.el-form-item', { hasText: '处罚种类' }).locator('.el-select').click();
  await page.locator('.el-select-dropdown__item', { hasText: '行政拘留' }).click();
  await expect(page.locator('[data-caselint-rule="adm-on-the-spot-limit"]')).toHaveCount(1);
  // A re-render replaces every node; the warnings come back on the new ones.
  await page.locator('button.reload').click();
  await expect(page.locator('[data-caselint-rule="adm-on-the-spot-limit"]')).toHaveCount(1);
  const field = page.locator('.el-form-item', { hasText: '处罚种类' }).locator('.el-select');
  const [fb, mb] = [await field.boundingBox(), await page.locator('[data-caselint-rule="adm-on-the-spot-limit"]').boundingBox()];
  expect(mb!.x).toBeGreaterThanOrEqual(fb!.x + fb!.width - 1);
});

test('markers follow their field when the page scrolls or the layout changes, and are keyboard reachable', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.setViewportSize({ width: 1100, height: 400 });
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  const marker = page.locator('[data-caselint-rule="detention-arrest-request-deadline"]');
  const field = page.locator('#f-detention-arrestRequestedAt');
  await expect(marker).toHaveCount(1);
  const near = async () => {
    const [fb, mb] = [(await field.boundingBox())!, (await marker.boundingBox())!];
    expect(Math.abs(mb.y + mb.height / 2 - (fb.y + fb.height / 2))).toBeLessThan(6);
    expect(mb.x - (fb.x + fb.width)).toBeGreaterThanOrEqual(0);
    expect(mb.x - (fb.x + fb.width)).toBeLessThan(40);
  };
  await near();
  await page.mouse.wheel(0, 300);
  await expect(near).toPass({ timeout: 5000 });
  // The page inserts a notice above the form: everything moves down.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.style.height = '120px';
    p.textContent = '系统通知：请于今日下班前完成审批。';
    document.querySelector('form')!.before(p);
  });
  await expect(near).toPass({ timeout: 5000 });
  await page.setViewportSize({ width: 1280, height: 500 });
  await expect(near).toPass({ timeout: 5000 });
  // Keyboard: focus the marker, its popover opens; Escape closes the pinned one.
  await marker.focus();
  await expect(marker.locator('.cl-pop')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(marker.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
});

test('SPA navigation without a full load is followed', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/fixtures/spa.html`);
  await page.locator('a', { hasText: '李某某' }).click();
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  await page.locator('a', { hasText: '王某某' }).click();
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
});

test('editing the birth date re-checks the rules that read the age (bail deposit minimum)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0301/bail`);
  const marker = page.locator('[data-caselint-rule="bail-deposit-minimum"]');
  // A deposit of 800元 is below the 1,000元 minimum for an adult (born 1985).
  await page.locator('#f-bail-depositAmount').fill('800');
  await expect(marker).toHaveCount(1);
  // Only the birth date changes: a person under 18 at the bail start has a 500元 minimum. The
  // finding can only go if the birth date re-runs the rule (the engine's dependency index).
  const birth = page.locator('#f-suspect-birthDate');
  await birth.fill('2008-05-01');
  await expect(marker).toHaveCount(0);
  await birth.fill('1985-03-12');
  await expect(marker).toHaveCount(1);
  await expect(marker.locator('.cl-msg')).toContainText('1,000元');
});

/** Records in the page when a "cannot read" marker of a rule first shows (markers live in CaseLint's open shadow root). */
async function recordFirstUnreadable(page: import('@playwright/test').Page, ruleId: string) {
  await page.evaluate((rule) => {
    const w = window as unknown as { firstUnreadableAt?: number };
    w.firstUnreadableAt = undefined;
    const look = () => {
      for (const host of document.querySelectorAll('[data-caselint-host]')) {
        if (host.shadowRoot?.querySelector(`[data-caselint-rule="${rule}"][data-caselint-kind="needs-review"]`)) {
          w.firstUnreadableAt ??= performance.now();
        }
      }
    };
    setInterval(look, 10);
  }, ruleId);
  return {
    firstAt: () => page.evaluate(() => (window as unknown as { firstUnreadableAt?: number }).firstUnreadableAt ?? null),
    now: () => page.evaluate(() => performance.now()),
  };
}

test('while the officer types, "cannot read" waits for a pause or for leaving the field (#15.3)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  const field = page.locator('#f-detention-familyNotifiedAt');
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"]')).toHaveCount(1);
  await field.fill('');
  const rec = await recordFirstUnreadable(page, 'detention-family-notice-24h');
  // Typed at a steady pace: "2", "20", … "2024-03-0" — none of them a date.
  await field.pressSequentially('2024-03-0', { delay: 150 });
  const lastKey = await rec.now();
  await expect.poll(rec.firstAt, { timeout: 5000 }).not.toBeNull();
  const shownAfter = (await rec.firstAt())! - lastKey;
  expect(shownAfter).toBeGreaterThanOrEqual(500); // the pause is 800 ms from the last keystroke; without it, within 30 ms of the first
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"][data-caselint-kind="needs-review"]')).toContainText('“2024-03-0”无法识别');

  // Leaving the field says it at once.
  await field.fill('');
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"][data-caselint-kind="needs-review"]')).toHaveCount(0);
  const rec2 = await recordFirstUnreadable(page, 'detention-family-notice-24h');
  await field.pressSequentially('2024-0', { delay: 50 });
  await field.press('Tab');
  const left = await rec2.now();
  await expect.poll(rec2.firstAt, { timeout: 5000 }).not.toBeNull();
  expect((await rec2.firstAt())! - left).toBeLessThan(500);

  // A complete value that breaks the rule shows while typing goes on, without a pause.
  await field.fill('2024-03-06 16:45');
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"][data-caselint-kind="violation"]')).toHaveCount(1, { timeout: 700 });
});

test('Tab reaches a marker right after its field, then goes on to the next field; Shift+Tab goes back (#15.4)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await expect(marker).toHaveCount(1);
  const field = page.locator('#f-detention-familyNotifiedAt');
  // What the page itself has after the field, in document order.
  const nextId = await field.evaluate((el) => {
    const all = [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button, a[href]')];
    return all.slice(all.indexOf(el as HTMLElement) + 1).find((x) => x.getClientRects().length)!.id;
  });
  expect(nextId).not.toBe('');
  await field.focus();
  await page.keyboard.press('Tab');
  await expect(marker.getByRole('button')).toBeFocused();
  await expect(marker.locator('.cl-pop')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator(`#${nextId}`)).toBeFocused();
  await marker.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(field).toBeFocused();
});
