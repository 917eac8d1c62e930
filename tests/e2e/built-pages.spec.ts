// Built pages (src/built_site.rs): every view's canonical link is a page of its own, rendered
// by the app's components, that reads completely with scripts off, and that the app takes over
// without leaving anything behind. Old links of every form still open their views.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';
import { appReady } from './ready';

const DIST = join(__dirname, '..', '..', 'dist-test');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Point = { area: string; period: string; value: number | null };
type Shard = { values: Point[] };

function shard(path: string): Shard {
  return JSON.parse(readFileSync(join(DIST, 'data', path), 'utf8'));
}

/** The pages every run looks at without scripts: each kind of view, in both languages. */
const pages: [string, string][] = [
  ['overview', './'],
  ['overview in Bengali', './index.bn.html'],
  ['a domain', './domain-healthy-lives.html'],
  ['indicator', './indicator-91547.html'],
  ['indicator by network in Bengali', './indicator-91547.pcn.bn.html'],
  ['indicator by London borough', './indicator-93759.borough.html'],
  ['indicators', './indicators.html'],
  ['locality', './locality-THT-LOC-SE.html'],
  ['ward in Bengali', './area-E05009332.bn.html'],
  ['map', './map.html'],
  ['locality map in Bengali', './map-91547.locality.bn.html'],
  ['challenges', './challenges.html'],
  ['about', './about.html'],
  ['accessibility in Bengali', './accessibility.bn.html'],
];

test.describe('with scripts off', () => {
  test.use({ javaScriptEnabled: false });

  for (const [name, link] of pages) {
    test(`the ${name} page reads in full and links only to pages that exist`, async ({ page, request }) => {
      const response = await page.goto(link);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const title = await page.title();
      const heading = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\s+/g, ' ').trim();
      expect(title.startsWith(heading)).toBe(true);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).not.toBe('');
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(title);
      // Nothing waits for an app that will never come.
      await expect(page.locator('.loading')).toHaveCount(0);
      // Every link a reader can see leads somewhere that is there (other sites are not fetched).
      const hrefs = await page.locator('a[href]:visible').evaluateAll((links) =>
        [...new Set(links.map((a) => (a as HTMLAnchorElement).href))].filter((h) => h.startsWith(location.origin)),
      );
      expect(hrefs.length).toBeGreaterThan(5);
      for (const href of hrefs) {
        const url = new URL(href);
        expect(url.search, `${href} needs the app, so it should be hidden without scripts`).toBe('');
        if (url.hash && url.pathname === new URL(page.url()).pathname) continue;
        expect((await request.get(href)).status(), href).toBe(200);
      }
    });
  }

  test('a Bengali page draws its header and heading in the Bengali font, not empty boxes', async ({ page }) => {
    await page.goto('./map-91547.locality.bn.html');
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    await cdp.send('CSS.enable');
    for (const selector of ['.site-name', 'h1']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const glyphs = (family: string) => fonts.filter((f) => f.familyName === family).reduce((n, f) => n + f.glyphCount, 0);
      // The Bengali letters are in Noto Sans Bengali; the fallback draws only spaces and Latin.
      expect(glyphs('Noto Sans Bengali'), selector).toBeGreaterThan(glyphs('DejaVu Sans'));
    }
  });

  test('an indicator page has its figures as a table, exactly as published', async ({ page }) => {
    await page.goto('./indicator-91547.html');
    await expect(page.getByTestId('summary')).toContainText('2023/24');
    const values = shard('indicators/91547/locality.json').values.filter(
      (p) => p.period === '2023/24' && p.area.startsWith('THT-LOC-'),
    );
    expect(values).toHaveLength(4);
    for (const point of values) {
      const row = page.locator(`[data-testid="area-table"] tr[data-area="${point.area}"]`);
      await expect(row.getByTestId('value')).toHaveText((point.value as number).toFixed(1));
    }
    await expect(page.getByTestId('source')).toContainText('Open Government Licence');
    // The level choices are built pages; other periods need the app and are hidden, and the
    // period shown links to this page.
    await expect(page.getByTestId('level-choice').getByRole('link', { name: 'GP networks (PCNs)' })).toHaveAttribute(
      'href',
      './indicator-91547.pcn.html',
    );
    const periods = page.getByTestId('period-choice').getByRole('link');
    await expect(periods).toHaveCount(1);
    await expect(periods).toHaveText('2023/24');
    await expect(periods).toHaveAttribute('href', './indicator-91547.html');
    await expect(page.getByTestId('share-bar')).toBeHidden();
  });

});

// axe runs in the page, so scripts stay on for it; the page's own scripts are refused and
// its <html> keeps "no-js" (the one thing its loader would change), as with scripts off.
for (const link of ['./indicator-91547.html', './area-E05009332.bn.html', './about.html', './index.bn.html']) {
  test(`axe finds no WCAG 2.2 AA violation on ${link} as read without scripts`, async ({ page }) => {
    await page.route(/\.(js|wasm)$/, (route) => route.abort());
    await page.goto(link);
    await page.evaluate(() => document.documentElement.classList.add('no-js'));
    await expect(page.getByTestId('share-bar').or(page.getByTestId('place-search')).first()).toBeHidden();
    const results = await new AxeBuilder({ page }).withTags(RULE_SETS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}

/** The table's figures as a reader sees them. */
async function tableValues(page: Page) {
  return page.locator('[data-testid="area-table"] [data-testid="value"]').allInnerTexts();
}

test('the app takes a built page over: one view, the same figures, its chart drawn before the app', async ({ page, request }) => {
  const link = './indicator-91547.pcn.html';
  // The figures as built, from the page's own HTML.
  const html = await (await request.get(link)).text();
  const table = html.slice(html.indexOf('data-testid="area-table"'));
  const cells = table.slice(0, table.indexOf('</table>'));
  const before = [...cells.matchAll(/data-testid="value"[^>]*>([^<]*)</g)].map((m) => m[1]);
  expect(before.length).toBeGreaterThan(5);
  const builtTitle = html.match(/<title>([^<]*)<\/title>/)![1];
  expect(builtTitle).toMatch(/^Smoking prevalence.* – /);
  await page.goto(link);
  await appReady(page);
  // The tab keeps the page's own title through the handover.
  expect(await page.title()).toBe(builtTitle);
  // The built chart was drawn from the option the page carries, before the app drew its own.
  const marks = await page.evaluate(() =>
    ['first-chart-drawn', 'app-chart-drawn'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
  );
  expect(marks[0]).not.toBeNull();
  expect(marks[1]).not.toBeNull();
  expect(marks[0]!).toBeLessThan(marks[1]!);
  await expect(page.locator('#built')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  expect(await tableValues(page)).toEqual(before);
  // The app is live: a period choice changes the view without loading a page.
  await page.getByTestId('period-choice').getByRole('link').first().click();
  await expect(page).toHaveURL(/period=/);
  await expect(page.getByTestId('subtitle')).not.toContainText('2023/24');
  // Another view, reached within the app, is named by its own heading, as its built page is.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About the data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/About/);
  const about = await (await request.get('./about.html')).text();
  await expect(page).toHaveTitle(about.match(/<title>([^<]*)<\/title>/)![1]);
});

test('a map page draws its map before the app, on the outlines it fetched once, and the app takes it over', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.route('**/*_bg.wasm', async (route) => {
    // The map as built is drawn before the wasm is even asked for.
    await expect(page.locator('#built [data-testid="ward-map"] canvas')).toBeVisible();
    await route.continue();
  });
  await page.goto('./map.html');
  await appReady(page);
  await expect(page.locator('#built')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByTestId('ward-map').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('map-table').getByTestId('value').first()).toBeVisible();
  const outlines = fetched.filter((path) => path.includes('/data/boundaries/'));
  expect(outlines).toHaveLength(1);
});

test('a query on a built page shows the view it asks for, not the page as built', async ({ page }) => {
  await page.goto('./indicator-91547.html?period=2022%2F23');
  await appReady(page);
  await expect(page.getByTestId('subtitle')).toContainText('2022/23');
  await expect(page.locator('#built')).toHaveCount(0);
});

test('every old link form still opens its view', async ({ page }) => {
  const old: [string, RegExp][] = [
    ['./?view=indicator&indicator=91547', /Smoking prevalence/],
    ['./?view=indicator&indicator=91547&level=pcn&period=2022%2F23&sort=value', /Smoking prevalence/],
    ['./?view=locality&areas=THT-LOC-SE', /South East/],
    ['./?view=area&areas=E05009332&lang=bn', /.+/],
    ['./?view=about', /About/],
    ['./index.html?view=challenges', /challenges/i],
  ];
  for (const [link, heading] of old) {
    await page.goto(link);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.locator('#built')).toHaveCount(0);
  }
  // The app's own links are to built pages where there is one.
  await page.goto('./?view=about');
  await appReady(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' })).toHaveAttribute(
    'href',
    /\/outcomes\/indicators\.html$/,
  );
});

test.describe('with the app blocked', () => {
  test.beforeEach(async ({ page }) => {
    await page.route('**/*_bg.wasm', (route) => route.abort());
  });

  test('a built page keeps its view and its chart, and says what is missing', async ({ page }) => {
    await page.goto('./indicator-91547.html');
    await expect(page.getByTestId('app-failed')).toBeVisible();
    await expect(page.getByTestId('app-failed')).toContainText('could not be loaded');
    await expect(page.getByTestId('app-failed').getByRole('link', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Smoking prevalence/);
    await expect(page.locator('[data-testid="area-table"] [data-testid="value"]')).toHaveCount(5);
    // The chart the page carries is drawn without the app.
    await expect(page.locator('#built [data-testid="area-chart"] canvas')).toBeVisible();
  });

  test('a map page keeps its map and table', async ({ page }) => {
    await page.goto('./map.html');
    await expect(page.getByTestId('app-failed')).toBeVisible();
    await expect(page.locator('#built [data-testid="ward-map"] canvas')).toBeVisible();
    await expect(page.getByTestId('map-table').getByTestId('value').first()).toBeVisible();
  });

  test('a link with choices shows the page without them, and says so', async ({ page }) => {
    await page.goto('./indicator-91547.html?period=2022%2F23');
    const failed = page.getByTestId('app-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('The choices in this link need the interactive parts');
    await expect(page.getByTestId('app-loading')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Smoking prevalence/);
  });
});
