/** Hostile and broken pages: values shown as text, no script runs, nothing breaks. */
import { PLUGIN_FILE } from '../browser';
import { expect, test } from './fixtures';

test('script in values and labels is shown as text; a throwing page, a detached and a cross-origin frame break nothing', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`${demo.url}/fixtures/hostile.html`);
  const notice = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-caselint-kind', 'needs-review');
  await notice.focus();
  await expect(notice.locator('.cl-msg')).toContainText('“<img src=x onerror=alert(1)>”无法识别');
  expect(await notice.locator('.cl-msg img').count()).toBe(0);
  // The custody rule still works next to the hostile fields.
  await expect(page.locator('[data-caselint-rule="detention-custody-24h"]')).toHaveCount(1);
  await page.keyboard.press('Alt+Shift+A');
  await expect(page.locator('section.ap')).toBeVisible();
  await expect(page.locator('.ap-item img, .ap-item script, .ap-item svg')).toHaveCount(0);
  // An injected <img onerror> would fire once its load failed: wait until nothing is loading.
  await page.waitForLoadState('networkidle');
  expect(dialogs).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __dialogs: number }).__dialogs)).toBe(0);

  // The plugin's scan() reports the cross-origin frame instead of failing.
  await page.addScriptTag({ path: PLUGIN_FILE });
  const scan = await page.evaluate(() => window.CaseLint!.scan());
  expect(scan.warnings.some((w) => w.includes('跨域'))).toBe(true);
  expect(scan.fields['detention.familyNotifiedAt']).toBe('<img src=x onerror=alert(1)>');
});

test('a page with 10,000 fields stays responsive and is read', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/fixtures/plain-detention.html`);
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"]')).toHaveCount(1);
  await page.evaluate(() => {
    const table = document.createElement('table');
    const labels = ['备注', '联系电话', '住址', '工作单位', '其他情况'];
    for (let i = 0; i < 5000; i++) {
      const tr = document.createElement('tr');
      tr.innerHTML = `<td>${labels[i % 5]}${i}：</td><td><input value="x${i}"></td><td>通知家属时间：</td><td><input value="2024-03-06 1${i % 10}:00"></td>`;
      table.append(tr);
    }
    document.body.append(table);
  });
  // Still responsive: typing in the first field re-checks within a second.
  await page.locator('#b').fill('2024-03-05 20:00');
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"]')).toHaveCount(0, { timeout: 5000 });
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(Date.now() - t0).toBeLessThan(2000);
});

test('the page’s own scripts cannot reach the extension’s findings', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/case/XS2024-0302/detention`);
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(4);
  // The content script lives in an isolated world: no global, no handle for the page.
  const visible = await page.evaluate(() => ({
    api: typeof (window as unknown as { CaseLint?: unknown }).CaseLint,
    chrome: typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
  }));
  expect(visible.api).toBe('undefined');
  expect(visible.chrome).toBe('undefined');
  // Forged events carry no findings: dispatching input on a field only re-reads its real value.
  await page.evaluate(() => {
    const el = document.getElementById('f-detention-familyNotifiedAt')!;
    el.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { ruleId: 'forged' } }));
  });
  await expect(page.locator('[data-caselint-rule="forged"]')).toHaveCount(0);
  // Positive control: re-checking is alive, and reads the field's real value (now on time) — nothing from the event.
  await page.evaluate(() => {
    const el = document.getElementById('f-detention-familyNotifiedAt') as HTMLInputElement;
    el.value = '2024-03-05 20:15';
    el.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { ruleId: 'forged', message: '伪造' } }));
  });
  await expect(page.locator('[data-caselint-rule]')).toHaveCount(3);
  await expect(page.locator('[data-caselint-rule="detention-family-notice-24h"]')).toHaveCount(0);
  await expect(page.locator('[data-caselint-rule="forged"]')).toHaveCount(0);
});

test('elements named like CaseLint\'s globals (rich-text fields keep id and name) do not silence it (#16.4)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demo.url}/fixtures/named-elements.html`);
  // The page really has them (a positive control for the fixture).
  expect(await page.evaluate(() => [typeof (window as unknown as Record<string, unknown>).__caselintContent, (document.getElementById('browser') as HTMLFormElement).runtime !== undefined])).toEqual(['object', true]);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await expect(marker).toHaveCount(1);
  await page.locator('#b').fill('2024-03-05 20:00');
  await expect(marker).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a page that never stops changing is still read: an SPA switch under a 100 ms clock (#16.6)', async ({ extContext, demo }) => {
  const page = await extContext.newPage();
  await page.goto(`${demo.url}/fixtures/busy-clock.html`);
  const marker = page.locator('[data-caselint-rule="detention-family-notice-24h"]');
  await expect(marker).toHaveCount(1);
  // The app shows another case: the form is replaced (no input event), the clock keeps ticking.
  await page.evaluate(() => {
    document.getElementById('app')!.innerHTML =
      '<form><p><label for="a">拘留时间</label> <input id="a" value="2024-03-05 14:30"></p><p><label>通知家属时间 <input id="b" value="2024-03-05 20:15"></label></p></form>';
  });
  await expect(marker).toHaveCount(0, { timeout: 5000 });
});
