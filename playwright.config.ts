import { defineConfig } from '@playwright/test';

// Report the extension service worker's own requests too (the no-network test watches them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'test/e2e',
  // Two cores: one browser at a time keeps timings honest and the run stable.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // A step that cannot happen fails in time, naming itself (rather than a bare test timeout).
  use: { trace: 'off', actionTimeout: 30_000, navigationTimeout: 30_000 },
});
