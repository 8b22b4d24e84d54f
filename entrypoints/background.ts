/** The service worker. Listeners are registered synchronously at top level (MV3 stops idle workers). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {
    browser.runtime.onInstalled.addListener(() => {
      /* nothing to migrate yet */
    });
  },
});
