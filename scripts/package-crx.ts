/**
 * For forced installation by policy from the intranet: packs the built extension into a CRX signed
 * with the unit's own key, and writes the update manifest (updates.xml) and a sample policy for it.
 *
 *   CASELINT_KEY=/secure/caselint.pem CASELINT_UPDATE_BASE=http://10.12.0.10/caselint npm run package
 *
 * The unit's key decides the extension id (printed, and written into the files), so the manifest
 * `key` of this repository is left out of the packed copy. Without CASELINT_KEY this step is
 * skipped with a note: the zips are enough for installing by hand.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Chrome's extension id: the first 128 bits of SHA-256 over the public key (DER), as letters a–p. */
export function extensionIdOf(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

export function updateManifest(id: string, version: string, crxUrl: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${id}'>
    <updatecheck codebase='${crxUrl}' version='${version}' />
  </app>
</gupdate>
`;
}

export function samplePolicy(id: string, updateUrl: string): object {
  return {
    ExtensionInstallForcelist: [`${id};${updateUrl}`],
    ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: updateUrl, toolbar_pin: 'force_pinned' } },
    '3rdparty': {
      extensions: {
        [id]: {
          origins: ['http://10.12.3.4:8080'],
          units: ['城关派出所', '刑侦大队', '法制大队'],
          settings: { role: 'officer', locale: 'zh-CN' },
          lockedSettings: ['sites'],
        },
      },
    },
  };
}

function main(): void {
  const keyPath = process.env.CASELINT_KEY;
  if (!keyPath) {
    console.log('未设置 CASELINT_KEY：跳过 CRX 与更新清单（离线手动安装用 .output/*.zip 即可）。/ CASELINT_KEY not set: no CRX, the zips are written.');
    return;
  }
  const base = (process.env.CASELINT_UPDATE_BASE ?? 'http://intranet.invalid/caselint').replace(/\/$/, '');
  const out = resolve('.output');
  const built = join(out, 'chrome-mv3');
  if (!existsSync(join(built, 'manifest.json'))) throw new Error('缺少 .output/chrome-mv3：请先运行 npm run build');
  const pem = readFileSync(keyPath, 'utf8');
  const id = extensionIdOf(pem);
  const work = mkdtempSync(join(tmpdir(), 'caselint-crx-'));
  const dir = join(work, 'caselint');
  cpSync(built, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { key?: string; version: string };
  delete manifest.key;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const r = spawnSync(chromium, ['--no-sandbox', '--headless', `--pack-extension=${dir}`, `--pack-extension-key=${resolve(keyPath)}`], { encoding: 'utf8', timeout: 120_000 });
  const crx = join(work, 'caselint.crx');
  if (!existsSync(crx)) throw new Error(`CRX 打包失败（${chromium}）：${r.stderr || r.error?.message}`);
  const name = `caselint-${manifest.version}.crx`;
  renameSync(crx, join(out, name));
  rmSync(work, { recursive: true, force: true });
  const updateUrl = `${base}/updates.xml`;
  writeFileSync(join(out, 'updates.xml'), updateManifest(id, manifest.version, `${base}/${name}`));
  writeFileSync(join(out, 'policy-sample.json'), `${JSON.stringify(samplePolicy(id, updateUrl), null, 2)}\n`);
  console.log(`扩展 ID / extension id: ${id}`);
  console.log(`已写出 / written: .output/${name}, .output/updates.xml, .output/policy-sample.json`);
  console.log(`把 ${name} 和 updates.xml 放到 ${base}/ 下，再按 docs/policy/README.md 下发策略。`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
