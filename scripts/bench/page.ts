/**
 * Page benchmark (in Chromium, with the plugin build — the same code the extension runs):
 * a generated case page of 2,000 controls with 20 suspect rows. Prints the median full scan
 * (read + evaluate) and the median re-check after one keystroke, with their ratio.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { launchPlain, PLUGIN_FILE, requireBuild } from '../../test/browser';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};

/** 20 suspect rows × 5 controls, the detention form, and filler rows up to 2,000 controls. */
export function bigPageHtml(controls = 2000, suspects = 20): string {
  const rows: string[] = [];
  for (let i = 0; i < suspects; i++) {
    const id = i % 2 ? '320102198503120012' : '320102198503120013';
    rows.push(`<tr><td>${i + 1}</td><td><input value="嫌疑人${i}"></td><td><input value="${id}"></td><td><select><option selected>男</option><option>女</option></select></td><td><input value="1985-03-12"></td><td><input value="是"></td></tr>`);
  }
  const known = [
    ['案件编号', 'XS2024-9999'], ['拘留批准时间', '2024-03-05 13:50'], ['拘留证号', '滨公（刑）拘字〔2024〕9999号'], ['拘留时间', '2024-03-05 14:30'],
    ['送看守所时间', '2024-03-06 18:00'], ['通知家属时间', '2024-03-06 16:45'], ['第一次讯问时间', '2024-03-05 19:00'], ['提请批准逮捕时间', '2024-03-09 10:00'],
  ];
  const pairs = known.map(([l, v], i) => `<tr><td>${l}：</td><td><input id="k${i}" value="${v}"></td></tr>`);
  let n = suspects * 5 + known.length;
  for (let i = 0; n < controls; i++, n++) pairs.push(`<tr><td>备注事项${i}：</td><td><input value="情况说明${i}"></td></tr>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><form><table>${pairs.join('')}</table>
<table><thead><tr><th>序号</th><th>嫌疑人姓名</th><th>身份证号码</th><th>性别</th><th>出生日期</th><th>有无固定住处</th></tr></thead><tbody>${rows.join('')}</tbody></table></form></body></html>`;
}

export async function benchPage(page: Page, runs = 30): Promise<{ scan: number; recheck: number; controls: number }> {
  await page.setContent(bigPageHtml());
  await page.addScriptTag({ path: PLUGIN_FILE });
  await page.addScriptTag({ path: join(dirname(fileURLToPath(import.meta.url)), 'in-page.js') });
  return page.evaluate((n) => (window as unknown as { __caselintBench(n: number): Promise<{ scan: number; recheck: number; controls: number }> }).__caselintBench(n), runs);
}

export async function runPageBench(): Promise<{ scan: number; recheck: number; controls: number }> {
  requireBuild();
  const browser = await launchPlain();
  try {
    const page = await browser.newPage();
    return await benchPage(page);
  } finally {
    await browser.close();
  }
}
