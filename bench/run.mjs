// The benchmark: loads the release build's pages, the baseline page and the release build on
// the 100x synthetic dataset in Debian's headless Chromium under Lighthouse-style mobile
// emulation, cold cache each time, then audits the release build's pages with Lighthouse
// (bench/lighthouse/run.mjs), and writes the figures and the budgets of issues 7 and 16 to
// BENCHMARKS.md and stdout. `scripts/bench` prepares the folders and runs this; see
// BENCHMARKS.md for the method.
//
//   node bench/run.mjs --site dist-bench --site-100x target/bench/site-100x \
//     --baseline target/bench/baseline [--out BENCHMARKS.md] [--runs 3] [--clicks 20] \
//     [--build-seconds N] [--lighthouse-out target/bench/lighthouse] [--lighthouse off]
//
// It is not a timed test: slow figures and missed budgets are reported, never a failure. It
// exits non-zero only when the measurements could not be made at all.
import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { siteSize } from './site-size.mjs';
import { wasmCrates } from './wasm-crates.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

// ---- options ---------------------------------------------------------------------------
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const opt = {
  site: resolve(root, args.site ?? 'dist-bench'),
  site100: resolve(root, args['site-100x'] ?? 'target/bench/site-100x'),
  baseline: resolve(root, args.baseline ?? 'target/bench/baseline'),
  out: resolve(root, args.out ?? 'BENCHMARKS.md'),
  runs: Number(args.runs ?? process.env.BENCH_RUNS ?? 3),
  clicks: Number(args.clicks ?? 20),
  port: Number(args.port ?? process.env.BENCH_PORT ?? 4180),
  command: args.command ?? process.env.BENCH_COMMAND ?? 'node bench/run.mjs',
  // The wasm as cargo wrote it, with its name section, for "what the wasm is made of".
  wasmNames: resolve(root, args['wasm-names'] ?? 'target/bench/app-names.wasm'),
  // How long `scripts/build-site` took to write --site, when the caller timed it.
  buildSeconds: args['build-seconds'] == null ? null : Number(args['build-seconds']),
  lighthouse: args.lighthouse !== 'off',
  lighthouseOut: resolve(root, args['lighthouse-out'] ?? 'target/bench/lighthouse'),
};
for (const [name, folder] of [['site', opt.site], ['site-100x', opt.site100], ['baseline', opt.baseline]]) {
  if (!existsSync(join(folder, 'index.html'))) {
    console.error(`bench: --${name} ${folder} has no index.html; run scripts/bench`);
    process.exit(2);
  }
}

// ---- the emulated phone and network -----------------------------------------------------
// Lighthouse's mobile throttling: 150 ms round trip, 1.6 Mbps down, 750 kbps up (Lighthouse
// counts 1 Mbps as 1,024 kbps and 1 kbps as 1,024 bit/s, as DevTools does), 4x CPU slowdown.
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const DEVICE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LOAD_TIMEOUT = 240_000;
/** The network counts as quiet once nothing has been in flight for this long. */
const QUIET_MS = 1_500;

// ---- the pages ---------------------------------------------------------------------------
// Every view's canonical link is a built page beside index.html (src/built_site.rs), rendered on
// the host, which the app then takes over. On the 100x site a page as built holds the published
// figures until the app, reading the synthetic data, takes it over.
const INDICATOR_PAGE = 'indicator-91547.html';
const WARD_PAGE = 'area-E05009332.html';
const builtIn = (folder, name) => (existsSync(join(folder, name)) ? name : null);
// The locality profile and the map are the first the build wrote in name order, so the choice
// is the same from run to run. A map page may add a level (`map-<indicator>.<level>.html`): the
// indicator's own map, without one, is preferred. Bengali pages end `.bn.html`.
const siteNames = readdirSync(opt.site).sort();
const firstNamed = (test) => siteNames.find(test) ?? null;
const LOCALITY_PAGE = firstNamed((n) => /^locality-[^.]+\.html$/.test(n));
const MAP_PAGE =
  firstNamed((n) => /^map-[^.]+\.html$/.test(n)) ?? firstNamed((n) => n.startsWith('map-') && n.endsWith('.html') && !n.endsWith('.bn.html'));
// `path`: the page's file in its folder ('' for the folder itself), null when the build wrote
// none (reported as not built). `app`: an explorer page, measured until the app is live
// (`<html data-app="live">`, js/handover.js); the baseline is measured until its chart is
// drawn. `ownChart`: the app also marks when it has drawn its own chart ("app-chart-drawn");
// on a built page the first chart ("first-chart-drawn") is drawn before that, from the option
// the page carries.
const PAGES = [
  { id: 'overview', label: 'Overview (`./`)', prefix: '/site/', path: '', app: true },
  { id: 'indicator', label: `Indicator view (\`./${INDICATOR_PAGE}\`)`, prefix: '/site/', path: builtIn(opt.site, INDICATOR_PAGE), app: true, ownChart: true },
  { id: 'locality', label: `Locality profile (\`./${LOCALITY_PAGE ?? 'locality-*.html'}\`)`, prefix: '/site/', path: LOCALITY_PAGE, app: true },
  { id: 'map', label: `Map (\`./${MAP_PAGE ?? 'map-*.html'}\`)`, prefix: '/site/', path: MAP_PAGE, app: true },
  { id: 'ward', label: `Ward page (\`./${WARD_PAGE}\`)`, prefix: '/site/', path: builtIn(opt.site, WARD_PAGE), app: true },
  { id: 'baseline', label: 'Baseline page (same chart, plain JS)', prefix: '/baseline/', path: '', app: false },
  { id: 'overview-100x', label: 'Overview, 100× data', prefix: '/site-100x/', path: '', app: true },
  { id: 'indicator-100x', label: 'Indicator view, 100× data', prefix: '/site-100x/', path: builtIn(opt.site100, INDICATOR_PAGE), app: true, ownChart: true },
];
const built = (spec) => spec.path != null;
const pageLabel = (id) => PAGES.find((p) => p.id === id).label;
/** The pages with issue 16's budgets, which Lighthouse audits too. */
const BUDGET_PAGES = ['overview', 'indicator', 'locality', 'map', 'ward'];
/** Set by the init script when `<html data-app="live">` appears. */
const APP_LIVE_MARK = 'bench-app-live';
/** The CLS budget (issue 16), the same on every page. */
const CLS_BUDGET = 0.02;
const SORT_LINKS = ['Highest first', 'Area order'];

// ---- the server --------------------------------------------------------------------------
function startServer() {
  const child = spawn(
    process.execPath,
    [join(here, 'serve.mjs'), String(opt.port), `/site/=${opt.site}`, `/site-100x/=${opt.site100}`, `/baseline/=${opt.baseline}`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolveStart, reject) => {
    let seen = 0;
    child.stdout.on('data', (chunk) => {
      seen += (String(chunk).match(/Serving/g) ?? []).length;
      if (seen >= 3) resolveStart(child);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}); is port ${opt.port} free?`)));
    setTimeout(() => reject(new Error('the server did not start in 10 s')), 10_000);
  });
}

// ---- one page load -----------------------------------------------------------------------
async function emulated(browser) {
  const context = await browser.newContext(DEVICE); // a new context: empty cache, no cookies
  // Runs before any of the page's own scripts, so nothing the page does escapes it.
  await context.addInitScript((appLiveMark) => {
    // Trunk's loader announces the wasm instance; keep its memory to report its size.
    addEventListener('TrunkApplicationStarted', (e) => {
      globalThis.__benchWasmMemory = e.detail?.wasm?.memory;
    });
    // Every layout shift not caused by input, the app's takeover of the built page included.
    // Its sources are described now: by the time the figures are read, the built view that
    // moved may have left the page.
    const shifts = (globalThis.__benchShifts = []);
    const describe = (node) => {
      if (!node || node.nodeType !== Node.ELEMENT_NODE) return node ? 'a text node' : 'an element since removed';
      const cls = typeof node.className === 'string' && node.className.trim() ? `.${node.className.trim().split(/\s+/)[0]}` : '';
      const testid = node.dataset?.testid ? `[data-testid="${node.dataset.testid}"]` : '';
      return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${cls}${testid}`;
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) shifts.push({ value: e.value, at: e.startTime, sources: (e.sources ?? []).map((x) => describe(x.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // The app is live once js/handover.js sets <html data-app="live">: marked as it happens.
    const live = new MutationObserver(() => {
      if (document.documentElement?.dataset.app !== 'live') return;
      live.disconnect();
      performance.mark(appLiveMark);
    });
    live.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
  }, APP_LIVE_MARK);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

function category(request) {
  const path = new URL(request.url).pathname;
  const mime = request.mimeType ?? '';
  if (path.endsWith('.wasm') || mime === 'application/wasm') return 'wasm';
  if (/echarts/.test(path) && (path.endsWith('.js') || mime.includes('javascript'))) return 'ECharts JS';
  if (path.endsWith('.js') || mime.includes('javascript')) return 'other JS';
  if (path.endsWith('.css') || mime === 'text/css') return 'CSS';
  if (path.endsWith('.json') || mime.includes('json')) return 'data (JSON)';
  if (mime === 'text/html' || path.endsWith('/') || path.endsWith('.html')) return 'HTML';
  return 'other';
}

function recordNetwork(cdp) {
  const requests = new Map();
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    lastActivity = Date.now();
    if (e.request.url.startsWith('data:')) return;
    requests.set(e.requestId, { url: e.request.url, done: false, start: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.mimeType = e.response.mimeType;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] ?? '';
  });
  cdp.on('Network.loadingFinished', (e) => {
    lastActivity = Date.now();
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, bytes: e.encodedDataLength, end: e.timestamp });
  });
  cdp.on('Network.loadingFailed', (e) => {
    lastActivity = Date.now();
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, bytes: 0, failed: e.errorText });
  });
  return {
    requests,
    async quiet() {
      const started = Date.now();
      while (Date.now() - started < LOAD_TIMEOUT) {
        const inFlight = [...requests.values()].some((r) => !r.done);
        if (!inFlight && Date.now() - lastActivity >= QUIET_MS) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the network never went quiet');
    },
  };
}

async function measureLoad(browser, base, spec) {
  const { context, page, cdp } = await emulated(browser);
  const net = recordNetwork(cdp);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const url = `${base}${spec.prefix}${spec.path}`;
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    // An explorer page is loaded once the app is live (and, on the indicator view, has drawn
    // its own chart); the baseline once its chart is drawn. Then the network must go quiet, so
    // that late shifts and paints are counted too.
    const marks = spec.app ? [APP_LIVE_MARK, ...(spec.ownChart ? ['app-chart-drawn'] : [])] : ['first-chart-drawn'];
    await page.waitForFunction((names) => names.every((name) => performance.getEntriesByName(name).length > 0), marks, {
      timeout: LOAD_TIMEOUT,
      polling: 250,
    });
    await net.quiet();
    const timing = await page.evaluate(
      (liveMark) =>
        new Promise((done) => {
          // An element that has left the page (the first view, once the app replaced it) is
          // reported without its element.
          const describe = (el) =>
            el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”` : 'an element since removed from the page (on a built page, the view the app replaced)';
          let lcp = null;
          const finish = () => {
            const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const nav = performance.getEntriesByType('navigation')[0];
            done({
              firstChart: at('first-chart-drawn'),
              appChart: at('app-chart-drawn'),
              live: at(liveMark),
              // null, not none, if the init script never ran: CLS then reads n/a, never 0.
              shifts: globalThis.__benchShifts ?? null,
              lcp: lcp ? lcp.startTime : null,
              lcpElement: lcp ? describe(lcp.element) : '',
              fcp: fcp ? fcp.startTime : null,
              load: nav ? nav.loadEventEnd : null,
              wasmMemory: globalThis.__benchWasmMemory ? globalThis.__benchWasmMemory.buffer.byteLength : null,
            });
          };
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            lcp = entries[entries.length - 1];
            finish();
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(finish, 3000);
        }),
      APP_LIVE_MARK,
    );
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const requests = [...net.requests.values()];
    const bytes = requests.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
    const byCategory = {};
    for (const r of requests) byCategory[category(r)] = (byCategory[category(r)] ?? 0) + (r.bytes ?? 0);
    const t0 = Math.min(...requests.map((r) => r.start));
    const files = requests.map((r) => ({
      start: (r.start - t0) * 1000,
      end: r.end == null ? null : (r.end - t0) * 1000,
      path: new URL(r.url).pathname.replace(spec.prefix, './'),
      category: category(r),
      bytes: r.bytes ?? 0,
      status: r.status,
      encoding: r.encoding,
      failed: r.failed,
    }));
    return {
      ok: true,
      ...timing,
      ...layoutShift(timing.shifts),
      bytes,
      byCategory,
      files,
      requests: requests.length,
      heapUsed: heap.usedSize,
      errors,
    };
  } catch (error) {
    return { ok: false, error: String(error.message ?? error).split('\n')[0], errors };
  } finally {
    await context.close();
  }
}

// Chrome's CLS: the largest session window of layout shifts, a window being shifts less than
// 1 s apart and at most 5 s long. Also the plain total and the largest single shift, so a
// reader can see what moved.
function layoutShift(shifts) {
  if (!shifts) return { cls: null, clsTotal: null, shiftCount: null, largestShift: null };
  let cls = 0;
  let windowSum = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const entry of [...shifts].sort((a, b) => a.at - b.at)) {
    if (entry.at - previous > 1000 || entry.at - windowStart > 5000) {
      windowSum = 0;
      windowStart = entry.at;
    }
    windowSum += entry.value;
    previous = entry.at;
    cls = Math.max(cls, windowSum);
  }
  const largest = shifts.reduce((big, x) => (big && big.value >= x.value ? big : x), null);
  return { cls, clsTotal: shifts.reduce((t, x) => t + x.value, 0), shiftCount: shifts.length, largestShift: largest };
}

// ---- filter change to updated chart ------------------------------------------------------
async function measureFilter(browser, base, prefix) {
  const { context, page, cdp } = await emulated(browser);
  const net = recordNetwork(cdp);
  const problems = [];
  const times = [];
  const redraws = [];
  const orders = [];
  try {
    await page.goto(`${base}${prefix}${INDICATOR_PAGE}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    // The sort links are the app's: wait until it has drawn its own chart and taken the page
    // over, or the first link found could be the built view's, which leaves the page.
    await page.waitForFunction((names) => names.every((name) => performance.getEntriesByName(name).length > 0), [APP_LIVE_MARK, 'app-chart-drawn'], {
      timeout: LOAD_TIMEOUT,
      polling: 250,
    });
    await net.quiet();
    for (let i = 0; i < opt.clicks; i += 1) {
      const label = SORT_LINKS[i % SORT_LINKS.length];
      const before = await page.evaluate(() => performance.getEntriesByName('chart-updated').length);
      // The clock starts in the page, immediately before the click is dispatched.
      const t0 = await page.evaluate((text) => {
        const link = [...document.querySelectorAll('[data-testid="sort-choice"] a')].find((a) => a.textContent.trim() === text);
        if (!link) return null;
        const start = performance.now();
        link.click();
        return start;
      }, label);
      if (t0 === null) {
        problems.push(`no “${label}” link in [data-testid="sort-choice"]`);
        break;
      }
      let t1;
      try {
        const handle = await page.waitForFunction(
          (start) => {
            const mark = performance.getEntriesByName('chart-updated').find((e) => e.startTime >= start);
            return mark ? mark.startTime : false;
          },
          t0,
          { timeout: 20_000, polling: 50 },
        );
        t1 = await handle.jsonValue();
      } catch {
        problems.push(`click ${i + 1} (“${label}”): no chart-updated mark within 20 s`);
        continue;
      }
      times.push(t1 - t0);
      await page.waitForTimeout(400); // let the page settle before the next click
      const after = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="area-chart"]');
        const chart = el && globalThis.echarts.getInstanceByDom(el);
        return {
          marks: performance.getEntriesByName('chart-updated').length,
          firstCharts: performance.getEntriesByName('first-chart-drawn').length,
          categories: chart ? chart.getOption().yAxis[0].data.join(' / ') : '',
          search: location.search,
        };
      });
      redraws.push(after.marks - before);
      orders.push(after.categories);
      if (after.firstCharts !== 1) problems.push(`click ${i + 1} reloaded the page`);
    }
    if (orders.length >= 2 && orders[0] === orders[1]) problems.push('the two sort orders drew the same chart');
  } catch (error) {
    problems.push(String(error.message ?? error).split('\n')[0]);
  } finally {
    await context.close();
  }
  return { times, redraws, orders: [...new Set(orders)], problems };
}

// A resident looking up a postcode on the emulated phone: from sending the search form on a
// loaded overview to her ward's page showing its heading. The overview is loaded afresh each
// time (cold cache), and the box is used once before sending, as a person's typing would, so
// the place index is fetched then; the clock covers the district file, the router and the
// ward's page.
const POSTCODES = ['E14 2BG', 'E1 0AA', 'E1W 3TJ', 'E3 2AA', 'E2 0AA'];
async function measurePostcode(browser, base) {
  const times = [];
  const districts = [];
  const problems = [];
  for (const postcode of POSTCODES) {
    const { context, page, cdp } = await emulated(browser);
    const net = recordNetwork(cdp);
    try {
      await page.goto(`${base}/site/`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      // The app's search box, not the built view's, which the app replaces when it goes live.
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, APP_LIVE_MARK, { timeout: LOAD_TIMEOUT, polling: 250 });
      const input = page.locator('[data-testid="place-search-input"]');
      await input.waitFor({ timeout: LOAD_TIMEOUT });
      await input.fill(postcode);
      await net.quiet();
      const t0 = await page.evaluate(() => {
        const start = performance.now();
        document.querySelector('[data-testid="place-search"]').requestSubmit();
        return start;
      });
      // The ward's page, or the search's own answer when the postcode is not in the lookup.
      const handle = await page.waitForFunction(
        () => {
          if (document.querySelector('[data-testid="area-heading"]')) return { at: performance.now() };
          const status = document.querySelector('[data-testid="search-status"]')?.textContent ?? '';
          return /not in|not a whole/.test(status) ? { answer: status } : false;
        },
        null,
        { timeout: 60_000, polling: 50 },
      );
      const landed = await handle.jsonValue();
      if (landed.answer) problems.push(`${postcode}: the search answered “${landed.answer}”`);
      else times.push(landed.at - t0);
      const file = [...net.requests.values()].find((r) => r.url.includes('/data/postcodes/'));
      if (file) districts.push({ path: new URL(file.url).pathname.replace('/site/', './'), bytes: file.bytes ?? 0 });
    } catch (error) {
      problems.push(`${postcode}: ${String(error.message ?? error).split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
  return { times, districts, problems };
}

// ---- figures -----------------------------------------------------------------------------
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (b) => (b == null ? 'n/a' : `${(b / 1000).toFixed(1)} KB`);
const mb = (b) => (b == null ? 'n/a' : `${(b / 1e6).toFixed(2)} MB`);
const ms = (t) => (t == null ? 'n/a' : `${Math.round(t)} ms`);
const memory = (x) => (x.heapUsed == null ? null : x.heapUsed + (x.wasmMemory ?? 0));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const times = (r) => (r == null ? 'n/a' : `${r.toFixed(2)}×`);
const pct = (r) => (r == null ? 'n/a' : `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%`);
const shift = (x) => (x == null ? 'n/a' : x.toFixed(3)); // a layout shift score, as Chrome rounds it
const relativeToRoot = (path) => (path.startsWith(`${root}/`) ? relative(root, path) : path);

function summarise(results) {
  const ok = results.filter((r) => r.ok);
  const pick = (key) => median(ok.map((r) => r[key]));
  const categories = [...new Set(ok.flatMap((r) => Object.keys(r.byCategory)))];
  return {
    runs: results.length,
    okRuns: ok.length,
    failures: results.filter((r) => !r.ok).map((r) => r.error),
    errors: [...new Set(results.flatMap((r) => r.errors ?? []))],
    bytes: pick('bytes'),
    byCategory: Object.fromEntries(categories.map((c) => [c, median(ok.map((r) => r.byCategory[c] ?? 0))])),
    requests: pick('requests'),
    firstChart: pick('firstChart'),
    firstChartAll: ok.map((r) => r.firstChart),
    appChart: pick('appChart'),
    appChartAll: ok.map((r) => r.appChart),
    live: pick('live'),
    liveAll: ok.map((r) => r.live),
    cls: pick('cls'),
    clsAll: ok.map((r) => r.cls),
    clsTotal: pick('clsTotal'),
    largestShift: ok[0]?.largestShift ?? null,
    shiftCount: ok[0]?.shiftCount ?? null,
    lcp: pick('lcp'),
    lcpAll: ok.map((r) => r.lcp),
    lcpElement: ok[0]?.lcpElement ?? '',
    fcp: pick('fcp'),
    heapUsed: pick('heapUsed'),
    wasmMemory: pick('wasmMemory'),
    files: ok[0]?.files ?? [],
  };
}

function machine(browserVersion) {
  const sh = (cmd, a) => {
    try {
      return execFileSync(cmd, a, { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const status = sh('git', ['-C', root, 'status', '--porcelain']);
  return {
    nproc: sh('nproc', []) || String(os.cpus().length),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: sh('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']) || os.type(),
    chromium: browserVersion,
    chromiumPath: CHROMIUM_PATH,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: `${sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD'])}${status ? ' with uncommitted changes in the working tree' : ''}`,
    load: os.loadavg().map((x) => x.toFixed(2)).join(', '),
  };
}

// ---- report ------------------------------------------------------------------------------
function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function report(m, s, filter1, filter100, loadEnd, postcode, build, lighthouse) {
  const base = s.baseline;
  const lines = [];
  const push = (...xs) => lines.push(...xs);
  const verdict = (met) => (met == null ? 'not measured' : met ? '**met**' : '**not met**');
  const measured = PAGES.filter(built);
  const page = (id) => PAGES.find((p) => p.id === id);

  push('# Benchmarks', '');
  push(
    'How the explorer performs for a resident on a cheap phone on a slow network (issues 7 and 16),',
    'measured against a baseline page that draws the same chart with nothing else, and what Lighthouse',
    'makes of its pages. Written by `scripts/bench`; every figure below is from the run described here.',
    'Not a timed test: nothing fails on a slow figure or a missed budget.',
    '',
  );
  push('## The run', '');
  push(
    table(
      ['', ''],
      [
        ['Command', `\`${opt.command}\``],
        ['Date (UTC)', m.date],
        ['Commit', m.commit],
        ['Machine', `${m.os}; ${m.nproc} cores (${m.cpu}); ${m.memory} memory`],
        ['Load average (1, 5, 15 min)', `${m.load} at the start; ${loadEnd} after the browser loads, before Lighthouse (the machine is shared, so timings carry noise)`],
        ['Browser', `${m.chromium} (${m.chromiumPath}), headless, driven by Playwright over the DevTools protocol`],
        ['Node', m.node],
        ['Emulation', `CPU ${CPU_SLOWDOWN}× slower; network 150 ms round trip, 1.6 Mbps down, 750 kbps up (\`Network.emulateNetworkConditions\`: ${NETWORK.downloadThroughput.toFixed(0)} / ${NETWORK.uploadThroughput.toFixed(0)} bytes/s); viewport 375×812, device pixel ratio 2, mobile, touch`],
        ['Cache', 'cold: a new browser context (empty cache) for every load'],
        ['Server', '`bench/serve.mjs` on 127.0.0.1: a plain static server (as `tests/e2e/serve.mjs`) that gzips text and wasm at level 9, as static hosts do'],
        ['Runs', `${opt.runs} cold load${opt.runs === 1 ? '' : 's'} of each page, interleaved; medians reported. Filter change: ${opt.clicks} clicks, median. Lighthouse: one run of each page with budgets`],
      ],
    ),
    '',
  );

  push('## The build', '');
  const size = (part) => [String(part.files), mb(part.raw), mb(part.served)];
  push(
    opt.buildSeconds == null
      ? 'Build time: not measured (`bench/run.mjs` was run without `--build-seconds`; `scripts/bench` times its build).'
      : `Build time: ${opt.buildSeconds} s, the wall clock of \`scripts/build-site ./ dist-bench\` in this run (Trunk's release build, the built pages and the HTML hardening), with cargo's \`target/\` as it was, so it is an incremental build when that was warm.`,
    '',
    `Built pages: ${build.pages.files} \`*.html\` files. Sizes are of the whole built folder (\`${relativeToRoot(opt.site)}\`), 1 MB = 1,000,000 bytes: raw on disk, and as served, each text and wasm file gzipped at level 9 as \`bench/serve.mjs\` sends it and every other file as it is (the bytes a host holding the folder would send for all of it, headers aside).`,
    '',
    table(
      ['Part', 'Files', 'Raw', 'As served (gzip -9)'],
      [
        ['Pages (`*.html`)', ...size(build.pages)],
        ['Data (`data/`)', ...size(build.data)],
        ['Everything else (wasm, JS, CSS, fonts, icon)', ...size(build.rest)],
        ['The whole folder', ...size(build.total)],
      ],
    ),
    '',
  );

  push('## Figures', '');
  push(
    'Bytes are what crossed the network (sum of `encodedDataLength` from `Network.loadingFinished`: gzip',
    'bodies plus response headers), 1 KB = 1,000 bytes. Times are from navigation start. *First chart',
    'drawn* is the `first-chart-drawn` performance mark (on a built page, set by its chart before the',
    'app arrives); *app’s own chart drawn* is `app-chart-drawn`; *app live* is when `<html',
    'data-app="live">` appears (js/handover.js sets it once the app has replaced the built view, its',
    'charts drawn), timed by a `MutationObserver` registered before the page’s first script. An explorer',
    'page counts as loaded once the app is live (the indicator view: and its own chart drawn), the',
    'baseline once its chart is drawn; then the network must be quiet for 1.5 s before the figures are',
    'read. CLS is Chrome’s: the largest session window (shifts less than 1 s apart, at most 5 s long) of',
    'the `layout-shift` entries without recent input, observed from before the page’s first script (a',
    'Playwright init script, `buffered: true`) until then, so the app’s takeover of the built page',
    'counts. JS heap is `Runtime.getHeapUsage().usedSize` after a forced garbage collection once the page',
    'is quiet; wasm memory is the size of the app’s WebAssembly linear memory then (it only grows, so it',
    'is the peak), which the JS heap does not include. A page the build did not write is *not built*.',
    '',
  );
  const drawn = (t) => (t == null ? 'none drawn' : ms(t));
  const row = (p) => {
    const x = s[p.id];
    if (!built(p)) return [p.label, 'not built', ...Array(8).fill('—')];
    if (x.okRuns === 0) return [p.label, 'no load finished (see “Problems”)', ...Array(8).fill('—')];
    return [
      p.label,
      kb(x.bytes),
      String(x.requests ?? 'n/a'),
      drawn(x.firstChart),
      drawn(x.appChart),
      p.app ? ms(x.live) : 'n/a (no app)',
      ms(x.lcp),
      shift(x.cls),
      mb(x.heapUsed),
      x.wasmMemory == null ? 'none' : mb(x.wasmMemory),
    ];
  };
  push(
    table(
      ['Page', 'Transferred', 'Requests', 'First chart drawn', 'App’s own chart drawn', 'App live', 'LCP', 'CLS', 'JS heap', 'Wasm memory'],
      PAGES.map(row),
    ),
    '',
  );
  push(
    table(
      ['Filter change → updated chart (indicator view, sort link)', 'Median', 'Min', 'Max', 'Clicks measured', 'Redraws per click'],
      [
        ['1× data', filter1],
        ['100× data', filter100],
      ].map(([label, f]) => [
        label,
        ms(median(f.times)),
        ms(f.times.length ? Math.min(...f.times) : null),
        ms(f.times.length ? Math.max(...f.times) : null),
        `${f.times.length} of ${opt.clicks}`,
        [...new Set(f.redraws)].join(', ') || 'n/a',
      ]),
    ),
    '',
  );
  push('Transferred bytes by kind:', '');
  const cats = [...new Set(measured.flatMap((p) => Object.keys(s[p.id].byCategory)))].sort();
  push(table(['Page', ...cats], measured.map((p) => [p.label, ...cats.map((c) => kb(s[p.id].byCategory[c] ?? 0))])), '');
  push('Largest contentful paint element (first run): ', '');
  for (const p of measured) push(`- ${p.label}: ${s[p.id].lcpElement || 'none reported'}`);
  push('');
  push('Layout shifts (first run): the CLS, the total of every shift, and the largest shift with the elements it moved:', '');
  for (const p of measured) {
    const x = s[p.id];
    const big = x.largestShift;
    const what = big ? `; largest ${shift(big.value)} at ${ms(big.at)}, moving ${big.sources.join(', ') || 'nothing named'}` : '';
    push(`- ${p.label}: ${x.shiftCount == null ? 'n/a' : x.shiftCount === 0 ? 'no layout shift' : `CLS ${shift(x.cls)}, total ${shift(x.clsTotal)} in ${x.shiftCount} shift${x.shiftCount === 1 ? '' : 's'}${what}`}`);
  }
  push('');
  push('Each run (first chart drawn / app’s own chart drawn / app live / LCP / CLS):', '');
  for (const p of measured) {
    const x = s[p.id];
    const all = (xs, f) => xs.map(f).join(', ') || 'n/a';
    push(`- ${p.label}: ${all(x.firstChartAll, drawn)} / ${all(x.appChartAll, drawn)} / ${p.app ? all(x.liveAll, ms) : 'n/a'} / ${all(x.lcpAll, ms)} / ${all(x.clsAll, shift)}`);
  }
  push('');

  push('## Ratios to the baseline page', '');
  push(
    'Each figure of the explorer divided by the same figure of the baseline page (1.00× = as fast / as small as the baseline); the app’s own chart and the app live are divided by the baseline’s first chart drawn.',
    '',
  );
  const ratioRow = (p) => {
    const x = s[p.id];
    if (!built(p)) return [p.label, 'not built', ...Array(6).fill('—')];
    return [
      p.label,
      times(ratio(x.bytes, base.bytes)),
      times(ratio(x.firstChart, base.firstChart)),
      times(ratio(x.appChart, base.firstChart)),
      times(ratio(x.live, base.firstChart)),
      times(ratio(x.lcp, base.lcp)),
      times(ratio(x.heapUsed, base.heapUsed)),
      times(ratio(memory(x), memory(base))),
    ];
  };
  push(
    table(
      ['Page', 'Transferred', 'First chart drawn', 'App’s own chart drawn', 'App live', 'LCP', 'JS heap', 'JS heap + wasm memory'],
      [
        ['Baseline page (absolute)', kb(base.bytes), ms(base.firstChart), 'n/a', 'n/a', ms(base.lcp), mb(base.heapUsed), mb(memory(base))],
        ...PAGES.filter((p) => p.id !== 'baseline').map(ratioRow),
      ],
    ),
    '',
  );
  push('The baseline has no filter, so the filter-change figure has no baseline ratio; its budget is absolute.', '');

  push('## 100× dataset against 1×', '');
  const synth = readSynthInfo();
  if (synth) push(synth, '');
  const growth = [
    ['Overview: transferred', kb(s.overview.bytes), kb(s['overview-100x'].bytes), pct(ratio(s['overview-100x'].bytes, s.overview.bytes))],
    ['Overview: LCP', ms(s.overview.lcp), ms(s['overview-100x'].lcp), pct(ratio(s['overview-100x'].lcp, s.overview.lcp))],
    ['Overview: JS heap', mb(s.overview.heapUsed), mb(s['overview-100x'].heapUsed), pct(ratio(s['overview-100x'].heapUsed, s.overview.heapUsed))],
    ['Indicator view: transferred', kb(s.indicator.bytes), kb(s['indicator-100x'].bytes), pct(ratio(s['indicator-100x'].bytes, s.indicator.bytes))],
    ['Indicator view: first chart drawn', ms(s.indicator.firstChart), ms(s['indicator-100x'].firstChart), pct(ratio(s['indicator-100x'].firstChart, s.indicator.firstChart))],
    ['Indicator view: app’s own chart drawn', ms(s.indicator.appChart), ms(s['indicator-100x'].appChart), pct(ratio(s['indicator-100x'].appChart, s.indicator.appChart))],
    ['Indicator view: LCP', ms(s.indicator.lcp), ms(s['indicator-100x'].lcp), pct(ratio(s['indicator-100x'].lcp, s.indicator.lcp))],
    ['Indicator view: JS heap', mb(s.indicator.heapUsed), mb(s['indicator-100x'].heapUsed), pct(ratio(s['indicator-100x'].heapUsed, s.indicator.heapUsed))],
    ['Overview: wasm memory', mb(s.overview.wasmMemory), mb(s['overview-100x'].wasmMemory), pct(ratio(s['overview-100x'].wasmMemory, s.overview.wasmMemory))],
    ['Indicator view: wasm memory', mb(s.indicator.wasmMemory), mb(s['indicator-100x'].wasmMemory), pct(ratio(s['indicator-100x'].wasmMemory, s.indicator.wasmMemory))],
    ['Filter change (median)', ms(median(filter1.times)), ms(median(filter100.times)), pct(ratio(median(filter100.times), median(filter1.times)))],
  ];
  push(table(['Figure', '1×', '100×', 'Change'], growth), '');
  const dataFiles = (id) => s[id].files.filter((f) => f.category === 'data (JSON)');
  push('Data files in the first load (gzip bytes on the wire):', '');
  push(
    table(
      ['Page', '1×', '100×'],
      ['overview', 'indicator'].map((id) => [
        id === 'overview' ? 'Overview' : 'Indicator view',
        dataFiles(id).map((f) => `${f.path} ${kb(f.bytes)}`).join('; ') || 'none',
        dataFiles(`${id}-100x`).map((f) => `${f.path} ${kb(f.bytes)}`).join('; ') || 'none',
      ]),
    ),
    '',
  );

  // Budgets.
  const overviewBudget = 350_000;
  const ttfcRatio = ratio(s.indicator.firstChart, base.firstChart);
  const filterMedian = median(filter1.times);
  const growOverview = ratio(s['overview-100x'].bytes, s.overview.bytes);
  const growIndicator = ratio(s['indicator-100x'].bytes, s.indicator.bytes);
  const growChart = ratio(s['indicator-100x'].firstChart, s.indicator.firstChart);
  const budgets = [
    [
      'First load of the overview ≤ 350 KB gzipped in total',
      `${kb(s.overview.bytes)} (${times(ratio(s.overview.bytes, overviewBudget))} the budget; ${times(ratio(s.overview.bytes, base.bytes))} the baseline page)`,
      verdict(s.overview.bytes == null ? null : s.overview.bytes <= overviewBudget),
    ],
    [
      'Time to first chart ≤ 1.25× the baseline page',
      `${ms(s.indicator.firstChart)} vs ${ms(base.firstChart)}: ${times(ttfcRatio)}`,
      verdict(ttfcRatio == null ? null : ttfcRatio <= 1.25),
    ],
    [
      'Filter change to updated chart ≤ 100 ms median (4× CPU slowdown)',
      `${ms(filterMedian)} (median of ${filter1.times.length})`,
      verdict(filterMedian == null ? null : filterMedian <= 100),
    ],
    [
      '100× dataset: first-load bytes within +5% of 1×',
      `overview ${pct(growOverview)} (${kb(s.overview.bytes)} → ${kb(s['overview-100x'].bytes)}); indicator view ${pct(growIndicator)} (${kb(s.indicator.bytes)} → ${kb(s['indicator-100x'].bytes)})`,
      verdict(growOverview == null || growIndicator == null ? null : growOverview <= 1.05 && growIndicator <= 1.05),
    ],
    [
      '100× dataset: time to first chart within +10% of 1×',
      `${pct(growChart)} (${ms(s.indicator.firstChart)} → ${ms(s['indicator-100x'].firstChart)})`,
      verdict(growChart == null ? null : growChart <= 1.1),
    ],
  ];
  push('## Budgets (issue 7)', '');
  push(table(['Budget', 'Measured', 'Verdict'], budgets), '');

  // Issue 16's budgets: each figure against the baseline page's in the same run.
  push('## Budgets (issue 16)', '');
  push(
    'Each figure with its ratio to the baseline page’s figure in this run. The app live on the indicator view is the moment the page a person sees has become the app.',
    '',
  );
  const budgetRow = (id, what, figure, baseFigure, format, limit, limitText) => {
    const p = page(id);
    if (!built(p)) return [`${what}: ${p.label}`, 'not built', '—', '—', limitText, 'not measured'];
    const r = ratio(figure, baseFigure);
    return [`${what}: ${p.label}`, format(figure), format(baseFigure), times(r), limitText, verdict(r == null ? null : r <= limit)];
  };
  const budgets16 = [
    ...BUDGET_PAGES.map((id) => budgetRow(id, 'LCP', s[id].lcp, base.lcp, ms, 0.75, '≤ 0.75× the baseline’s LCP')),
    budgetRow('indicator', 'First chart drawn', s.indicator.firstChart, base.firstChart, ms, 1.0, '≤ 1.00× the baseline’s first chart drawn'),
    budgetRow('indicator', `App live (its own chart drawn at ${ms(s.indicator.appChart)})`, s.indicator.live, base.firstChart, ms, 1.5, '≤ 1.50× the baseline’s first chart drawn'),
    ...BUDGET_PAGES.map((id) => {
      const p = page(id);
      if (!built(p)) return [`CLS: ${p.label}`, 'not built', '—', '—', `≤ ${CLS_BUDGET}`, 'not measured'];
      return [`CLS: ${p.label}`, shift(s[id].cls), shift(base.cls), 'n/a (the budget is absolute)', `≤ ${CLS_BUDGET}`, verdict(s[id].cls == null ? null : s[id].cls <= CLS_BUDGET)];
    }),
  ];
  push(table(['Figure', 'Measured', 'Baseline page', 'Ratio to the baseline', 'Budget', 'Verdict'], budgets16), '');

  push('## Lighthouse', '');
  push(...lighthouseSection(lighthouse, m, verdict));

  // Find my area on the phone.
  push('## Postcode to ward page', '');
  push(
    `From sending the search form with a postcode on a loaded overview to the ward's page showing its heading, on the emulated phone, once for each of ${POSTCODES.join(', ')} (cold cache each time): median ${ms(median(postcode.times))} (${postcode.times.map(ms).join(', ')}). The district files fetched: ${[...new Map(postcode.districts.map((d) => [d.path, d])).values()].map((d) => `\`${d.path}\` ${kb(d.bytes)}`).join('; ') || 'none'}.${postcode.problems.length ? ` Problems: ${postcode.problems.join('; ')}.` : ''}`,
    '',
  );

  // What the first load is made of, biggest first.
  push('## Where the bytes go', '');
  for (const id of ['indicator', 'baseline', 'indicator-100x'].filter((x) => built(page(x)))) {
    const label = page(id).label;
    const files = [...s[id].files].sort((a, b) => b.bytes - a.bytes);
    const total = files.reduce((t, f) => t + f.bytes, 0);
    push(`${label}, first load (first run; times from the page's request):`, '');
    push(
      table(
        ['File', 'Kind', 'Transferred', 'Share', 'Encoding', 'Requested at', 'Finished at'],
        files.map((f) => [
          `\`${f.path}\``,
          f.category,
          kb(f.bytes),
          total ? `${((f.bytes / total) * 100).toFixed(0)}%` : '',
          f.failed ? `failed: ${f.failed}` : f.encoding || (f.status === 404 ? '404' : 'none'),
          ms(f.start),
          ms(f.end),
        ]),
      ),
      '',
    );
  }

  const crates = wasmCrates(opt.wasmNames);
  if (crates) {
    push('## What the wasm is made of (approximate)', '');
    push(
      'Function bytes in the wasm as cargo wrote it (before wasm-bindgen and `wasm-opt -Oz`, which keep',
      'the proportions roughly), summed by the first crate each mangled name mentions. Generic code',
      'counts under the crate that defines it (a `core` function instantiated for the app’s types',
      'counts as `core`), so this says where to look, not an exact bill.',
      '',
    );
    const groups = groupCrates(crates);
    push(table(['Part', 'Share of code', 'Crates'], groups.map(([g, bytes, members]) => [g, `${((bytes / crates.total) * 100).toFixed(0)}%`, members.join(', ')])), '');
  }

  const problems = [];
  for (const p of PAGES.filter((q) => !built(q))) problems.push(`${p.label}: not built (the site folder has no such page), so not measured`);
  for (const p of measured) {
    const x = s[p.id];
    if (x.failures.length) problems.push(`${p.label}: ${x.failures.length} of ${x.runs} loads failed: ${x.failures.join('; ')}`);
    for (const e of x.errors) problems.push(`${p.label}: page error: ${e}`);
  }
  for (const [label, f] of [['1×', filter1], ['100×', filter100]]) {
    for (const p of f.problems) problems.push(`filter change, ${label}: ${p}`);
  }
  for (const r of lighthouse?.results ?? []) if (!r.ok) problems.push(`Lighthouse, ${pageLabel(r.id)}: ${r.error}`);
  if (lighthouse?.error) problems.push(`Lighthouse: ${lighthouse.error}`);
  push('## Problems seen in this run', '');
  push(problems.length ? problems.map((p) => `- ${p}`).join('\n') : 'None: every page was built, every load finished, every click redrew the chart and Lighthouse ran on every page.', '');
  push('## Findings', '');
  push(findings(s, filter1, filter100, crates), '');
  push('## How to run it', '');
  push(
    '```sh',
    'scripts/bench            # setup, release build, 100× data, baseline, measure, Lighthouse, write BENCHMARKS.md',
    'BENCH_RUNS=5 scripts/bench',
    'scripts/bench --lighthouse off   # the same without Lighthouse (extra arguments go to bench/run.mjs)',
    '```',
    '',
    '`scripts/bench` installs Lighthouse into `bench/lighthouse/node_modules` from its own lock file',
    'when it is missing or older than the lock (so the project’s own `npm ci` stays without it), builds',
    'the release site into `dist-bench/` (`scripts/build-site ./ dist-bench`, timed), makes the synthetic',
    'data with `tht-synth` (`crates/outcomes-synth`) in `target/bench-synth/data` (never in `public/`),',
    'copies the site with that data into `target/bench/site-100x/`, puts the baseline page',
    '(`bench/baseline/`) with a copy of the site’s `data/` and the very `echarts.js` file the site serves',
    'into `target/bench/baseline/`, and runs `bench/run.mjs`. That serves the three folders with',
    '`bench/serve.mjs`, counts and sizes the built folder (`bench/site-size.mjs`), loads each page in',
    'Chromium through Playwright, then closes that browser and runs Lighthouse on the five pages with',
    'budgets (`bench/lighthouse/run.mjs`). The pages: the overview, `indicator-91547.html`, the first',
    '`locality-<code>.html` in name order, the first English `map-*.html` in name order (one without',
    'a level preferred), `area-E05009332.html`, and the baseline; a page the build did not write is',
    'reported as not built. Only one heavy command should run on the machine at a time: the figures are',
    'CPU-bound under the 4× slowdown. It exits non-zero only when a built page could not be loaded',
    'once, or Lighthouse could not audit any page.',
    '',
  );
  return lines.join('\n');
}

// The Lighthouse part of the report: each page's scores against their budgets, Lighthouse's own
// LCP, TBT and CLS, and, where a category misses its budget, its failing audits, so that a
// reader knows what to fix.
function lighthouseSection(lighthouse, m, verdict) {
  if (!lighthouse) return ['Not run this time (`--lighthouse off`).', ''];
  if (lighthouse.error) return [`Not run: ${lighthouse.error}`, ''];
  const { categories, results } = lighthouse;
  const out = [];
  const ran = results.filter((r) => r.ok);
  const index = ran.map((r) => r.benchmarkIndex).filter((x) => x != null);
  out.push(
    `Lighthouse ${ran[0]?.version ?? '(no run finished)'} (pinned in \`bench/lighthouse/package-lock.json\`) in its default mode: mobile form factor and screen, simulated throttling (it loads the page without throttling and computes the figures for a 150 ms round trip, 1.6 Mbps and a 4× slower CPU). One run of each page, each in a fresh headless Chromium (${m.chromiumPath}, ${m.chromium}) started by \`chrome-launcher\`, against the same server as above; categories ${categories.map((c) => c.title).join(', ')}. Its LCP, TBT and CLS are its own simulated figures, not those measured above. The server sends no caching headers, so “Serve static assets with an efficient cache policy” is about the host’s headers, not the build.${index.length ? ` Its benchmark index for this machine's CPU (higher is faster): ${index.map((x) => Math.round(x)).join(', ')}.` : ''} The full JSON reports: \`${relativeToRoot(opt.lighthouseOut)}/<page>.json\` (not committed).`,
    '',
  );
  const cells = (p) => {
    if (!built(p)) return ['not built', ...Array(categories.length + 2).fill('—')];
    const r = results.find((x) => x.id === p.id);
    if (!r?.ok) return [`failed: ${r?.error ?? 'not run'}`, ...Array(categories.length + 2).fill('—')];
    return [
      ...categories.map((c) => (r.scores[c.id] == null ? 'not scored' : `${r.scores[c.id]} ${verdict(r.scores[c.id] >= c.budget)}`)),
      ms(r.lcp),
      ms(r.tbt),
      shift(r.cls),
    ];
  };
  out.push(
    table(
      ['Page', ...categories.map((c) => `${c.title} (budget ${c.budget === 100 ? '100' : `≥ ${c.budget}`})`), 'LCP', 'TBT', 'CLS'],
      BUDGET_PAGES.map((id) => [pageLabel(id), ...cells(PAGES.find((p) => p.id === id))]),
    ),
    '',
  );
  const toFix = [];
  for (const r of ran) {
    for (const c of categories) {
      const failing = r.failing[c.id];
      if (!failing) continue;
      toFix.push(`- ${pageLabel(r.id)}, ${c.title.toLowerCase()} ${r.scores[c.id] ?? 'not scored'}:`);
      const shown = failing.slice(0, 10);
      for (const audit of shown) toFix.push(`  - ${audit}`);
      if (failing.length > shown.length) toFix.push(`  - and ${failing.length - shown.length} more in the JSON report`);
      if (failing.length === 0) toFix.push('  - no single audit fails; the score is the weighted sum of audits that pass only in part');
    }
  }
  out.push('What to fix: the failing audits (score under 0.9, as Lighthouse’s report counts them) of each category below its budget, as Lighthouse titles them, with its figure and the first elements or files it names:', '');
  out.push(toFix.length ? toFix.join('\n') : 'Nothing: every category met its budget on every page.', '');
  // An audit that broke says nothing about the page; said once, with the pages it broke on.
  const broken = new Map();
  for (const r of ran) {
    for (const e of r.errored) {
      const key = `${e.title}: ${e.message}`;
      broken.set(key, [...(broken.get(key) ?? []), r.id]);
    }
  }
  if (broken.size) {
    out.push('Audits Lighthouse could not run (a fault of the tool with this Chromium, not a finding about the page; they are left out of the lists above):', '');
    for (const [what, ids] of broken) out.push(`- ${what} (${ids.length === ran.length ? 'every page' : ids.join(', ')})`);
    out.push('');
  }
  const warnings = ran.flatMap((r) => [...r.warnings, ...(r.runtimeError ? [r.runtimeError] : [])].map((w) => `${pageLabel(r.id)}: ${w}`));
  if (warnings.length) out.push('Lighthouse’s warnings:', '', ...warnings.map((w) => `- ${w}`), '');
  return out;
}

function readSynthInfo() {
  try {
    const info = readFileSync(join(opt.site100, 'data', 'SYNTHETIC-NOT-FOR-PUBLICATION.txt'), 'utf8').split('\n')[0];
    const real = JSON.parse(readFileSync(join(opt.site, 'data', 'manifest.json'), 'utf8'));
    const synth = JSON.parse(readFileSync(join(opt.site100, 'data', 'manifest.json'), 'utf8'));
    const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
    const realFile = join(opt.site, 'data', 'manifest.json');
    const synthFile = join(opt.site100, 'data', 'manifest.json');
    const ratioOf = (file) => (readFileSync(file).length / gz(file)).toFixed(1);
    const fidelity = ` Gzip shrinks the published manifest ${ratioOf(realFile)}:1 and the synthetic one ${ratioOf(synthFile)}:1 (copies reorder the originals' words and invent area names and codes so they compress about as real text would; where they compress better, the growth below is understated).`;
    return `${info} The catalogue has ${synth.indicators.length} indicators and ${synth.areas.length} areas (the published data: ${real.indicators.length} and ${real.areas.length}); the key areas (England, London, the borough, the four localities) are not copied, so the indicator view draws the same four bars.${fidelity}`;
  } catch {
    return '';
  }
}

const GROUPS = [
  ['Leptos (views, reactivity, router)', ['tachys', 'reactive_graph', 'reactive_stores', 'leptos', 'leptos_dom', 'leptos_macro', 'leptos_router', 'any_spawner']],
  ['Rust core and alloc (generic code, formatting, collections)', ['core', 'alloc', 'std', 'hashbrown', 'dlmalloc', 'indexmap']],
  ['serde and serde_json (reading the data, writing chart options)', ['serde_json', 'serde_core', 'serde', 'serde_wasm_bindgen']],
  ['charming (chart option builders)', ['charming']],
  ['wasm-bindgen, js-sys, web-sys, gloo', ['wasm_bindgen', 'wasm_bindgen_futures', 'js_sys', 'web_sys', 'gloo_net', 'gloo_utils']],
  ['The explorer’s own crates', ['tht_outcomes_explorer', 'outcomes_charts', 'outcomes_core', 'outcomes_state']],
];

function groupCrates(crates) {
  const byName = new Map(crates.crates);
  const rows = GROUPS.map(([label, members]) => {
    const present = members.filter((m) => byName.has(m));
    return [label, present.reduce((t, m) => t + byName.get(m), 0), present];
  });
  const grouped = new Set(GROUPS.flatMap(([, m]) => m));
  const rest = crates.crates.filter(([c]) => !grouped.has(c));
  rows.push(['Everything else', rest.reduce((t, [, b]) => t + b, 0), rest.map(([c]) => c)]);
  return rows.sort((a, b) => b[1] - a[1]);
}

function findings(s, filter1, filter100, crates) {
  const out = [];
  const seconds = (bytes) => `${(bytes / NETWORK.downloadThroughput).toFixed(1)} s`;
  const indicatorFiles = [...s.indicator.files].sort((a, b) => b.bytes - a.bytes);
  const total = indicatorFiles.reduce((t, f) => t + f.bytes, 0);
  const top = indicatorFiles.slice(0, 3).map((f) => `\`${f.path}\` ${kb(f.bytes)} (${((f.bytes / total) * 100).toFixed(0)}%)`);
  out.push(`- **Biggest items of the first load** (indicator view): ${top.join(', ')}.`);
  const wasm = s.indicator.byCategory.wasm ?? 0;
  const echarts = s.indicator.byCategory['ECharts JS'] ?? 0;
  const file = (id, test) => s[id].files.find((f) => test(f.path, f.category));
  const builtPage = file('indicator', (path) => /indicator-91547\.html$/.test(path));
  const wasmFile = file('indicator', (_, kind) => kind === 'wasm');
  if (builtPage && wasmFile) {
    out.push(
      `- **The first chart comes before the app:** the indicator's built page (\`${builtPage.path}\`, ${kb(builtPage.bytes)}) carries its chart's option and draws it as soon as ECharts has arrived: at ${ms(s.indicator.firstChart)}, ${times(ratio(s.indicator.firstChart, s.baseline.firstChart))} the baseline's ${ms(s.baseline.firstChart)}. The wasm (${kb(wasmFile.bytes)}) is requested at ${ms(wasmFile.start)} in the first run${s.indicator.firstChart != null && wasmFile.start >= s.indicator.firstChart - 50 ? ', only then, so the two do not share the line' : ', while ECharts is still on the line'}, and the app draws its own chart, with the choices, table and sources, at ${ms(s.indicator.appChart)} (${times(ratio(s.indicator.appChart, s.baseline.firstChart))} the baseline).`,
    );
  }
  out.push(
    `- **The app beyond the baseline:** the explorer transfers ${kb(s.indicator.bytes - s.baseline.bytes)} more than the baseline page (${kb(s.indicator.bytes)} vs ${kb(s.baseline.bytes)}); the wasm alone is ${kb(wasm)}, against ${kb(echarts)} of ECharts that both pages load. At the emulated 1.6 Mbps the bytes alone take ${seconds(s.indicator.bytes)} for the explorer and ${seconds(s.baseline.bytes)} for the baseline: that, not the first chart, is what the wasm's size now costs (the app's own chart, and the overview's ${kb(s.overview.bytes)}).`,
  );
  if (crates) {
    const [top, second] = groupCrates(crates);
    out.push(
      `- **The wasm:** the largest parts of its code are ${top[0]}: ${((top[1] / crates.total) * 100).toFixed(0)}%, and ${second[0]}: ${((second[1] / crates.total) * 100).toFixed(0)}% (see “What the wasm is made of”).`,
    );
  }
  const overviewEcharts = s.overview.byCategory['ECharts JS'] ?? 0;
  if (overviewEcharts > 0 && s.overview.firstChart == null) {
    out.push(
      `- **The overview loads ECharts without drawing a chart:** ${kb(overviewEcharts)} of its ${kb(s.overview.bytes)} (${((overviewEcharts / s.overview.bytes) * 100).toFixed(0)}%) is the ECharts bundle. Loading ECharts only when the first chart is about to be drawn would take the overview to about ${kb(s.overview.bytes - overviewEcharts)}.`,
    );
  }
  const manifest = (id) => s[id].files.find((f) => f.path.endsWith('data/manifest.json'))?.bytes ?? null;
  const m1 = manifest('overview');
  const m100 = manifest('overview-100x');
  if (m1 != null && m100 != null) {
    out.push(
      `- **The catalogue grows with the dataset:** \`data/manifest.json\` is ${kb(m1)} on the wire with the published data and ${kb(m100)} with the 100× data (${times(ratio(m100, m1))}), because it lists every area and every indicator (with its description, definition, methods and key figures). Every first load fetches it, so it adds ${kb(m100 - m1)} to each. What would fix it: split the catalogue: a small first-view index (framework, indicator ids, titles and latest headline figures for the overview; the key areas) and the rest (full indicator metadata, all areas with lookups) in per-indicator or per-level files fetched on demand.`,
    );
  }
  const shard = (id) => s[id].files.find((f) => /indicators\/91547\/locality\.json$/.test(f.path))?.bytes ?? null;
  const sh1 = shard('indicator');
  const sh100 = shard('indicator-100x');
  if (sh1 != null && sh100 != null) {
    out.push(
      `- **The shard:** \`indicators/91547/locality.json\` is ${kb(sh1)} vs ${kb(sh100)} (${times(ratio(sh100, sh1))}): one shard per level holds that level's areas and those it is compared with, so the locality view's download does not grow with the areas of other levels.`,
    );
  }
  const requested = (id, test) => {
    const f = file(id, test);
    return f ? ms(f.start) : 'never';
  };
  const isManifest = (path) => path.endsWith('data/manifest.json');
  const isShard = (path) => /indicators\/91547\/locality\.json$/.test(path);
  const isECharts = (_, kind) => kind === 'ECharts JS';
  // Whether the shard waited for the manifest, read from the first run rather than assumed.
  const manifestFile = file('indicator', isManifest);
  const shardFile = file('indicator', isShard);
  const shardWaited = manifestFile?.end != null && shardFile != null && shardFile.start >= manifestFile.end;
  out.push(
    `- **Request chain** (first run, from the page's request): the explorer requested ECharts at ${requested('indicator', isECharts)}, the manifest at ${requested('indicator', isManifest)} and the shard at ${requested('indicator', isShard)}${shardFile == null ? '' : shardWaited ? ' (once the manifest had arrived)' : ' (without waiting for the manifest)'}, ${s.indicator.requests} requests in all; the baseline requested them at ${requested('baseline', isECharts)}, ${requested('baseline', isManifest)} and ${requested('baseline', isShard)} (${s.baseline.requests} requests).`,
  );
  const f1 = median(filter1.times);
  const f100 = median(filter100.times);
  if (f1 != null) {
    out.push(
      `- **Filter change:** ${ms(f1)} median with the published data, ${ms(f100)} with 100× data${[...new Set(filter1.redraws)].some((r) => r > 1) ? '; the chart was redrawn more than once per click' : ''}. The time covers the router, recomputing the view from the shard, re-rendering the controls and table, building the option in Rust, passing it to ECharts as JSON and ECharts drawing.`,
    );
  }
  return out.join('\n');
}

// ---- Lighthouse ----------------------------------------------------------------------------
// Imported only when wanted, from its own folder: the project's `npm ci` does not install it.
async function runLighthouse(base) {
  let lighthouse;
  try {
    lighthouse = await import('./lighthouse/run.mjs');
  } catch (error) {
    return { error: `Lighthouse could not be loaded (${String(error.message ?? error).split('\n')[0]}); \`scripts/bench\` installs it, or run \`npm ci\` in \`bench/lighthouse/\`` };
  }
  const pages = BUDGET_PAGES.map((id) => PAGES.find((p) => p.id === id))
    .filter(built)
    .map((p) => ({ id: p.id, url: `${base}${p.prefix}${p.path}` }));
  try {
    const results = await lighthouse.audit(pages, opt.lighthouseOut, (line) => console.log(`bench: ${line}`));
    return { categories: lighthouse.CATEGORIES, results };
  } catch (error) {
    return { error: `Lighthouse stopped: ${String(error.message ?? error).split('\n')[0]}` };
  }
}

// ---- main --------------------------------------------------------------------------------
const server = await startServer().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(2);
});
const base = `http://127.0.0.1:${opt.port}`;
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const info = machine(browser.version());
  console.log(`bench: Chromium ${info.chromium}, ${info.nproc} cores, load ${info.load}; ${opt.runs} cold loads per page`);

  const results = Object.fromEntries(PAGES.map((p) => [p.id, []]));
  for (const spec of PAGES.filter((p) => !built(p))) console.log(`bench: ${spec.id}: not built, not measured`);
  for (let run = 1; run <= opt.runs; run += 1) {
    for (const spec of PAGES.filter(built)) {
      const r = await measureLoad(browser, base, spec);
      results[spec.id].push(r);
      console.log(
        `bench: run ${run}/${opt.runs} ${spec.id}: ${r.ok ? `${kb(r.bytes)}, first chart ${ms(r.firstChart)}, app live ${ms(r.live)}, LCP ${ms(r.lcp)}, CLS ${shift(r.cls)}, heap ${mb(r.heapUsed)}` : `failed: ${r.error}`}`,
      );
    }
  }
  console.log(`bench: filter change, ${opt.clicks} clicks, 1× data`);
  const filter1 = await measureFilter(browser, base, '/site/');
  console.log(`bench: filter change, ${opt.clicks} clicks, 100× data`);
  const filter100 = await measureFilter(browser, base, '/site-100x/');

  console.log(`bench: postcode search, ${POSTCODES.length} postcodes`);
  const postcode = await measurePostcode(browser, base);
  console.log(`bench: postcode to ward page: ${postcode.times.map(ms).join(', ')}`);
  const loadEnd = os.loadavg().map((x) => x.toFixed(2)).join(', ');

  // Lighthouse starts its own browsers: this one goes first, so that they never share the CPU.
  await browser.close();
  browser = null;
  let lighthouse = null;
  if (opt.lighthouse) {
    console.log(`bench: Lighthouse on ${BUDGET_PAGES.length} pages, reports in ${opt.lighthouseOut}`);
    lighthouse = await runLighthouse(base);
  }

  const build = siteSize(opt.site);
  const summary = Object.fromEntries(PAGES.map((p) => [p.id, summarise(results[p.id])]));
  const text = report(info, summary, filter1, filter100, loadEnd, postcode, build, lighthouse);
  writeFileSync(opt.out, `${text}\n`);
  console.log(`\n${text}\n`);
  console.log(`bench: wrote ${opt.out}`);
  const loaded = PAGES.filter(built).every((p) => summary[p.id].okRuns > 0);
  const audited = !lighthouse || lighthouse.results?.some((r) => r.ok);
  process.exitCode = loaded && audited ? 0 : 1;
  if (!loaded) console.error('bench: some built pages could not be measured at all (see "Problems seen in this run")');
  if (!audited) console.error('bench: Lighthouse could not audit any page (see "Problems seen in this run")');
} catch (error) {
  console.error(`bench: ${error.stack ?? error}`);
  process.exitCode = 2;
} finally {
  await browser?.close();
  server.kill();
}
