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

export async function launchWithExtension(options: { headless?: boolean } = {}): Promise<BrowserContext> {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'caselint-profile-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
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
