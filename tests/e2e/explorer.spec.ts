// A resident's walk through the explorer: the overview, an indicator, then its choices as
// links (area level, order, period), with Back and Forward between them.
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';

type Area = { code: string; name: string; level: string };
type Point = { area: string; period: string; value?: number };

async function bars(page: Page): Promise<{ categories: string[]; values: number[] }> {
  return page.evaluate(() => {
    const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement | null;
    // @ts-expect-error the page's own global, set by the bundled echarts.js
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    if (!chart) return { categories: [], values: [] };
    const option = chart.getOption();
    const data = option.series.find((s: { id: string }) => s.id === 'values').data;
    return {
      categories: option.yAxis[0].data,
      values: data.map((d: number | { value: number }) => (typeof d === 'number' ? d : d.value)),
    };
  });
}

async function published(page: Page, id: string) {
  const manifest = await (await page.request.get('data/manifest.json')).json();
  const indicator = manifest.indicators.find((i: { id: string }) => i.id === id);
  // One shard per level: together they hold every area's values (the areas each level is
  // compared with appear in each, with the same values).
  const parts = await Promise.all(
    (indicator.levels as string[]).map(async (level) => (await page.request.get(`data/${indicator.shard}/${level}.json`)).json()),
  );
  const shard = {
    ...parts[0],
    periods: [...new Set(parts.flatMap((p) => p.periods as string[]))].sort(),
    values: parts.flatMap((p) => p.values),
    breakdowns: parts.flatMap((p) => p.breakdowns ?? []),
  };
  const at = (level: string, period: string) =>
    (manifest.areas as Area[])
      .filter((a) => a.level === level)
      .map((a) => ({ area: a, point: shard.values.find((v: Point) => v.area === a.code && v.period === period) as Point | undefined }))
      .filter((x) => x.point?.value !== undefined);
  return { manifest, indicator, shard, at };
}

test('overview lists the domains and the borough headline of each indicator', async ({ page }) => {
  await page.goto('./');
  const { manifest } = await published(page, '91547');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How is Tower Hamlets doing?');
  await expect(page.getByTestId('domain')).toHaveCount(manifest.framework.domains.length);
  for (const domain of manifest.framework.domains) {
    await expect(page.getByRole('heading', { level: 2, name: domain.name })).toBeVisible();
  }
  const smoking = manifest.indicators.find((i: { id: string }) => i.id === '91547');
  const card = page.locator('[data-indicator="91547"]');
  await expect(card.getByTestId('headline-value')).toHaveText(`${smoking.latest.value.toFixed(1)}%`);
  await expect(card).toContainText(smoking.latest.period);
  // The borough's recent trend, where five consecutive years allow one, in words.
  expect(smoking.latest.trend).toBe('decreasing_and_getting_better');
  await expect(card.getByTestId('headline-trend')).toHaveText('Recent trend: Decreasing and getting better');
});

test('an indicator is reached by a link and its choices are links too', async ({ page }) => {
  await page.goto('./');
  await page.locator('[data-indicator="91547"]').getByRole('link').click();
  await expect(page).toHaveURL(/indicator-91547\.html$/);
  await expect.poll(async () => (await bars(page)).values.length).toBe(4);
  const { at, shard } = await published(page, '91547');

  // Area level: GP networks.
  await page.getByTestId('level-choice').getByRole('link', { name: 'GP networks (PCNs)' }).click();
  await expect(page).toHaveURL(/indicator-91547\.pcn\.html$/);
  const latest = shard.periods[shard.periods.length - 1];
  const pcns = at('pcn', latest);
  expect(pcns.length).toBe(7);
  await expect.poll(async () => (await bars(page)).values.length).toBe(7);
  const drawn = await bars(page);
  expect(drawn.categories).toEqual(pcns.map((p) => p.area.name));
  pcns.forEach((p, i) => expect(drawn.values[i]).toBeCloseTo(p.point!.value!, 4));
  await expect(page.getByTestId('level-choice').getByRole('link', { name: 'GP networks (PCNs)' })).toHaveAttribute('aria-current', 'true');

  // Order: highest first, and Back undoes it.
  await page.getByTestId('sort-choice').getByRole('link', { name: 'Highest first' }).click();
  await expect(page).toHaveURL(/sort=value/);
  await expect.poll(async () => {
    const v = (await bars(page)).values;
    return v.every((x, i) => i === 0 || v[i - 1] >= x);
  }).toBe(true);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=value/);
  await expect.poll(async () => (await bars(page)).categories).toEqual(pcns.map((p) => p.area.name));
  await page.goForward();
  await expect(page).toHaveURL(/sort=value/);

  // Period: an earlier year.
  const periods = page.getByTestId('period-choice').getByRole('link');
  const first = (await periods.first().textContent())!.trim();
  await periods.first().click();
  await expect(page.getByTestId('subtitle')).toContainText(first);
  const earlier = at('pcn', first);
  await expect.poll(async () => (await bars(page)).values.length).toBe(earlier.length);
});

test('a shared link reopens exactly the same view in a fresh browser', async ({ browser }) => {
  const link = './?view=indicator&indicator=91547&level=pcn&sort=name';
  const first = await browser.newContext();
  const a = await first.newPage();
  await a.goto(link);
  await expect.poll(async () => (await bars(a)).values.length).toBe(7);
  const seen = await bars(a);
  await first.close();
  const second = await browser.newContext();
  const b = await second.newPage();
  await b.goto(link);
  await expect.poll(async () => (await bars(b)).values.length).toBe(7);
  expect(await bars(b)).toEqual(seen);
  expect([...seen.categories].sort()).toEqual(seen.categories);
  await second.close();
});

test('the about page lists every source with its licence and the provisional lookups', async ({ page }) => {
  await page.goto('./?view=about');
  const { manifest } = await published(page, '91547');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the data');
  const sources = new Set(manifest.indicators.map((i: { source: { name: string } }) => i.source.name));
  await expect(page.getByTestId('source-list').getByRole('listitem')).toHaveCount(sources.size);
  await expect(page.getByTestId('lookup-table')).toContainText('Provisional');
  await expect(page.getByTestId('release-date')).toHaveText(manifest.dataset.release_date);
});

// Every view at a desktop and a phone width: nothing scrolls sideways (tables scroll inside
// their own box), and a screenshot is kept for people to look at.
const views: [string, string][] = [
  ['overview', './'],
  ['indicator-localities', './?view=indicator&indicator=91547'],
  ['indicator-pcns', './?view=indicator&indicator=91547&level=pcn&sort=value'],
  ['about', './?view=about'],
  ['locality', './?view=locality&areas=THT-LOC-NW'],
  ['challenges', './?view=challenges'],
  ['map', './?view=map'],
  ['area', './?view=area&areas=E05009332'],
  ['accessibility', './?view=accessibility'],
];
for (const width of [1280, 375]) {
  for (const [name, link] of views) {
    test(`${name} fits ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (link.includes('indicator=')) await expect.poll(async () => (await bars(page)).values.length).toBeGreaterThan(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
    });
  }
}

test('the overview matrix shows each indicator against the localities, borough, London and England', async ({ page }) => {
  await page.goto('./');
  const { manifest } = await published(page, '91547');
  const tartan = page.getByTestId('tartan');
  const smoking = manifest.indicators.find((i: { id: string }) => i.id === '91547');
  const row = tartan.getByRole('row', { name: new RegExp(`^${smoking.title.replace(/[()+]/g, '\\$&')}`) });
  await expect(row).toContainText(smoking.key_figures.period);
  const cells = row.getByRole('cell');
  // Period, then 4 localities, the borough, London and England.
  await expect(cells).toHaveCount(8);
  const nw = smoking.key_figures.values.find((v: { area: string }) => v.area === 'THT-LOC-NW');
  await expect(cells.nth(1)).toContainText(nw.value.toFixed(1));
  const vsBorough = nw.comparisons.find((c: { benchmark: string }) => c.benchmark === 'E09000030').result;
  await expect(cells.nth(1)).toContainText(vsBorough === 'worse' ? 'Worse' : vsBorough === 'better' ? 'Better' : 'Similar');
});

test('a locality profile compares the locality with the borough for every indicator it has', async ({ page }) => {
  await page.goto('./?view=locality&areas=THT-LOC-SW');
  const { manifest } = await published(page, '91547');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('South West locality');
  const withLocality = manifest.indicators.filter((i: { key_figures?: { values: { area: string }[] } }) =>
    i.key_figures?.values.some((v) => v.area === 'THT-LOC-SW'));
  await expect(page.getByTestId('profile-item')).toHaveCount(withLocality.length);
  const smoking = withLocality.find((i: { id: string }) => i.id === '91547');
  const sw = smoking.key_figures.values.find((v: { area: string }) => v.area === 'THT-LOC-SW');
  const item = page.locator('[data-testid="profile-item"][data-indicator="91547"]');
  await expect(item.getByTestId('locality-value')).toHaveText(`${sw.value.toFixed(1)}%`);
  await expect(item).toContainText('than Tower Hamlets');
  // Choosing another locality is a link.
  await page.getByTestId('locality-choice').getByRole('link', { name: 'North East' }).click();
  await expect(page).toHaveURL(/locality-THT-LOC-NE\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('North East locality');
});

test('health challenges pair each group with its comparison and cite the document', async ({ page }) => {
  await page.goto('./?view=challenges');
  const data = await (await page.request.get('data/health_challenges.json')).json();
  await expect(page.getByTestId('challenge')).toHaveCount(data.statistics.length);
  const smi = page.locator('[data-id="smi-smoking"]');
  await expect(smi).toContainText('47% of people with a serious mental illness smoke');
  // As the document printed them: 47%, not 47.0%.
  await expect(smi.locator('.pair-value')).toHaveText(['47%', '20%']);
  await expect(smi).toContainText(data.statistics[0].citation.document);
  // The bars are drawn to scale: 47% is 2.35 times as wide as 20%.
  const widths = await smi.locator('.pair-bar').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
  expect(widths[0] / widths[1]).toBeCloseTo(47 / 20, 1);
});

test('the trend shows the borough and its benchmarks over time, and areas can be added by link', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547');
  const { shard } = await published(page, '91547');
  const lines = () =>
    page.evaluate(() => {
      const element = document.querySelector('[data-testid="trend-chart"]') as HTMLElement | null;
      // @ts-expect-error the page's own global
      const chart = element && globalThis.echarts?.getInstanceByDom(element);
      if (!chart) return [] as { id: string; data: (number | null)[] }[];
      return chart
        .getOption()
        .series.filter((s: { type: string }) => s.type === 'line')
        .map((s: { id: string; data: (number | null)[] }) => ({ id: s.id, data: s.data }));
    });
  await expect.poll(async () => (await lines()).map((l) => l.id)).toEqual(['trend-E09000030', 'trend-E12000007', 'trend-E92000001']);
  const borough = (await lines())[0];
  shard.periods.forEach((period: string, i: number) => {
    const point = shard.values.find((v: Point) => v.area === 'E09000030' && v.period === period);
    if (point?.value === undefined) expect(borough.data[i]).toBeNull();
    else expect(borough.data[i]).toBeCloseTo(point.value, 4);
  });
  await expect(page.getByTestId('trend-summary')).toContainText('Tower Hamlets went from');
  await page.getByTestId('trend-areas').getByRole('link', { name: 'Show North West' }).click();
  await expect(page).toHaveURL(/areas=E09000030%2CE12000007%2CE92000001%2CTHT-LOC-NW/);
  await expect.poll(async () => (await lines()).length).toBe(4);
  await expect(page.getByTestId('trend-table').getByRole('columnheader', { name: 'North West' })).toBeVisible();
});

test('a borough-level trend offers Tower Hamlets once and folds the other boroughs away', async ({ page }) => {
  // Fuel poverty is published for the 33 London boroughs only.
  await page.goto('./?view=indicator&indicator=93759');
  const areas = page.getByTestId('trend-areas');
  await expect(areas.getByRole('link', { name: 'Hide Tower Hamlets' })).toHaveCount(1);
  // The source gives fuel poverty without intervals, so the trend promises none.
  await expect(page.getByTestId('trend-subtitle')).toHaveText('%, 2019 to 2020');
  await expect(page.getByTestId('trend-table').locator('caption')).toHaveText('Fuel poverty (low income, low energy efficiency) over time (%)');
  const more = page.getByTestId('trend-more-areas');
  await expect(more.locator('summary')).toHaveText(/More areas to compare \(\d+\)/);
  // Folded: the boroughs' links are not in the way of the chart until asked for.
  await expect(more.getByRole('link', { name: 'Show Hackney' })).toBeHidden();
  await more.locator('summary').click();
  await more.getByRole('link', { name: 'Show Hackney' }).click();
  await expect(page).toHaveURL(/areas=[^&]*E09000012/);
  // With Hackney drawn the list stays open, showing how to take it away again.
  await expect(page.getByTestId('trend-more-areas').getByRole('link', { name: 'Hide Hackney' })).toBeVisible();
});

test('the map shades each ward by the published value, with a key in words and a table', async ({ page }) => {
  // Households deprived in two or more ways: wards summed from output areas through the
  // council's lookup, which is official, so the ward map has nothing provisional to say.
  const official = 'census-deprived-2plus';
  // IMD 2025: wards summed from LSOAs through a best-fit lookup nobody has published.
  const bestFit = 'imd2025-decile1';
  await page.goto(`./?view=map&level=ward&indicator=${official}`);
  const { manifest, shard, at } = await published(page, official);
  const mappable = manifest.indicators.filter((i: { levels?: string[] }) => i.levels?.includes('ward'));
  expect(mappable.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([official, bestFit]));
  const wardPeriods = shard.periods.filter((p: string) => at('ward', p).length > 0);
  const latest = wardPeriods[wardPeriods.length - 1];
  const wards = at('ward', latest);
  const drawn = async () =>
    page.evaluate(() => {
      const element = document.querySelector('[data-testid="ward-map"]') as HTMLElement | null;
      // @ts-expect-error the page's own global
      const chart = element && globalThis.echarts?.getInstanceByDom(element);
      if (!chart) return [] as { name: string; value: number }[];
      return chart.getOption().series[0].data.map((d: { code: string; value: number }) => ({ name: d.code, value: d.value }));
    });
  await expect.poll(async () => (await drawn()).length).toBe(wards.length);
  const data = await drawn();
  for (const w of wards) {
    const cell = data.find((d) => d.name === w.area.code)!;
    expect(cell.value).toBeCloseTo(w.point!.value!, 4);
  }
  await expect(page.getByTestId('map-legend').getByRole('listitem')).toHaveCount(5);
  await expect(page.getByTestId('map-legend')).toContainText('Lowest:');
  await expect(page.getByTestId('map-table').locator('tbody tr')).toHaveCount(wards.length);
  await expect(page.getByTestId('map-summary')).toContainText(latest);
  await expect(page.getByTestId('provisional-notice')).toHaveCount(0);
  // Every mappable indicator is offered, folded under the current one; another is one link away.
  const choices = page.getByTestId('map-indicator');
  await choices.locator('summary').click();
  await expect(choices.getByRole('link')).toHaveCount(mappable.length);
  const next = manifest.indicators.find((i: { id: string }) => i.id === bestFit);
  await choices.getByRole('link', { name: next.title, exact: true }).click();
  // The indicator's map is a built page, at the level shown.
  await expect(page).toHaveURL(new RegExp(`/map-${bestFit}\\.ward\\.html$`));
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(next.title);
  await expect(page.getByTestId('provisional-notice')).toBeVisible();
});

test('where the source splits an indicator by group, the inequalities chart shows every group', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=93759&level=borough');
  const { shard } = await published(page, '93759');
  const latest = shard.breakdowns.map((b: { period: string }) => b.period).sort().pop();
  const groups = shard.breakdowns.filter((b: { period: string; value?: number }) => b.period === latest && b.value !== undefined);
  const drawn = () =>
    page.evaluate(() => {
      const element = document.querySelector('[data-testid="breakdown-chart"]') as HTMLElement | null;
      // @ts-expect-error the page's own global
      const chart = element && globalThis.echarts?.getInstanceByDom(element);
      return chart ? (chart.getOption().series[0].data as number[]) : [];
    });
  await expect.poll(async () => (await drawn()).length).toBe(groups.length);
  await expect(page.getByTestId('breakdown')).toContainText('not for Tower Hamlets');
  await expect(page.getByTestId('breakdown-table').locator('tbody tr:not(.benchmark)')).toHaveCount(groups.length);
});

test('a domain is a link that shows that domain alone', async ({ page }) => {
  await page.goto('./');
  const { manifest } = await published(page, '91547');
  const domain = manifest.framework.domains[1];
  await page.getByTestId('domain-choice').getByRole('link', { name: domain.name }).click();
  await expect(page).toHaveURL(new RegExp(`domain-${domain.id}\\.html$`));
  await expect(page.getByTestId('domain')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: domain.name })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('domain')).toHaveCount(manifest.framework.domains.length);
});

test('the accessibility statement is one link from every page', async ({ page }) => {
  await page.goto('./?view=map');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
  await expect(page).toHaveURL(/accessibility\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
  await expect(page.getByTestId('compliance-status')).toContainText('partially compliant');
  await expect(page.getByTestId('known-issues').getByRole('listitem')).not.toHaveCount(0);
  for (const heading of ['Feedback and contact information', 'Enforcement procedure', 'Compliance status', 'How we tested this website']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
});
