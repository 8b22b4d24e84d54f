import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { BUILD_TARGETS, FIREFOX_ESR, MV3_CHROMIUM, PAGE_CHROMIUM } from './lib/compat/targets';
import { BUILT_IN_ORIGINS, matchPatternOf } from './lib/config/origins';

/**
 * The manifest `key` fixes the extension id (dhdemfiikokioodfccnpjianfkofaakp) so that e2e tests
 * and enterprise policies can address it without waiting for the service worker.
 */
const KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA07yGbQv08ck0P+OP8g041PtYek0yVeL8oZRmO4BSO78wX9KvTkV3FiKitIBUImEoLRGH7ruFUVxwbP8s+ixldU+ph6XEaACDF0S2sh9gKJIscyJfFPUiezBA5WEYSLPfg2gaQFo+eM4jcSGexQDWmWlxHVZeMQZS9raV6Xsf8ODoGafRVgdIDPC28aMX85+r/Mq9Z4wSR2YKT3MXpr+kLhZ/n5PGj8MTyC+6EPGanTJ933546nh12jEfEaOQOvSk7DnmnONPGSg1m342s59ZzBiKctOEsVRNvcIyXf/XONgUSxgKSuzSifVduO5DSVuXWvwZ2L6hCIMTIlO4Exd8pQIDAQAB';

/**
 * Intranet origins built into a package (CASELINT_ORIGINS="http://10.12.3.4:8080,http://10.12.3.5"):
 * granted at install, so a unit that force-installs CaseLint needs no permission prompt on any browser.
 * Origins added later (options page, policy) are asked for at run time.
 */
const BUILT_IN = BUILT_IN_ORIGINS.map(matchPatternOf);
const PACKAGED = (process.env.CASELINT_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean)
  .map((o) => {
    const url = new URL(/^https?:\/\//.test(o) ? o : `http://${o}`);
    if (url.pathname !== '/' || url.search || url.hash) throw new Error(`CASELINT_ORIGINS: expected origins without a path, got ${o}`);
    return `${url.origin}/*`;
  });
const MATCHES = [...BUILT_IN, ...PACKAGED];

/**
 * Content scripts get a small promise wrapper of the extension APIs they use (lib/compat/content-browser.ts)
 * instead of webextension-polyfill, which every frame of a case page would otherwise load (#17.9).
 */
function contentScriptBrowser(): Plugin {
  let content = false;
  return {
    name: 'caselint:content-script-browser',
    enforce: 'pre',
    options(o) {
      // WXT builds each content script on its own, from its virtual isolated-world entry.
      content = JSON.stringify(o.input ?? '').includes('virtual:wxt-content-script-isolated-world-entrypoint');
      return null;
    },
    resolveId(id) {
      if (content && id === '@wxt-dev/webextension-polyfill/browser') return fileURLToPath(new URL('./lib/compat/content-browser.ts', import.meta.url));
      return null;
    },
  };
}

export default defineConfig({
  imports: false,
  // Promises for every extension API on every core: before Chromium 99 several MV3 APIs (runtime
  // and tabs messaging among them) return none, and MV2 none at all. Extension contexts only;
  // the plugin, which lives in the page's world, does not use it.
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  // One zip per build: caselint-0.1.0-chrome-mv3.zip, -chrome-mv2.zip, -firefox-mv2.zip.
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip' },
  // Everything that runs in a case page (content script, overlay, engine) must parse and run in the
  // oldest cores units have (lib/compat/targets.ts): syntax is lowered here, APIs are checked after
  // the build (npm run check:compat).
  // WXT's storage helper imports its browser straight from @wxt-dev/browser: the polyfill there too.
  vite: () => ({
    plugins: [preact(), contentScriptBrowser()],
    build: { target: BUILD_TARGETS },
    resolve: { alias: { '@wxt-dev/browser': '@wxt-dev/webextension-polyfill/browser' } },
  }),
  hooks: {
    // Packaged origins also get the declared content script.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...new Set([...(cs.matches ?? []), ...MATCHES])];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Chrome's MV2 has no scripting API (sites are injected on load instead, lib/sites) and no side panel.
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      ...(browser === 'firefox' || manifestVersion === 3 ? ['scripting'] : []),
      ...(browser !== 'firefox' && manifestVersion === 3 ? ['sidePanel'] : []),
    ],
    action: { default_title: 'CaseLint 执法巡查助手' },
    host_permissions: MATCHES,
    // Any intranet origin may be added later, each asked for with a click on the options page.
    ...(manifestVersion === 2 ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // The oldest cores each build works in (lib/compat/targets.ts; README "Browsers").
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: String(manifestVersion === 3 ? MV3_CHROMIUM : PAGE_CHROMIUM) }),
    // IT pushes sites, units, a pack and locked settings (docs/policy/).
    storage: { managed_schema: 'managed_schema.json' },
    // No other extension and no web page may message CaseLint.
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [] as string[], matches: [] as string[] } }),
    // The rule page, reachable by link only from the built-in and packaged origins (elsewhere the
    // worker opens it on the content script's request).
    // (Firefox's MV2 cannot limit them by origin: none there.)
    ...(browser === 'firefox' ? {} : { web_accessible_resources: manifestVersion === 3 ? [{ resources: ['rule.html'], matches: MATCHES }] : ['rule.html'] }),
    commands: {
      'toggle-audit-panel': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '打开/关闭审核面板 (toggle the audit panel)',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'caselint@example.invalid', strict_min_version: `${FIREFOX_ESR}.0` } } }
      : { key: KEY }),
  }),
});
