/**
 * The service worker. Listeners are registered synchronously at top level (MV3 stops idle
 * workers); state lives in storage.session, not in globals.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CsToBg, pageKey, type BgToCs } from '../lib/messaging/protocol';

type SidePanelApi = { open(options: { tabId: number }): Promise<void> };

export default defineBackground({
  type: 'module',
  main() {
    // Content scripts report each page's result; only our own content scripts, from a tab, are heard.
    browser.runtime.onMessage.addListener((message, sender) => {
      if (sender.id !== browser.runtime.id || !sender.tab?.id || sender.frameId !== 0) return undefined;
      const m = CsToBg.safeParse(message);
      if (!m.success) return undefined;
      if (m.data.type === 'cs-bg:page-result') {
        void browser.storage.session.set({ [pageKey(sender.tab.id)]: m.data.summary });
      }
      return undefined;
    });

    browser.tabs.onRemoved.addListener((tabId) => {
      void browser.storage.session.remove(pageKey(tabId));
    });

    // The reviewer's shortcut (Alt+Shift+A by default): the side panel in Chrome, else the in-page panel.
    browser.commands?.onCommand.addListener((command, tab) => {
      if (command !== 'toggle-audit-panel' || tab?.id === undefined) return;
      const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
      const toggleInPage = () => {
        const message: BgToCs = { type: 'bg-cs:toggle-panel' };
        browser.tabs.sendMessage(tab.id!, message).catch(() => {
          /* no CaseLint on this page */
        });
      };
      if (sidePanel) sidePanel.open({ tabId: tab.id }).catch(toggleInPage);
      else toggleInPage();
    });
  },
});
