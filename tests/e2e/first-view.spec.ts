// The first chart of a plain indicator link, drawn from data/first-view/ before the app's
// WebAssembly has arrived (scripts/harden-html.mjs, js/chart-functions.js), and replaced by
// the app's own page once that has drawn the same chart.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';

import { expect, test } from './privacy';

const PLAIN = './?view=indicator&indicator=91547';
const TITLE = /^Smoking prevalence in adults/;

/** Keeps the app from loading (its wasm never arrives), so only what comes before it is on the page. */
async function withoutTheApp(page: Page) {
  await page.route('**/*_bg.wasm', () => {});
}

type Option = {
  yAxis: { data: string[] } | { data: string[] }[];
  series: { id?: string; data: unknown[] }[];
};

/** The area names and bar values of an option, as the reader sees them. */
function bars(option: Option) {
  const axis = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
  const values = option.series.find((s) => s.id === 'values')!.data.map((d) =>
    typeof d === 'object' && d !== null ? (d as { value: unknown }).value : d,
  );
  return { areas: axis.data, values };
}

test.describe('first view of a plain indicator link', () => {
  test('is drawn before the app has loaded: heading, summary and chart, in the site frame', async ({ page }) => {
    await withoutTheApp(page);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(PLAIN);
    const first = page.locator('#first-view');
    await expect(first.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(first.locator('.site-name')).toHaveText('Tower Hamlets Together');
    await expect(first.locator('.summary')).toContainText('2023/24');
    await expect(first.getByRole('status')).toContainText('Loading the choices, the table and the sources');
    const chart = first.getByRole('img');
    await expect(chart).toHaveAttribute('aria-label', /North West/);
    await expect(chart.locator('canvas')).toBeVisible();
    expect(await page.evaluate(() => performance.getEntriesByName('first-chart-drawn').length)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: 'screenshots/first-view-375.png', fullPage: true });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('the wasm and the app\'s data start only once ECharts and the first view have arrived', async ({ page }) => {
    const started: { url: string; at: number }[] = [];
    const finished: { url: string; at: number }[] = [];
    page.on('request', (r: Request) => started.push({ url: r.url(), at: Date.now() }));
    page.on('requestfinished', (r: Request) => finished.push({ url: r.url(), at: Date.now() }));
    await page.goto(PLAIN);
    await page.waitForFunction(() => performance.getEntriesByName('app-chart-drawn').length > 0);
    const wasm = started.filter((r) => r.url.endsWith('_bg.wasm'));
    expect(wasm, 'one download of the wasm').toHaveLength(1);
    const echartsDone = finished.find((r) => /echarts-[0-9a-f]+\.js$/.test(r.url));
    const firstViewDone = finished.find((r) => r.url.endsWith('/first-view/91547.en.json'));
    expect(echartsDone && firstViewDone, 'ECharts and the first view were fetched').toBeTruthy();
    const arrived = Math.max(echartsDone!.at, firstViewDone!.at) - 50;
    expect(wasm[0].at).toBeGreaterThanOrEqual(arrived);
    // Nothing shares the line with what the first view draws, however large the dataset.
    const manifest = started.filter((r) => r.url.endsWith('/data/manifest.json'));
    expect(manifest, 'one download of the manifest').toHaveLength(1);
    expect(manifest[0].at).toBeGreaterThanOrEqual(arrived);
  });

  test('the app takes over with the same chart: one heading, one chart, nothing left behind', async ({ page, request }) => {
    const published = (await (await request.get('data/first-view/91547.en.json')).json()) as { option: Option };
    await page.goto(PLAIN);
    await page.waitForFunction(() => performance.getEntriesByName('app-chart-drawn').length > 0);
    await expect(page.locator('#first-view')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain('first-view-shown');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
    await expect(page.getByRole('navigation').first()).toBeVisible();
    const drawn = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="area-chart"]');
      const echarts = (globalThis as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): unknown } } }).echarts;
      return echarts.getInstanceByDom(element!).getOption();
    });
    expect(bars(drawn as Option)).toEqual(bars(published.option));
  });

  test('in Bengali, the first view is in Bengali and says so', async ({ page }) => {
    await withoutTheApp(page);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${PLAIN}&lang=bn`);
    const first = page.locator('#first-view');
    await expect(first.locator('canvas')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bn');
    await expect(first.getByRole('heading', { level: 1 })).toHaveText(/ধূমপান/);
    await expect(first.locator('.summary')).toContainText('২০২৩/২৪');
    await expect(first.getByRole('status')).toHaveText(/লোড হচ্ছে/);
    await page.screenshot({ path: 'screenshots/bn-first-view-375.png', fullPage: true });
  });

  test('if the app cannot be loaded, the first view stays and says so', async ({ page }) => {
    await page.route('**/*_bg.wasm', (route) => route.abort('internetdisconnected'));
    await page.goto(PLAIN);
    const first = page.locator('#first-view');
    await expect(first.getByRole('status')).toHaveText(
      'The rest of this page could not be loaded. Check your connection and reload the page to try again.',
    );
    await expect(first.locator('canvas')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  });

  for (const [what, link] of [
    ['a link with a choice made', `${PLAIN}&sort=value`],
    ['an embed', `${PLAIN}&embed=1`],
    ['a link to an indicator list', './?view=indicator'],
  ]) {
    test(`${what} starts the app at once and draws no first view`, async ({ page }) => {
      const wasm: string[] = [];
      const firstViews: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('_bg.wasm')) wasm.push(r.url());
        if (r.url().includes('/first-view/')) firstViews.push(r.url());
      });
      await withoutTheApp(page);
      await page.goto(link);
      await expect.poll(() => wasm.length).toBe(1);
      // The bootstrap decides as the page is read: no first view is asked for, or drawn.
      expect(firstViews).toEqual([]);
      await expect(page.locator('#first-view')).toHaveCount(0);
    });
  }

  for (const [what, body] of [
    ['missing', null],
    ['not JSON', '{"schema_version": 1, "option": '],
    ['of another version', '{"schema_version": 99}'],
  ] as const) {
    test(`a first-view file that is ${what} leaves the app to draw the page`, async ({ page }) => {
      await page.route('**/first-view/*.json', (route) =>
        body === null ? route.fulfill({ status: 404, body: 'Not found' }) : route.fulfill({ body, contentType: 'application/json' }),
      );
      await page.goto(PLAIN);
      await page.waitForFunction(() => performance.getEntriesByName('app-chart-drawn').length > 0);
      await expect(page.locator('#first-view')).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
      await expect(page.getByTestId('area-chart').locator('canvas')).toBeVisible();
    });
  }
});
