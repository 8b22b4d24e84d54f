import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BUILT_IN_ORIGINS, matchPatternOf } from './lib/config/schema';

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

export default defineConfig({
  imports: false,
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Packaged origins also get the declared content script.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const cs of manifest.content_scripts ?? []) cs.matches = [...new Set([...(cs.matches ?? []), ...MATCHES])];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'CaseLint 执法巡查助手' },
    host_permissions: MATCHES,
    // Any intranet origin may be added later, each asked for with a click on the options page.
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // IT pushes sites, units, a pack and locked settings (docs/policy/).
    storage: { managed_schema: 'managed_schema.json' },
    // No other extension and no web page may message CaseLint.
    ...(browser === 'firefox' ? {} : { externally_connectable: { ids: [] as string[], matches: [] as string[] } }),
    // The rule page, reachable by link only from the built-in and packaged origins (elsewhere the
    // worker opens it on the content script's request).
    // (Firefox's MV2 cannot limit them by origin: none there.)
    ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: ['rule.html'], matches: MATCHES }] }),
    commands: {
      'toggle-audit-panel': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '打开/关闭审核面板 (toggle the audit panel)',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'caselint@example.invalid', strict_min_version: '115.0' } } }
      : { key: KEY }),
  }),
});
