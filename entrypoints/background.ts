/** The service worker. Listeners are registered synchronously at top level (MV3 stops idle workers). */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BgToCs } from '../lib/messaging/protocol';

export default defineBackground({
  type: 'module',
  main() {
    // The reviewer's shortcut (Alt+Shift+A by default, changeable in the browser's shortcut settings).
    browser.commands?.onCommand.addListener((command, tab) => {
      if (command !== 'toggle-audit-panel' || tab?.id === undefined) return;
      const message: BgToCs = { type: 'bg-cs:toggle-panel' };
      browser.tabs.sendMessage(tab.id, message).catch(() => {
        /* no CaseLint on this page */
      });
    });
  },
});
