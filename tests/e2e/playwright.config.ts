// End-to-end tests against the release build, served by a plain static server under a
// sub-path (and a second, deeper one, to show one build works anywhere), in Debian's Chromium.
import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { OTHER_SITE, PORT as port, SITE } from './server';

export default defineConfig({
  testDir: '.',
  outputDir: 'test-results',
  timeout: 30_000,
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
