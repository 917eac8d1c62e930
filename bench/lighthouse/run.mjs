// Lighthouse for the benchmark (issue 16): each page once in Lighthouse's default mode (mobile
// emulation, simulated throttling), in a fresh headless Debian Chromium, for the four
// categories with budgets. `bench/run.mjs` calls `audit` against the pages it serves; this
// folder has its own package.json so that only the benchmark installs Lighthouse
// (`scripts/bench` runs `npm ci` here).
//
// Standalone, against pages already served (e.g. by bench/serve.mjs):
//   node bench/lighthouse/run.mjs <report-folder> <id>=<url> [<id>=<url> ...]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/chromium.mjs';

/** The categories measured, each with its budget (issue 16): the lowest score that meets it. */
export const CATEGORIES = [
  { id: 'performance', title: 'Performance', budget: 95 },
  { id: 'accessibility', title: 'Accessibility', budget: 100 },
  { id: 'best-practices', title: 'Best practices', budget: 100 },
  { id: 'seo', title: 'SEO', budget: 100 },
];

// The report's own rule (ReportUtils.showAsPassed): an audit passes at a score of 0.9 or more;
// manual and not-applicable audits never fail, and informative ones are not pass or fail.
const PASS_SCORE = 0.9;
const NEVER_FAILS = new Set(['manual', 'notApplicable', 'informative']);

/**
 * Runs Lighthouse on each page in turn (one at a time: the simulated figures assume an idle
 * machine) and saves each full JSON report as `<folder>/<id>.json`.
 *
 * @param {{id: string, url: string}[]} pages
 * @param {string} folder where the JSON reports go
 * @param {(line: string) => void} [log]
 */
export async function audit(pages, folder, log = () => {}) {
  mkdirSync(folder, { recursive: true });
  const results = [];
  for (const page of pages) {
    let chrome;
    try {
      // A fresh browser per page, so no page starts with another's cache or compiled code.
      chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM_PATH,
        chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
      });
      const run = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES.map((c) => c.id),
      });
      if (!run) throw new Error('Lighthouse returned no result');
      const report = join(folder, `${page.id}.json`);
      writeFileSync(report, run.report);
      const summary = summarise(run.lhr, page, report);
      log(`lighthouse ${page.id}: ${CATEGORIES.map((c) => `${c.id} ${summary.scores[c.id] ?? 'n/a'}`).join(', ')}`);
      results.push(summary);
    } catch (error) {
      log(`lighthouse ${page.id}: failed: ${error.message ?? error}`);
      results.push({ id: page.id, url: page.url, ok: false, error: String(error.message ?? error).split('\n')[0] });
    } finally {
      await chrome?.kill();
    }
  }
  return results;
}

/** What the benchmark reports of one Lighthouse result. */
function summarise(lhr, page, report) {
  // Resource addresses as the site names them (`./echarts-….js`), not with the bench's origin.
  const folder = new URL('.', page.url).href;
  const local = (url) => (url.startsWith(folder) ? `./${url.slice(folder.length)}` : url);
  const scores = {};
  const failing = {};
  for (const c of CATEGORIES) {
    const category = lhr.categories[c.id];
    // A category Lighthouse could not score (an audit it needs errored) has a null score.
    scores[c.id] = category?.score == null ? null : Math.round(category.score * 100);
    if (category && (scores[c.id] == null || scores[c.id] < c.budget)) failing[c.id] = failingAudits(lhr, category, local);
  }
  // Audits that broke rather than failed say nothing about the page: kept apart, once.
  const errored = Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map((a) => ({ title: a.title, message: a.errorMessage ?? 'error' }));
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    id: page.id,
    url: page.url,
    ok: true,
    version: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? '',
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    scores,
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    failing,
    errored,
    warnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError?.message ?? null,
    report,
  };
}

/** The titles of a category's failing audits, with Lighthouse's own figure and the elements or
 * files it names, in the category's order (for performance: the metrics first). */
function failingAudits(lhr, category, local) {
  const out = [];
  for (const ref of category.auditRefs) {
    const a = lhr.audits[ref.id];
    if (!a || ref.group === 'hidden' || NEVER_FAILS.has(a.scoreDisplayMode) || a.scoreDisplayMode === 'error') continue;
    if (Number(a.score) >= PASS_SCORE) continue;
    const named = (a.details?.items ?? []).map((item) => item.node?.selector ?? item.source?.url ?? item.url).filter((x) => typeof x === 'string');
    const unique = [...new Set(named.map(local))];
    const where = unique.length ? `: ${unique.slice(0, 3).map((x) => `\`${x}\``).join(', ')}${unique.length > 3 ? ` and ${unique.length - 3} more` : ''}` : '';
    out.push(`${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}${where}`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [folder, ...specs] = process.argv.slice(2);
  if (!folder || specs.length === 0) {
    console.error('usage: node bench/lighthouse/run.mjs <report-folder> <id>=<url> [...]');
    process.exit(2);
  }
  const pages = specs.map((s) => ({ id: s.slice(0, s.indexOf('=')), url: s.slice(s.indexOf('=') + 1) }));
  const results = await audit(pages, resolve(folder), (line) => console.error(line));
  console.log(JSON.stringify(results, null, 2));
  process.exitCode = results.some((r) => r.ok) ? 0 : 1;
}
