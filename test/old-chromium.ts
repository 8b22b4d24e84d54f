/**
 * Old Chromium cores for the compatibility e2e: the headless builds inside the npm packages
 * chrome-aws-lambda 6.0.0 (Chromium 89.0.4389) and 8.0.2 (Chromium 90.0.4427), the cores of
 * 360 and 信创 browsers' era. They cannot be installed as dependencies (their puppeteer-core peers
 * conflict), so the pinned tarball is fetched from the npm registry with `npm pack`, checked
 * against its pinned sha512, and the brotli-compressed binary unpacked once into
 * node_modules/.cache. They run the intranet plugin; they cannot load extensions.
 * Anything missing fails loudly, with the reason: never a silent skip.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

export const OLD_CORES = {
  '89': { pkg: 'chrome-aws-lambda@6.0.0', integrity: 'sha512-XnFo6AaE5ZYpHYmOmMoj1yCYFeRTx6uFCpJnVuDREWzXevzZvo3gzkyQ6qSKsPW91VGWeQI7wQgnOpW50e+Dzg==' },
  '90': { pkg: 'chrome-aws-lambda@8.0.2', integrity: 'sha512-a4VEX6DknxISPqGLksZa/JuEnjc4nLXaG0BMp5c9qERvJ/eBHPUJ7oCRQQC+SxSxuxsEwxbBj2RBlCQbivnihg==' },
} as const;
export type OldCore = keyof typeof OLD_CORES;

const CACHE = resolve('node_modules/.cache/caselint-old-chromium');

/** The path of the old core's binary, fetched and unpacked on first use. */
export function oldChromium(core: OldCore): string {
  const { pkg, integrity } = OLD_CORES[core];
  const dir = join(CACHE, pkg.replace('@', '-'));
  const binary = join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'caselint-old-chromium-'));
  try {
    const name = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
    const tarball = join(work, name);
    const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (actual !== integrity) throw new Error(`${pkg}: integrity ${actual} is not the pinned ${integrity}`);
    execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/bin/chromium.br']);
    writeFileSync(binary, brotliDecompressSync(readFileSync(join(work, 'package/bin/chromium.br'))));
    chmodSync(binary, 0o755);
    return binary;
  } catch (e) {
    rmSync(binary, { force: true });
    throw new Error(
      `无法取得旧版 Chromium ${core}（${pkg}，经 npm 仓库）：${(e as Error).message} / cannot get the old Chromium ${core} core from the npm registry`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts the old core headless with a DevTools port; resolves with its WebSocket endpoint. */
export function launchOldChromium(core: OldCore): Promise<{ endpoint: string; process: ChildProcess; close(): void }> {
  const binary = oldChromium(core);
  const profile = mkdtempSync(join(tmpdir(), `caselint-chromium${core}-`));
  // Only stderr is read (for the DevTools address): an unread stdout pipe that fills up blocks the browser.
  const child = spawn(binary, [
    '--headless',
    '--no-sandbox',
    '--no-zygote',
    '--single-process',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const close = () => {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  return new Promise((done, fail) => {
    let err = '';
    const timer = setTimeout(() => {
      close();
      fail(new Error(`旧版 Chromium ${core} 未能启动 / the old core did not start:\n${err.slice(-2000)}`));
    }, 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        done({ endpoint: m[1]!, process: child, close });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`旧版 Chromium ${core} 退出（${code}）/ the old core exited:\n${err.slice(-2000)}`));
    });
  });
}

/**
 * The old core started and connected over CDP (Playwright). A single-process core under load can
 * hang in the DevTools handshake: it is then started afresh, once.
 */
export async function connectOldChromium(core: OldCore): Promise<{ browser: Browser; close(): void }> {
  for (let attempt = 1; ; attempt++) {
    const old = await launchOldChromium(core);
    try {
      const browser = await chromium.connectOverCDP(old.endpoint, { timeout: 20_000 });
      return { browser, close: old.close };
    } catch (e) {
      old.close();
      if (attempt >= 2) throw e;
    }
  }
}
