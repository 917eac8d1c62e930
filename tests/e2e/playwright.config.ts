// End-to-end tests against the release build, served by a plain static server under a
// sub-path (and a second, deeper one, to show one build works anywhere), in Debian's Chromium.
import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { OTHER_SITE, PORT as port, SITE } from './server';

export default defineConfig({
  testDir: '.',
  outputDir: 'test-results',
  // One worker: the tests are CPU-bound (axe on the larger views most of all), so a second
  // worker on a two-core machine saved 1.5 of 12.9 minutes and slowed every test. Every wait
  // is for a positive sign that the view is ready, so a busy machine makes a test slower,
  // never wrong; the generous timeouts leave room for that.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: SITE,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `node serve.mjs ../../dist-test ${port} /outcomes/`,
      url: SITE,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node serve.mjs ../../dist-test ${port + 1} /council/committees/health/`,
      url: OTHER_SITE,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
