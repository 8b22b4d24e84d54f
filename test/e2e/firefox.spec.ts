/**
 * The Firefox build in real Firefox ESR (Debian's firefox-esr), driven over WebDriver BiDi with
 * puppeteer-core, which installs the build as a temporary add-on. The unit's policy (a managed
 * storage manifest, as IT would deploy it) makes the user a reviewer. On a demo page: the markers
 * of the page's findings, the audit panel from Alt+Shift+A, and the findings in the add-on's log.
 *
 * Firefox's BiDi may not open or script the add-on's own pages (moz-extension:), so the log is
 * read where Firefox keeps it: the add-on's IndexedDB in the profile, read-only, while it runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ESR } from '../../lib/compat/targets';
import { expectedFindings } from './expected';
import { expect, test } from './fixtures';

const ADDON_DIR = resolve('.output/firefox-mv2');
const ADDON_ID = 'caselint@example.invalid';
/** The add-on's moz-extension: host, fixed by a pref so that its storage can be found. */
const ADDON_UUID = '6f0b8a4e-3c1d-4e5f-9a7b-2c8d1e0f3a11';

function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`找不到 Firefox ESR（${path}）：apt-get install -y firefox-esr，或用 FIREFOX_PATH 指定 / Firefox ESR not found at ${path}`);
  }
  return path;
}

/** Every element under the document and its open shadow roots, as the page shows them. */
const deep = (body: string) => `(() => { const out = []; const walk = (root) => root.querySelectorAll('*').forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); ${body} }); walk(document); return out; })()`;
const MARKERS = deep(`const r = el.getAttribute('data-caselint-rule'); if (r) out.push(r);`);
const PANEL = deep(`if (el.classList && el.classList.contains('ap')) out.push(el.textContent);`);

/** Rows per object store of the add-on's IndexedDB database "caselint" (none yet: an empty object). */
function addonLogCounts(profile: string): Record<string, number> {
  const dir = join(profile, 'storage/default', `moz-extension+++${ADDON_UUID}`, 'idb');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sqlite')) : [];
  if (!files.length) return {};
  const read = `import json,sqlite3,sys
out={}
for f in sys.argv[1:]:
  c=sqlite3.connect('file:'+f+'?mode=ro', uri=True)
  if c.execute('select name from database').fetchone()[0]!='caselint': continue
  for i,n in c.execute('select id,name from object_store'): out[n]=c.execute('select count(*) from object_data where object_store_id=?',(i,)).fetchone()[0]
print(json.dumps(out))`;
  try {
    return JSON.parse(execFileSync('python3', ['-c', read, ...files.map((f) => join(dir, f))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    // Firefox is writing this moment: not yet (the poll reads again). Anything else fails.
    if (/database is locked/.test(String((e as { stderr?: string }).stderr))) return {};
    throw e;
  }
}

async function pressShortcut(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

test('Firefox ESR: markers on a demo page, the audit panel from the shortcut, the findings in the log', async ({ demo }) => {
  test.setTimeout(120_000);
  if (!existsSync(join(ADDON_DIR, 'manifest.json'))) throw new Error('缺少 .output/firefox-mv2：请先运行 npm run build / missing Firefox build');
  const home = mkdtempSync(join(tmpdir(), 'caselint-firefox-home-'));
  const profile = mkdtempSync(join(tmpdir(), 'caselint-firefox-profile-'));
  // The unit's policy, where Firefox on Linux reads an add-on's managed storage.
  mkdirSync(join(home, '.mozilla/managed-storage'), { recursive: true });
  writeFileSync(
    join(home, '.mozilla/managed-storage', `${ADDON_ID}.json`),
    JSON.stringify({ name: ADDON_ID, description: 'CaseLint policy', type: 'storage', data: { settings: { role: 'reviewer' } } }),
  );
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      userDataDir: profile,
      env: { ...process.env, HOME: home },
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
    });
    const version = await browser.version();
    expect(Number(/firefox\/(\d+)/i.exec(version)?.[1]), version).toBeGreaterThanOrEqual(FIREFOX_ESR);
    expect(await browser.installExtension(ADDON_DIR)).toBe(ADDON_ID);

    const page = await browser.newPage();
    await page.goto(`${demo.url}/case/XS2024-0302/detention`);
    const expected = expectedFindings('XS2024-0302', 'detention');
    await page.waitForFunction(`${MARKERS}.length >= ${expected.length}`, { timeout: 30_000 });
    expect(((await page.evaluate(MARKERS)) as string[]).sort()).toEqual(expected.map((f) => f.ruleId).sort());

    await pressShortcut(page);
    await page.waitForFunction(`${PANEL}.length === 1`, { timeout: 10_000 });
    const [panel] = (await page.evaluate(PANEL)) as string[];
    expect(panel).toContain('审核面板');
    expect(panel).toContain('XS2024-0302');
    expect(panel).toContain(`违规 ${expected.filter((f) => f.severity === 'error').length}`);
    expect(panel).toContain('通知家属时间晚于拘留时间26小时15分');
    // The page's report reaches the add-on's log (read from Firefox's own files while it runs).
    await expect.poll(() => addonLogCounts(profile), { timeout: 15_000 }).toEqual({ findings: expected.length, dismissals: 0, pageChecks: 1, importStaging: 0 });
  } finally {
    await browser?.close().catch(() => {});
    rmSync(home, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});
