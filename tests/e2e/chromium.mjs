// How the tests and the benchmark start Debian's Chromium: as root it needs --no-sandbox,
// and on a closed network the background-service flags keep it from flooding the network
// with connection attempts. Never a browser download: CHROMIUM_PATH or /usr/bin/chromium.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
