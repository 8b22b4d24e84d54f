/**
 * Launching Chromium with the built extension (Debian's Chromium honours --load-extension).
 * A missing browser or a missing build fails loudly with how to fix it: never a silent skip.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const EXTENSION_ID = 'dhdemfiikokioodfccnpjianfkofaakp';
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const PLUGIN_FILE = resolve('.output/plugin/caselint.js');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `找不到 Chromium（${path}）。请安装：apt-get update && apt-get install -y chromium，` +
        `或用 CHROMIUM_PATH 指定浏览器路径。/ Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

export function requireBuild(): void {
  for (const f of [join(EXTENSION_DIR, 'manifest.json'), PLUGIN_FILE]) {
    if (!existsSync(f)) throw new Error(`缺少构建产物 ${f}：请先运行 npm run build / missing build output, run npm run build`);
  }
}

/** A plain Chromium (no extension): for the plugin, the reader and the benchmarks. */
export async function launchPlain() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
}

/** Writes storage.local values from an extension page (settings, config), as the options page would. */
export async function setStorage(context: BrowserContext, values: Record<string, unknown>): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(v), values);
  await page.close();
}

export const settingsFor = (role: 'officer' | 'reviewer') => ({ reviewerName: null, reviewerUnit: null, retentionDays: null, reminders: false, role, locale: 'zh-CN' });

/**
 * Chromium with the built extension and a fresh profile (or `profileDir`, to restart the same
 * browser). `role` sets the user's role first; without it the product's default (officer) holds.
 */
export async function launchWithExtension(options: { headless?: boolean; role?: 'officer' | 'reviewer'; profileDir?: string } = {}): Promise<BrowserContext> {
  requireBuild();
  const dir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'caselint-profile-'));
  const context = await launch(dir, options.headless);
  if (options.role) await setStorage(context, { settings: settingsFor(options.role) });
  return context;
}

function launch(dir: string, headless?: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: headless ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}
