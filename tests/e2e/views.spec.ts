// The views for finding one's way among many indicators: the index of every indicator, the
// way from one indicator's page to another, the overview narrowed to a domain (saying what it
// leaves out), and the locality profile opening with its assessment. Each test waits for a
// sign that the view is drawn (its heading, its items), never for a loading line to go.
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';
import { SITE } from './server';

type Indicator = {
  id: string;
  title: string;
  unit: string;
  polarity: string;
  levels?: string[];
  latest?: { value: number; period: string };
  key_figures?: { values: { area: string; comparisons?: { benchmark: string; result: string }[] }[] };
};
type Manifest = {
  indicators: Indicator[];
  framework: { domains: { id: string; name: string; i_statements: { id: string; text: string; indicators: string[] }[] }[] };
};

async function manifest(page: Page): Promise<Manifest> {
  return (await page.request.get('data/manifest.json')).json();
}

/** The indicator a link on this page leads to, read as the app reads it. */
/** Where a link leads: its folder, and the view and indicator its built page's file name or
 *  its query names. */
function target(href: string | null, base: string) {
  const url = new URL(href ?? '', base);
  const file = url.pathname.split('/').pop() ?? '';
  const folder = url.pathname.slice(0, url.pathname.length - file.length);
  const built = file.match(/^indicator-([A-Za-z0-9-]+)(\.[a-z]+)*\.html$/);
  return {
    path: folder,
    view: built ? 'indicator' : url.searchParams.get('view'),
    indicator: built ? built[1] : url.searchParams.get('indicator'),
  };
}

/** Where a screenshot goes: SHOTS_DIR when set (to look at), otherwise the suite's folder. */
const SHOTS = process.env.SHOTS_DIR ?? 'screenshots';

test('the index lists every indicator of the manifest once, each a link to its own view', async ({ page }) => {
  await page.goto('./?view=indicators');
  const data = await manifest(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All indicators');
  const items = page.getByTestId('index-item');
  await expect(items).toHaveCount(data.indicators.length);
  const listed = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-indicator')));
  expect([...listed].sort()).toEqual(data.indicators.map((i) => i.id).sort());
  await expect(page.getByTestId('index-lede')).toContainText(`All ${data.indicators.length} indicators`);

  const having = (level: string) => data.indicators.filter((i) => i.levels?.includes(level)).length;
  await expect(page.getByTestId('index-level-counts')).toHaveText(
    `${having('locality')} have figures for localities, ${having('pcn')} for GP networks (PCNs) and ${having('ward')} for wards.`,
  );

  // Grouped by domain, in the framework's order.
  await expect(page.getByTestId('index-domain').getByRole('heading', { level: 2 })).toHaveText(
    data.framework.domains.map((d) => d.name),
  );

  // Every link opens that indicator's view, on this page's own path (whatever the sub-path).
  const path = new URL(page.url()).pathname;
  for (const indicator of data.indicators) {
    const item = page.locator(`[data-testid="index-item"][data-indicator="${indicator.id}"]`);
    const link = item.getByRole('link', { name: indicator.title, exact: true });
    expect(target(await link.getAttribute('href'), page.url())).toEqual({ path, view: 'indicator', indicator: indicator.id });
  }

  // The levels each has and the borough's latest figure.
  const smoking = data.indicators.find((i) => i.id === '91547')!;
  const item = page.locator('[data-testid="index-item"][data-indicator="91547"]');
  expect(smoking.levels).toEqual(['locality', 'pcn', 'borough']);
  await expect(item.getByTestId('index-levels')).toHaveText('Figures for: localities, GP networks (PCNs), Tower Hamlets as a whole');
  await expect(item.getByTestId('index-latest')).toHaveText(`${smoking.latest!.value.toFixed(1)}% in Tower Hamlets, ${smoking.latest!.period}`);
  await expect(item.getByTestId('index-basis')).toHaveText('Whom it counts: GP-registered patients');
  // Every item names its levels, in one order, from the manifest.
  const words: [string, string][] = [
    ['locality', 'localities'],
    ['pcn', 'GP networks (PCNs)'],
    ['ward', 'wards'],
    ['borough', 'Tower Hamlets as a whole'],
  ];
  for (const indicator of data.indicators) {
    const names = words.filter(([level]) => indicator.levels?.includes(level)).map(([, name]) => name);
    const expected = names.length > 0 ? `Figures for: ${names.join(', ')}` : 'No figures are published yet.';
    await expect(page.locator(`[data-testid="index-item"][data-indicator="${indicator.id}"]`).getByTestId('index-levels')).toHaveText(expected);
  }

  // A click leads there.
  await item.getByRole('link').click();
  await expect(page).toHaveURL(/indicator-91547\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(smoking.title);
});

test('the menu opens the index, and the index works under another sub-path', async ({ page }) => {
  await page.goto('./?view=about');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).click();
  await expect(page).toHaveURL(/\/indicators\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All indicators');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' })).toHaveAttribute('aria-current', 'page');

  const other = SITE.replace(/:(\d+)\/outcomes\//, (_, port) => `:${Number(port) + 1}/council/committees/health/`);
  await page.goto(`${other}?view=indicators&lang=bn`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('সব সূচক');
  const href = await page.locator('[data-indicator="91547"]').getByRole('link').getAttribute('href');
  expect(target(href, page.url())).toEqual({ path: '/council/committees/health/', view: 'indicator', indicator: '91547' });
  expect(href).toMatch(/\.bn\.html$/);
});

test('an indicator page leads to the index and to its neighbours under the same I statement', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=hcl-hyp');
  const data = await manifest(page);
  const statement = data.framework.domains.flatMap((d) => d.i_statements).find((s) => s.indicators.includes('hcl-hyp'))!;
  const at = statement.indicators.indexOf('hcl-hyp');
  const title = (id: string) => data.indicators.find((i) => i.id === id)!.title;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('hcl-hyp'));
  const nav = page.getByRole('navigation', { name: 'Other indicators' });
  await expect(nav.getByTestId('indicator-position')).toHaveText(
    `Indicator ${at + 1} of ${statement.indicators.length} under “${statement.text}”`,
  );
  await expect(nav.getByTestId('indicator-previous')).toHaveText(`Previous: ${title(statement.indicators[at - 1])}`);
  await expect(nav.getByTestId('indicator-next')).toHaveText(`Next: ${title(statement.indicators[at + 1])}`);

  await nav.getByTestId('indicator-next').click();
  await expect(page).toHaveURL(new RegExp(`/indicator-${statement.indicators[at + 1]}\\.html$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title(statement.indicators[at + 1]));
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('hcl-hyp'));

  // The first under its statement has no previous one (and no next one if it is alone), but
  // always the way to the index.
  const smoking = data.framework.domains.flatMap((d) => d.i_statements).find((s) => s.indicators.includes('91547'))!;
  expect(smoking.indicators[0]).toBe('91547');
  await page.goto('./?view=indicator&indicator=91547');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title('91547'));
  await expect(nav.getByTestId('indicator-position')).toContainText(`Indicator 1 of ${smoking.indicators.length}`);
  await expect(nav.getByTestId('indicator-previous')).toHaveCount(0);
  await expect(nav.getByTestId('indicator-next')).toHaveCount(smoking.indicators.length > 1 ? 1 : 0);
  await nav.getByTestId('indicator-index-link').click();
  await expect(page).toHaveURL(/\/indicators\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All indicators');
});

test('the overview narrowed to one domain says how many of all the indicators it shows', async ({ page }) => {
  await page.goto('./');
  const data = await manifest(page);
  const inFramework = new Set(data.framework.domains.flatMap((d) => d.i_statements.flatMap((s) => s.indicators)));
  await expect(page.getByTestId('overview-showing')).toHaveText(`Showing all ${data.indicators.length} indicators.`);
  const rows = page.getByTestId('tartan').locator('tbody th[scope="row"]');
  await expect(rows).toHaveCount(inFramework.size);

  const domain = data.framework.domains.find((d) => d.id === 'healthy-lives')!;
  const ids = new Set(domain.i_statements.flatMap((s) => s.indicators));
  await page.getByTestId('domain-choice').getByRole('link', { name: domain.name }).click();
  await expect(page).toHaveURL(/\/domain-healthy-lives\.html$/);
  await expect(page.getByTestId('overview-showing')).toContainText(
    `Showing ${ids.size} of ${data.indicators.length} indicators: one domain only.`,
  );
  await expect(page.getByTestId('indicator-card')).toHaveCount(ids.size);
  // The matrix is narrowed the same way.
  await expect(rows).toHaveCount(ids.size);
  await expect(page.getByTestId('domain')).toHaveCount(1);

  await page.getByTestId('overview-show-all').click();
  await expect(page.getByTestId('overview-showing')).toHaveText(`Showing all ${data.indicators.length} indicators.`);
  await expect(page.getByTestId('domain')).toHaveCount(data.framework.domains.length);
  await expect(rows).toHaveCount(inFramework.size);
});

test('a locality profile opens with its assessment, whose counts match the cards', async ({ page }) => {
  await page.goto('./?view=locality&areas=THT-LOC-SW');
  const data = await manifest(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('South West locality');
  const assessment = page.getByTestId('locality-assessment');
  await expect(assessment.getByRole('heading', { level: 2 })).toHaveText('Locality assessment');

  const withLocality = data.indicators.filter((i) => i.key_figures?.values.some((v) => v.area === 'THT-LOC-SW'));
  const cards = page.getByTestId('profile-item');
  await expect(cards).toHaveCount(withLocality.length);
  const shown = await cards.evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-indicator')!, comparison: el.getAttribute('data-comparison')! })),
  );
  const polar = shown.filter((c) => data.indicators.find((i) => i.id === c.id)!.polarity !== 'not_applicable');
  const count = (list: typeof shown, word: string) => list.filter((c) => c.comparison === word).length;
  // What the cards say equals what the published file says.
  for (const card of shown) {
    const figure = withLocality.find((i) => i.id === card.id)!.key_figures!.values.find((v) => v.area === 'THT-LOC-SW')!;
    const published = figure.comparisons?.find((c) => c.benchmark === 'E09000030')?.result ?? 'not_compared';
    expect(card.comparison).toBe(published.replace('_', '-'));
  }
  const counts = assessment.getByTestId('assessment-counts');
  if (polar.length > 1) {
    await expect(counts).toContainText(
      `Of ${polar.length} indicators where higher or lower is better, South West is better than Tower Hamlets on ${count(polar, 'better')}, similar on ${count(polar, 'similar')} and worse on ${count(polar, 'worse')}.`,
    );
  }
  expect(polar.length).toBeGreaterThan(0);
  // Recorded prevalence and the like are higher, similar or lower, never better or worse.
  const neutral = shown.filter((c) => !polar.includes(c));
  expect(count(neutral, 'better') + count(neutral, 'worse')).toBe(0);
  if (neutral.length > 1) {
    await expect(counts).toContainText(
      `Of ${neutral.length} measures where neither higher nor lower is better, such as recorded prevalence, South West is higher than Tower Hamlets on ${count(neutral, 'higher')}, similar on ${count(neutral, 'similar')} and lower on ${count(neutral, 'lower')}.`,
    );
  }

  // The figures furthest from the borough are named and linked to their pages.
  const different = assessment.getByTestId('assessment-most-different').getByRole('listitem');
  const differing = shown.filter((c) => !['similar', 'not-compared'].includes(c.comparison));
  await expect(different).toHaveCount(Math.min(3, differing.length));
  for (const item of await different.all()) {
    const id = await item.getAttribute('data-indicator');
    expect(target(await item.getByRole('link').getAttribute('href'), page.url())).toMatchObject({ view: 'indicator', indicator: id });
  }
  await expect(assessment).toContainText(/trend/);

  // Each card says whom it counts, has its dots explained in words and its source.
  const smoking = page.locator('[data-testid="profile-item"][data-indicator="91547"]');
  await expect(smoking.getByTestId('profile-basis')).toHaveText('GP-registered patients');
  await expect(smoking.getByTestId('spine-key')).toHaveText('Dots: the 4 localities, South West the large one; dashed line: Tower Hamlets.');
  await expect(smoking.locator('.source')).toContainText('Source:');

  // What the locality has no figures for is listed, each a link.
  const without = page.getByTestId('locality-without').getByRole('link');
  await expect(without).toHaveCount(data.indicators.length - withLocality.length);
  const first = without.first();
  const id = target(await first.getAttribute('href'), page.url()).indicator;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/indicator-${id}\\.html$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.indicators.find((i) => i.id === id)!.title);
});

const shots: [string, string, string][] = [
  ['index', './?view=indicators', 'index-item'],
  ['overview', './', 'tartan'],
  ['overview-domain', './?domain=healthy-lives', 'tartan'],
  ['locality', './?view=locality&areas=THT-LOC-SW', 'locality-assessment'],
  ['indicator-nav', './?view=indicator&indicator=hcl-hyp', 'indicator-nav'],
];
for (const width of [1280, 375]) {
  for (const [name, link, ready] of shots) {
    test(`screenshot of ${name} at ${width} px, nothing scrolling sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(link);
      await expect(page.getByTestId(ready).first()).toBeVisible();
      if (link.includes('indicator=')) await expect(page.locator('.chart canvas').first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/views-${name}-${width}.png`, fullPage: true });
    });
  }
}
