// End-to-end tests against the release build, served by a plain static server under a
// sub-path (and a second, deeper one, to show one build works anywhere), in Debian's Chromium.
import { defineConfig } from '@playwright/test';

const port = 4173;

export default defineConfig({
  testDir: '.',
  outputDir: 'test-results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/outcomes/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node serve.mjs ../../dist-test ${port} /outcomes/`,
      url: `http://127.0.0.1:${port}/outcomes/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `node serve.mjs ../../dist-test ${port + 1} /council/committees/health/`,
      url: `http://127.0.0.1:${port + 1}/council/committees/health/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
