import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The manifest `key` fixes the extension id (dhdemfiikokioodfccnpjianfkofaakp) so that e2e tests
 * and enterprise policies can address it without waiting for the service worker.
 */
const KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA07yGbQv08ck0P+OP8g041PtYek0yVeL8oZRmO4BSO78wX9KvTkV3FiKitIBUImEoLRGH7ruFUVxwbP8s+ixldU+ph6XEaACDF0S2sh9gKJIscyJfFPUiezBA5WEYSLPfg2gaQFo+eM4jcSGexQDWmWlxHVZeMQZS9raV6Xsf8ODoGafRVgdIDPC28aMX85+r/Mq9Z4wSR2YKT3MXpr+kLhZ/n5PGj8MTyC+6EPGanTJ933546nh12jEfEaOQOvSk7DnmnONPGSg1m342s59ZzBiKctOEsVRNvcIyXf/XONgUSxgKSuzSifVduO5DSVuXWvwZ2L6hCIMTIlO4Exd8pQIDAQAB';

export default defineConfig({
  imports: false,
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'CaseLint 执法巡查助手' },
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
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
