/**
 * 未识别字段 (#18.4): the audit panel lists the labelled controls CaseLint could not map, a reviewer
 * maps a new page type's fields in under a minute from there, the mapping applies at once and stays
 * (a site profile); and the panel says how each field it read was found.
 */
import { expect, test } from './fixtures';
import { waitForMarkers, waitForRead } from './markers';

test('a reviewer maps a new page type’s unrecognised fields from the panel in under a minute; the warning follows and the mapping stays', async ({ freshContext: ctx, demo }) => {
  const url = `${demo.url}/jz/XS2024-0999/custody`;
  // A case system of another vendor: its labels are its own words.
  await ctx.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>羁押登记</title></head><body>
        <h1>羁押登记</h1>
        <div class="f"><span>案件编号</span><input id="ajbh" value="XS2024-0999"></div>
        <div class="f"><span>羁押起始</span><input id="jyqs" value="2024-03-05 14:30"></div>
        <div class="f"><span>亲属告知</span><input id="qsgz" value="2024-03-06 16:45"></div>
        <div class="f"><span>联系电话</span><input id="lxdh" value="13800000000"></div>
      </body></html>`,
    }),
  );
  const page = await ctx.newPage();
  await page.goto(url);
  // The shortcut works once CaseLint has read the page (before that, no CaseLint listens on it).
  await waitForRead(page);
  await page.keyboard.press('Alt+Shift+A');
  const panel = page.locator('[data-caselint-host="panel"] .ap');
  await expect(panel.locator('[data-count="fields"]')).toHaveText('1');
  const unmapped = panel.locator('.ap-unmapped li');
  await expect(unmapped).toHaveCount(3);
  await expect(unmapped.nth(0)).toContainText('羁押起始');
  // Nothing is found before the mapping: the control the test depends on.
  expect(await page.locator('[data-caselint-rule]').count()).toBe(0);

  const started = Date.now();
  await panel.getByRole('combobox', { name: '“羁押起始”对应的字段' }).selectOption('detention.startAt');
  await panel.locator('[data-unmapped="羁押起始"]').getByRole('button', { name: '指定' }).click();
  await expect(panel.locator('[data-unmapped="羁押起始"]')).toHaveCount(0);
  await panel.getByRole('combobox', { name: '“亲属告知”对应的字段' }).selectOption('detention.familyNotifiedAt');
  await panel.locator('[data-unmapped="亲属告知"]').getByRole('button', { name: '指定' }).click();
  const shown = await waitForMarkers(page, 1);
  const elapsed = Date.now() - started;
  expect(shown.map((m) => m.ruleId)).toEqual(['detention-family-notice-24h']);
  expect(elapsed).toBeLessThan(60_000);
  console.log(`mapped two fields of a new page type from the panel in ${(elapsed / 1000).toFixed(1)} s`);
  await expect(panel.locator('[data-matched="detention.familyNotifiedAt"][data-how="profile"]')).toHaveCount(1);
  await expect(unmapped).toHaveCount(1);
  await expect(unmapped.first()).toContainText('联系电话');

  // The mapping is a site profile: another page of the type is read with it.
  const again = await ctx.newPage();
  await again.goto(url);
  expect((await waitForMarkers(again, 1)).map((m) => m.ruleId)).toEqual(['detention-family-notice-24h']);
});

test('the panel says how each field was found: as listed, a variant, by its section', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0306/detention`);
  await waitForMarkers(page, 4);
  await page.keyboard.press('Alt+Shift+A');
  const panel = page.locator('[data-caselint-host="panel"] .ap');
  await panel.locator('.ap-matched summary').click();
  await expect(panel.locator('[data-matched="case.number"]')).toHaveAttribute('data-how', 'exact');
  await expect(panel.locator('[data-matched="detention.familyNotifiedAt"]')).toHaveAttribute('data-how', 'variant');
  await expect(panel.locator('[data-matched="detention.familyNotifiedAt"]')).toContainText('家属通知时间 → 通知家属时间 · 标签变体');
  await expect(panel.locator('[data-matched="detention.startAt"]')).toHaveAttribute('data-how', 'section');
  await expect(panel.locator('.ap-unmapped')).toHaveCount(0);
});
