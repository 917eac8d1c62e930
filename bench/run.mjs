// The benchmark: loads the release build, the baseline page and the release build on the
// 100x synthetic dataset in Debian's headless Chromium under Lighthouse-style mobile
// emulation, cold cache each time, and writes the figures to BENCHMARKS.md and stdout.
// `scripts/bench` prepares the folders and runs this; see BENCHMARKS.md for the method.
//
//   node bench/run.mjs --site dist-bench --site-100x target/bench/site-100x \
//     --baseline target/bench/baseline [--out BENCHMARKS.md] [--runs 3] [--clicks 20]
//
// It is not a timed test: slow figures are reported, never a failure. It exits non-zero
// only when the measurements could not be made at all.
import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
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

// The indicator's built page (src/built_site.rs). On the 100x site the page as built holds the
// published figures until the app, reading the synthetic data, takes it over.
const INDICATOR_QUERY = 'indicator-91547.html';
// `app`: the explorer's own chart page, which also marks when the app has drawn its own chart
// ("app-chart-drawn"); on a built page the first chart is drawn before that, from the option
// the page carries.
const PAGES = [
  { id: 'overview', label: 'Overview (`./`)', prefix: '/site/', query: '', chart: false },
  { id: 'indicator', label: 'Indicator view (`./indicator-91547.html`)', prefix: '/site/', query: INDICATOR_QUERY, chart: true, app: true },
  { id: 'baseline', label: 'Baseline page (same chart, plain JS)', prefix: '/baseline/', query: '', chart: true },
  { id: 'overview-100x', label: 'Overview, 100× data', prefix: '/site-100x/', query: '', chart: false },
  { id: 'indicator-100x', label: 'Indicator view, 100× data', prefix: '/site-100x/', query: INDICATOR_QUERY, chart: true, app: true },
];
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
  // Trunk's loader announces the wasm instance; keep its memory to report its size.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      globalThis.__benchWasmMemory = e.detail?.wasm?.memory;
    });
  });
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
    const url = `${base}${spec.prefix}${spec.query}`;
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    if (spec.chart) {
      const mark = spec.app ? 'app-chart-drawn' : 'first-chart-drawn';
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
        timeout: LOAD_TIMEOUT,
        polling: 250,
      });
    } else {
      await page.waitForSelector('[data-testid="indicator-card"]', { timeout: LOAD_TIMEOUT });
    }
    await net.quiet();
    const timing = await page.evaluate(
      () =>
        new Promise((done) => {
          // An element that has left the page (the first view, once the app replaced it) is
          // reported without its element.
          const describe = (el) =>
            el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”` : 'an element since removed from the page (on a built page, the view the app replaced)';
          let lcp = null;
          const finish = () => {
            const chart = performance.getEntriesByName('first-chart-drawn')[0];
            const appChart = performance.getEntriesByName('app-chart-drawn')[0];
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const nav = performance.getEntriesByType('navigation')[0];
            done({
              firstChart: chart ? chart.startTime : null,
              appChart: appChart ? appChart.startTime : null,
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

// ---- filter change to updated chart ------------------------------------------------------
async function measureFilter(browser, base, prefix) {
  const { context, page, cdp } = await emulated(browser);
  const net = recordNetwork(cdp);
  const problems = [];
  const times = [];
  const redraws = [];
  const orders = [];
  try {
    await page.goto(`${base}${prefix}${INDICATOR_QUERY}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    // The sort links are the app's: wait for its own chart, not the first view's.
    await page.waitForFunction(() => performance.getEntriesByName('app-chart-drawn').length > 0, null, {
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

function report(m, s, filter1, filter100, loadEnd, postcode) {
  const base = s.baseline;
  const lines = [];
  const push = (...xs) => lines.push(...xs);
  const verdict = (pass) => (pass == null ? 'not measured' : pass ? '**pass**' : '**FAIL**');

  push('# Benchmarks', '');
  push(
    'How the explorer performs for a resident on a cheap phone on a slow network (issue 7), measured',
    'against a baseline page that draws the same chart with nothing else. Written by `scripts/bench`;',
    'every figure below is from the run described here. Not a timed test: nothing fails on a slow figure.',
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
        ['Load average (1, 5, 15 min)', `${m.load} at the start; ${loadEnd} at the end (the machine is shared, so timings carry noise)`],
        ['Browser', `${m.chromium} (${m.chromiumPath}), headless, driven by Playwright over the DevTools protocol`],
        ['Node', m.node],
        ['Emulation', `CPU ${CPU_SLOWDOWN}× slower; network 150 ms round trip, 1.6 Mbps down, 750 kbps up (\`Network.emulateNetworkConditions\`: ${NETWORK.downloadThroughput.toFixed(0)} / ${NETWORK.uploadThroughput.toFixed(0)} bytes/s); viewport 375×812, device pixel ratio 2, mobile, touch`],
        ['Cache', 'cold: a new browser context (empty cache) for every load'],
        ['Server', '`bench/serve.mjs` on 127.0.0.1: a plain static server (as `tests/e2e/serve.mjs`) that gzips text and wasm at level 9, as static hosts do'],
        ['Runs', `${opt.runs} cold loads of each page, interleaved; medians reported. Filter change: ${opt.clicks} clicks, median`],
      ],
    ),
    '',
  );

  push('## Figures', '');
  push(
    'Bytes are what crossed the network (sum of `encodedDataLength` from `Network.loadingFinished`: gzip',
    'bodies plus response headers), 1 KB = 1,000 bytes. Times are from navigation start. JS heap is',
    '`Runtime.getHeapUsage().usedSize` after a forced garbage collection once the page is quiet;',
    'wasm memory is the size of the app’s WebAssembly linear memory then (it only grows, so it is',
    'the peak), which the JS heap does not include.',
    '',
  );
  const row = (id, label) => {
    const x = s[id];
    return [
      label,
      kb(x.bytes),
      String(x.requests ?? 'n/a'),
      x.firstChart != null ? ms(x.firstChart) : PAGES.find((p) => p.id === id).chart ? 'n/a' : 'n/a (no chart on this page)',
      PAGES.find((p) => p.id === id).app ? ms(x.appChart) : 'n/a',
      ms(x.lcp),
      mb(x.heapUsed),
      x.wasmMemory == null ? 'none' : mb(x.wasmMemory),
    ];
  };
  push(
    table(
      ['Page', 'Transferred', 'Requests', 'First chart drawn', 'App’s own chart drawn', 'LCP', 'JS heap', 'Wasm memory'],
      PAGES.map((p) => row(p.id, p.label)),
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
  const cats = [...new Set(PAGES.flatMap((p) => Object.keys(s[p.id].byCategory)))].sort();
  push(table(['Page', ...cats], PAGES.map((p) => [p.label, ...cats.map((c) => kb(s[p.id].byCategory[c] ?? 0))])), '');
  push('Largest contentful paint element (first run): ', '');
  for (const p of PAGES) push(`- ${p.label}: ${s[p.id].lcpElement || 'none reported'}`);
  push('');
  push('Each run (first chart drawn / app’s own chart drawn / LCP):', '');
  for (const p of PAGES) {
    const x = s[p.id];
    const app = p.app ? x.appChartAll.map(ms).join(', ') : 'n/a';
    push(`- ${p.label}: ${x.firstChartAll.map(ms).join(', ') || 'n/a'} / ${app} / ${x.lcpAll.map(ms).join(', ') || 'n/a'}`);
  }
  push('');

  push('## Ratios to the baseline page', '');
  push('Each figure of the explorer divided by the same figure of the baseline page (1.00× = as fast / as small as the baseline).', '');
  const ratioRow = (id, label) => {
    const x = s[id];
    return [
      label,
      times(ratio(x.bytes, base.bytes)),
      x.firstChart != null ? times(ratio(x.firstChart, base.firstChart)) : 'n/a',
      x.appChart != null ? times(ratio(x.appChart, base.firstChart)) : 'n/a',
      times(ratio(x.lcp, base.lcp)),
      times(ratio(x.heapUsed, base.heapUsed)),
      times(ratio(memory(x), memory(base))),
    ];
  };
  push(
    table(
      ['Page', 'Transferred', 'First chart drawn', 'App’s own chart drawn', 'LCP', 'JS heap', 'JS heap + wasm memory'],
      [
        ['Baseline page (absolute)', kb(base.bytes), ms(base.firstChart), 'n/a', ms(base.lcp), mb(base.heapUsed), mb(memory(base))],
        ...PAGES.filter((p) => p.id !== 'baseline').map((p) => ratioRow(p.id, p.label)),
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

  // Find my area on the phone.
  push('## Postcode to ward page', '');
  push(
    `From sending the search form with a postcode on a loaded overview to the ward's page showing its heading, on the emulated phone, once for each of ${POSTCODES.join(', ')} (cold cache each time): median ${ms(median(postcode.times))} (${postcode.times.map(ms).join(', ')}). The district files fetched: ${[...new Map(postcode.districts.map((d) => [d.path, d])).values()].map((d) => `\`${d.path}\` ${kb(d.bytes)}`).join('; ') || 'none'}.${postcode.problems.length ? ` Problems: ${postcode.problems.join('; ')}.` : ''}`,
    '',
  );

  // What the first load is made of, biggest first.
  push('## Where the bytes go', '');
  for (const id of ['indicator', 'baseline', 'indicator-100x']) {
    const label = PAGES.find((p) => p.id === id).label;
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
  for (const p of PAGES) {
    const x = s[p.id];
    if (x.failures.length) problems.push(`${p.label}: ${x.failures.length} of ${x.runs} loads failed: ${x.failures.join('; ')}`);
    for (const e of x.errors) problems.push(`${p.label}: page error: ${e}`);
  }
  for (const [label, f] of [['1×', filter1], ['100×', filter100]]) {
    for (const p of f.problems) problems.push(`filter change, ${label}: ${p}`);
  }
  push('## Problems seen in this run', '');
  push(problems.length ? problems.map((p) => `- ${p}`).join('\n') : 'None: every load finished and every click redrew the chart.', '');
  push('## Findings', '');
  push(findings(s, filter1, filter100, crates), '');
  push('## How to run it', '');
  push(
    '```sh',
    'scripts/bench            # setup, release build, 100× data, baseline, measure, write BENCHMARKS.md',
    'BENCH_RUNS=5 scripts/bench',
    '```',
    '',
    '`scripts/bench` builds the release site into `dist-bench/` (`scripts/build-site ./ dist-bench`),',
    'makes the synthetic data with `tht-synth` (`crates/outcomes-synth`) in `target/bench-synth/data`',
    '(never in `public/`), copies the site with that data into `target/bench/site-100x/`, puts the',
    'baseline page (`bench/baseline/`) with a copy of the site’s `data/` and the very `echarts.js`',
    'file the site serves into `target/bench/baseline/`, and runs `bench/run.mjs`, which serves the',
    'three folders with `bench/serve.mjs` and drives Chromium. Only one heavy command should run on',
    'the machine at a time: the figures are CPU-bound under the 4× slowdown.',
    '',
  );
  return lines.join('\n');
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
      `- **The first chart comes before the app:** the indicator's built page (\`${builtPage.path}\`, ${kb(builtPage.bytes)}) carries its chart's option and draws it as soon as ECharts has arrived: at ${ms(s.indicator.firstChart)}, ${times(ratio(s.indicator.firstChart, s.baseline.firstChart))} the baseline's ${ms(s.baseline.firstChart)}. The wasm (${kb(wasmFile.bytes)}) is requested only then (at ${ms(wasmFile.start)} in the first run), so the two do not share the line, and the app draws its own chart, with the choices, table and sources, at ${ms(s.indicator.appChart)} (${times(ratio(s.indicator.appChart, s.baseline.firstChart))} the baseline).`,
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
      `- **The catalogue grows with the dataset:** \`data/manifest.json\` is ${kb(m1)} on the wire with the published data and ${kb(m100)} with the 100× data (${times(ratio(m100, m1))}), because it lists every area and every indicator (with its description, definition, methods and key figures). Both views load it before any shard, so it adds ${kb(m100 - m1)} to every first load. What would fix it: split the catalogue: a small first-view index (framework, indicator ids, titles and latest headline figures for the overview; the key areas) and the rest (full indicator metadata, all areas with lookups) in per-indicator or per-level files fetched on demand.`,
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
  out.push(
    `- **Request chain** (first run, from the page's request): the explorer requested ECharts at ${requested('indicator', isECharts)}, the manifest at ${requested('indicator', isManifest)} and the shard at ${requested('indicator', isShard)} (once the manifest had been read), ${s.indicator.requests} requests in all; the baseline requested them at ${requested('baseline', isECharts)}, ${requested('baseline', isManifest)} and ${requested('baseline', isShard)} (${s.baseline.requests} requests).`,
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
  for (let run = 1; run <= opt.runs; run += 1) {
    for (const spec of PAGES) {
      const r = await measureLoad(browser, base, spec);
      results[spec.id].push(r);
      console.log(
        `bench: run ${run}/${opt.runs} ${spec.id}: ${r.ok ? `${kb(r.bytes)}, first chart ${ms(r.firstChart)}, LCP ${ms(r.lcp)}, heap ${mb(r.heapUsed)}` : `failed: ${r.error}`}`,
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

  const summary = Object.fromEntries(PAGES.map((p) => [p.id, summarise(results[p.id])]));
  const loadEnd = os.loadavg().map((x) => x.toFixed(2)).join(', ');
  const text = report(info, summary, filter1, filter100, loadEnd, postcode);
  writeFileSync(opt.out, `${text}\n`);
  console.log(`\n${text}\n`);
  console.log(`bench: wrote ${opt.out}`);
  const measured = PAGES.every((p) => summary[p.id].okRuns > 0);
  process.exitCode = measured ? 0 : 1;
  if (!measured) console.error('bench: some pages could not be measured at all (see "Problems seen in this run")');
} catch (error) {
  console.error(`bench: ${error.stack ?? error}`);
  process.exitCode = 2;
} finally {
  await browser?.close();
  server.kill();
}
