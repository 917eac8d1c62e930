// The first vertical slice: QOF smoking prevalence by locality, from the published data file
// to a drawn chart, under a sub-path, as a resident opens it.
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';
import { appReady } from './ready';

import { OTHER_SITE, SITE } from './server';

type Area = { code: string; name: string; level: string };
type Point = { area: string; period: string; value?: number; ci95?: { lower: number; upper: number } };

/** The published files, read the way the page reads them. */
async function published(page: Page) {
  const manifest = await (await page.request.get('data/manifest.json')).json();
  const indicator = manifest.indicators.find((i: { id: string }) => i.id === '91547');
  const shard = await (await page.request.get(`data/${indicator.shard}/locality.json`)).json();
  const localities: Area[] = manifest.areas.filter((a: Area) => a.level === 'locality');
  const latest = [...shard.periods]
    .reverse()
    .find((p: string) => localities.some((l) => shard.values.some((v: Point) => v.area === l.code && v.period === p && v.value !== undefined)));
  const rows = localities.map((l) => ({
    name: l.name,
    point: shard.values.find((v: Point) => v.area === l.code && v.period === latest) as Point,
  }));
  const borough = shard.values.find((v: Point) => v.area === 'E09000030' && v.period === latest) as Point;
  return { indicator, latest, rows, borough };
}

/** What the ECharts instance on the page actually holds, read back from the chart. */
async function drawnOption(page: Page) {
  return page.evaluate(() => {
    const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement | null;
    // @ts-expect-error the page's own global, set by the bundled echarts.js
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    if (!chart) return { categories: [], bars: [], whiskers: [], reference: NaN, canvas: false };
    const option = chart.getOption();
    return {
      categories: option.yAxis[0].data as string[],
      bars: option.series.find((s: { id: string }) => s.id === 'values').data as number[],
      whiskers: option.series.find((s: { id: string }) => s.id === 'ci95').data as number[][],
      reference: option.series.find((s: { id: string }) => s.id === 'values').markLine.data[0].xAxis as number,
      canvas: element.querySelector('canvas') !== null,
    };
  });
}

const round1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

test.describe('smoking prevalence by locality', () => {
  test('draws one bar per locality with the published values, whiskers and the borough line', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(SITE)) foreign.push(r.url());
    });
    await page.goto('./?view=indicator&indicator=91547');
    const data = await published(page);
    expect(data.rows).toHaveLength(4);

    const block = page.getByTestId('chart-block');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.indicator.title);
    await expect(block.getByRole('heading', { level: 2 })).toHaveText(`${data.indicator.title} by locality`);
    await expect(page.getByTestId('subtitle')).toContainText(data.latest);
    await expect(page.getByTestId('source')).toContainText('Office for Health Improvement and Disparities');
    await expect(page.getByTestId('provisional-notice')).toBeVisible();

    await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
    const drawn = await drawnOption(page);
    expect(drawn.canvas).toBe(true);
    expect(drawn.categories).toEqual(data.rows.map((r) => r.name));
    data.rows.forEach((row, i) => {
      expect(drawn.bars[i]).toBeCloseTo(row.point.value!, 4);
      expect(drawn.whiskers[i][1]).toBeCloseTo(row.point.ci95!.lower, 4);
      expect(drawn.whiskers[i][2]).toBeCloseTo(row.point.ci95!.upper, 4);
    });
    expect(drawn.reference).toBeCloseTo(data.borough.value!, 4);

    // The chart's accessible name is the generated summary, which names a real locality.
    const chart = page.getByRole('img', { name: /highest value/ });
    await expect(chart).toBeVisible();
    const highest = data.rows.reduce((a, b) => (a.point.value! >= b.point.value! ? a : b));
    await expect(page.getByTestId('summary')).toContainText(`${highest.name} had the highest value, ${round1(highest.point.value!)}%`);

    // The table shows the same numbers as the chart.
    const table = page.getByTestId('area-table');
    for (const row of data.rows) {
      const tr = table.getByRole('row', { name: new RegExp(`^${row.name}`) });
      await expect(tr.getByTestId('value')).toHaveText(round1(row.point.value!));
    }
    await expect(table.getByRole('row', { name: /Tower Hamlets \(benchmark\)/ }).getByTestId('value')).toHaveText(round1(data.borough.value!));

    expect(foreign).toEqual([]);
  });

  for (const width of [1280, 375]) {
    test(`fits a ${width} px screen without sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('./?view=indicator&indicator=91547');
      await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/slice-${width}.png`, fullPage: true });
    });
  }

  test('the same build works under a different sub-path', async ({ page }) => {
    await page.goto(`${OTHER_SITE}?view=indicator&indicator=91547`);
    await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a link naming an unknown indicator explains itself and shows the default view', async ({ page }) => {
    await page.goto('./?view=indicator&indicator=not-a-thing');
    await expect(page.getByTestId('url-notice')).toContainText('not-a-thing');
    await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
  });

  test('a missing data file is explained with a way to try again', async ({ page }) => {
    await page.route('**/data/indicators/91547/locality.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('./?view=indicator&indicator=91547');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('missing');
    await expect(alert).toContainText('91547/locality.json');
    await page.unroute('**/data/indicators/91547/locality.json');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
  });
});

test('the page names its own icon, served from this site, so no request for one fails', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto('./?view=about');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the data');
  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute('type', 'image/svg+xml');
  const href = await icon.evaluate((link) => (link as HTMLLinkElement).href);
  expect(new URL(href).origin).toBe(new URL(page.url()).origin);
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('<svg');
  expect(failed).toEqual([]);
});

test('the overview draws no chart, so it does not load the chart library', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('./');
  await expect(page.getByTestId('tartan')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /echarts-/.test(s))).toEqual([]);
  // Following a link to a chart loads it then, and the chart draws.
  await page.locator('[data-indicator="91547"]').getByRole('link').click();
  await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
  expect(scripts.filter((s) => /echarts-/.test(s))).toHaveLength(1);
});

test('an indicator page fetches its shard alongside the wasm, once', async ({ page }) => {
  // The built page's bootstrap (inline in the page) asks for the shard its meta names before
  // the app runs, so the app's chart does not wait for the wasm and then a second round trip;
  // the app uses that one response.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const shardRequests: string[] = [];
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.endsWith('/data/indicators/91547/locality.json')) {
      shardRequests.push(event.initiator.stack?.callFrames[0]?.url ?? event.initiator.url ?? event.initiator.type);
    }
  });
  await page.goto('./indicator-91547.html');
  await appReady(page);
  await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
  expect(shardRequests).toHaveLength(1);
  expect(shardRequests[0]).toMatch(/\/outcomes\/indicator-91547\.html$/);
});

test('if the chart library cannot be loaded, the page says so and retries', async ({ page }) => {
  await page.route('**/echarts-*.js', (route) => route.abort());
  await page.goto('./?view=indicator&indicator=91547');
  // Each chart on the page says so; the bar chart comes first.
  const alert = page.getByRole('alert').filter({ hasText: 'chart library' }).first();
  await expect(alert).toContainText('The chart library could not be loaded');
  // The table and summary still give the figures.
  await expect(page.getByTestId('area-table')).toBeVisible();
  await page.unroute('**/echarts-*.js');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(async () => (await drawnOption(page)).bars.length).toBe(4);
});
