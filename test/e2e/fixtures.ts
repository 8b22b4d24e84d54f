import { test as base, type BrowserContext } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../../scripts/demo-site/server';
import { launchWithExtension } from '../browser';

export const test = base.extend<{ extContext: BrowserContext; freshContext: BrowserContext }, { demo: DemoServer; sharedContext: BrowserContext }>({
  demo: [
    async ({}, use) => {
      const server = await startDemoServer(0);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  sharedContext: [
    async ({}, use) => {
      const context = await launchWithExtension({ role: 'reviewer' });
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  /** A browser of its own, for tests that need an empty findings log. */
  freshContext: async ({}, use) => {
    const context = await launchWithExtension({ role: 'reviewer' });
    await use(context);
    await context.close();
  },
  extContext: async ({ sharedContext }, use) => {
    await use(sharedContext);
    for (const p of sharedContext.pages()) await p.close().catch(() => {});
  },
});

export const expect = test.expect;
