// Find my area: a resident types a postcode, a ward, a practice or a topic into the box on
// every view and lands on the right page; bad input gets a plain answer; the postcode never
// leaves the page (no request, address or storage holds it). Every wait is for a positive
// sign: the landing page's heading, or the search's status line saying something.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';

import { expect, test } from './privacy';
import { appReady } from './ready';

const SHADWELL = 'E05009332';
const WAPPING = 'E05009330';
const POPLAR = 'E05009328';
const BETHNAL_GREEN_EAST = 'E05009317';

async function box(page: Page) {
  const input = page.getByTestId('place-search-input');
  await expect(input).toBeVisible();
  return input;
}

/** Types `text` into the search box and, unless `send` is false, sends the form. The box is
 * on every view, so a search starts from wherever the last one landed, as a person's would;
 * the page is opened at `from` first when it is not open yet. */
async function searchFor(page: Page, text: string, from = './', send = true) {
  if (!page.url().startsWith('http')) await page.goto(from);
  // The search is the app's: a built page's box is only its place until the app takes over.
  await appReady(page);
  const input = await box(page);
  await input.fill(text);
  if (send) await input.press('Enter');
}

/** Waits until the page is `ward`'s page: its address, then its heading. */
async function landedOnWard(page: Page, ward: string) {
  await expect(page).toHaveURL(new RegExp(`/area-${ward}\\.html$`));
  await expect(page.getByTestId('area-heading')).toBeVisible();
}

const postcodes: [string, string][] = [
  ['E1 0AA', SHADWELL],
  ['e1 0aa', SHADWELL],
  ['E10AA', SHADWELL],
  ['  e1 0AA  ', SHADWELL],
  ['E1W 3TJ', WAPPING],
  ['e1w3tj', WAPPING],
  [' E1W 3tj ', WAPPING],
  ['E14 2BG', POPLAR],
  ['e14 2bg', POPLAR],
  ['E142BG', POPLAR],
  ['E1 4NS', BETHNAL_GREEN_EAST],
  ['ec3n 4ab', WAPPING],
  ['EC3N4AB', WAPPING],
];

test(`${postcodes.length} ways of typing a postcode each land on its ward, and no request, address or storage holds the postcode`, async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request: Request) => requested.push(decodeURIComponent(request.url()).toUpperCase()));
  for (const [typed, ward] of postcodes) {
    await searchFor(page, typed);
    await landedOnWard(page, ward);
    // The box is emptied once the person has landed, and the address names the ward only.
    await expect(await box(page)).toHaveValue('');
    const compact = typed.replace(/\s+/g, '').toUpperCase();
    const inward = compact.slice(-3);
    expect(page.url().toUpperCase()).not.toContain(compact);
    const leaked = requested.filter((url) => url.replace(/\s+/g, '').includes(compact) || url.includes(`/${inward}`) || url.includes(`=${inward}`));
    expect(leaked, `requests naming ${typed}`).toEqual([]);
  }
  // The only postcode files asked for are whole districts.
  const districtFiles = [...new Set(requested.filter((u) => u.includes('/DATA/POSTCODES/')).map((u) => u.replace(/.*\/DATA\/POSTCODES\//, '')))];
  expect(districtFiles.sort()).toEqual(['E1.JSON', 'E14.JSON', 'E1W.JSON', 'EC3N.JSON']);
  // Nothing typed is in the history either: each entry is a page's own address.
  const history = await page.evaluate(() => history.length);
  expect(history).toBeGreaterThan(1);
});

test('ward names, old and new, in any case and punctuation, lead to their ward', async ({ page }) => {
  const wards: [string, string, string][] = [
    ['st katharines', WAPPING, "St. Katharine's & Wapping"],
    ['ST. KATHARINE’S AND WAPPING', WAPPING, "St. Katharine's & Wapping"],
    ['spitalfields & banglatown', 'E05009333', 'Spitalfields & Banglatown'],
    ['blackwall and cubitt town', 'E05009318', 'Blackwall & Cubitt Town'],
    ['shadwell', SHADWELL, 'Shadwell'],
    ['st peters', 'E05009331', 'Bethnal Green West'],
  ];
  for (const [typed, ward, name] of wards) {
    await searchFor(page, typed);
    await landedOnWard(page, ward);
    await expect(page.getByTestId('area-heading')).toHaveText(`${name} ward`);
  }
  // A name several wards share lists them, each a link; choosing one opens it.
  for (const [typed, expected] of [
    ['bethnal green', ['E05009317', 'E05009331']],
    ['bow', ['E05009319', 'E05009320']],
  ] as const) {
    await searchFor(page, typed, './', false);
    await expect(page.getByTestId('search-status')).toContainText('matches');
    const listed = await page.getByTestId('search-list').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-target')));
    for (const code of expected) expect(listed).toContain(code);
  }
  await page.getByTestId('search-list').locator(`li[data-target="E05009320"] a`).click();
  await landedOnWard(page, 'E05009320');
});

test('indicator words, in English and Bengali, and practice names lead to their pages', async ({ page }) => {
  for (const [typed, id, lang] of [
    ['diabetes', 'qof-dm', 'en'],
    ['overcrowding', 'census-overcrowded', 'en'],
    ['smoking', '91547', 'en'],
    ['ধূমপান', '91547', 'bn'],
  ]) {
    // Matches appear as the person types.
    if (lang === 'bn') await page.goto('./?lang=bn');
    await searchFor(page, typed, './', false);
    const item = page.getByTestId('search-list').locator(`li[data-target="${id}"] a`);
    await expect(item).toBeVisible();
    await item.click();
    await expect(page).toHaveURL(new RegExp(`/indicator-${id}(\\.bn)?\\.html$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // A resident finds her practice's network and locality from the practice's name.
  await page.goto('./');
  await searchFor(page, 'albion');
  await expect(page).toHaveURL(/locality-THT-LOC-NW\.html$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('North West');
  await searchFor(page, 'surgery', './', false);
  const practice = page.getByTestId('search-list').locator('li').first();
  await expect(practice).toContainText('GP practice in');
  await expect(practice).toContainText('locality');
  // Where a result is a practice, network or locality, the list says what those are.
  await expect(page.getByTestId('search-places-note')).toContainText('a GP network (PCN) is a group of GP practices');
});

test('bad input gets a plain answer and the page stays whole', async ({ page }) => {
  const answers: [string, RegExp][] = [
    ['zzqx', /Nothing matched “zzqx”/],
    ['whitechaple', /Did you mean/],
    ['SW1A 1AA', /SW1A 1AA is not in Tower Hamlets/],
    ['E14', /E14 is a postcode district/],
    ['E14 2B', /not a whole postcode/],
    ['E1 9ZZ', /E1 9ZZ is not in the list of Tower Hamlets postcodes \(OS Code-Point Open 2025\.4\.0, October 2025\)/],
    ['!!!', /Nothing matched/],
  ];
  for (const [typed, answer] of answers) {
    await searchFor(page, typed);
    await expect(page.getByTestId('search-status')).toHaveText(answer);
    // The view underneath is untouched.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How is Tower Hamlets doing?');
    expect(new URL(page.url()).search).toBe('');
  }
  // A misspelling suggests the ward it is close to.
  await searchFor(page, 'whitechaple');
  await expect(page.getByTestId('search-list').locator('li[data-target="E05009336"]')).toBeVisible();
  // Outside the borough: where national figures are.
  await searchFor(page, 'sw1a1aa');
  await expect(page.getByTestId('search-outside').getByRole('link', { name: /Fingertips/ })).toBeVisible();
  // Next to answers from the lookup: its attribution.
  await searchFor(page, 'E1 9ZZ');
  await expect(page.getByTestId('search-attribution')).toContainText('Contains OS data © Crown copyright and database right 2025.');
});

test('a district file that fails to load says so, and sending again retries', async ({ page }) => {
  let fail = true;
  await page.route('**/data/postcodes/E14.json', (route) => (fail ? route.abort() : route.continue()));
  await searchFor(page, 'E14 2BG');
  await expect(page.getByTestId('search-results').getByRole('alert')).toContainText('postcodes/E14.json');
  fail = false;
  // "Try again" sends the form again.
  await page.getByTestId('search-results').getByRole('button').click();
  await landedOnWard(page, POPLAR);
  // And so does sending the form again after another failure.
  fail = true;
  await searchFor(page, 'E14 2BG');
  await expect(page.getByTestId('search-results').getByRole('alert')).toContainText('postcodes/E14.json');
  fail = false;
  await (await box(page)).press('Enter');
  await landedOnWard(page, POPLAR);
  await expect(await box(page)).toHaveValue('');
});

test('by keyboard alone: from the search box to a ward’s page and on to its locality', async ({ page }) => {
  await page.goto('./');
  await appReady(page);
  // Tab from the top of the page reaches the search box.
  let focused = '';
  for (let i = 0; i < 30 && focused !== 'place-search-input'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
  }
  expect(focused).toBe('place-search-input');
  await page.keyboard.type('bow');
  await expect(page.getByTestId('search-status')).toContainText('matches');
  // On to the button, then the first result.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(name).toMatch(/Bow/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('area-heading')).toContainText('Bow');
  const link = page.getByTestId('area-locality-link');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/locality$/);
  await expect(page).toHaveURL(/\/locality-THT-LOC-[A-Z]+\.html$/);
});

test('a ward’s page shows its figures against the borough, its locality and networks, and its place on the map', async ({ page }) => {
  await page.goto(`./?view=area&areas=${SHADWELL}`);
  await expect(page.getByTestId('area-heading')).toHaveText('Shadwell ward');
  const data = await (await page.request.get('data/profiles/ward.json')).json();
  const items = page.getByTestId('profile-item');
  await expect(items.first()).toBeVisible();
  const withFigure = data.indicators.filter((i: { figures: { values: { area: string }[] } }) => i.figures.values.some((v) => v.area === SHADWELL));
  await expect(items).toHaveCount(withFigure.length);
  expect(withFigure.length).toBeGreaterThanOrEqual(12);
  // The figures are the published ones, in words with the comparison.
  const badHealth = data.indicators.find((i: { indicator: string }) => i.indicator === 'census-bad-health');
  const mine = badHealth.figures.values.find((v: { area: string }) => v.area === SHADWELL);
  const card = page.locator('[data-testid="profile-item"][data-indicator="census-bad-health"]');
  await expect(card.getByTestId('locality-value')).toHaveText(`${mine.value.toFixed(1)}%`);
  await expect(card).toContainText('than Tower Hamlets');
  // And England, where the source has an England figure.
  await expect(card.getByTestId('profile-england')).toContainText(/than England \(\d+\.\d%\)/);
  await expect(card.getByTestId('spine-key')).toContainText('the 20 wards, Shadwell the large one');
  // Its locality, provisional and with its share, its networks, and a link on.
  await expect(page.getByTestId('area-locality')).toHaveAttribute('data-provisional', 'true');
  await expect(page.getByTestId('area-locality')).toContainText(/Shadwell is in .+ locality \(provisional: \d+\.\d% of its residents/);
  await expect(page.getByTestId('area-networks')).toContainText('PCN');
  await expect(page.getByTestId('places-explained')).toContainText('the patients registered with its practices, wherever they live');
  await expect(page.getByTestId('places-explained').locator('li')).toContainText('Shadwell');
  // The assessment in words, and the map drawn with the ward shaded.
  await expect(page.getByTestId('locality-assessment')).toContainText('Shadwell');
  await expect(page.getByTestId('area-map').locator('canvas')).toHaveCount(1);
  // Indicators without ward figures are listed, each a link.
  await expect(page.getByTestId('area-without').getByRole('link').first()).toBeVisible();
});

test('a ward on the map, and its row in the map’s table, open its page; the map numbers its wards', async ({ page }) => {
  await page.goto('./?view=map&level=ward&indicator=census-bad-health');
  const table = page.getByTestId('map-table');
  await expect(table.locator('tbody tr')).toHaveCount(20);
  await expect(table.locator(`tr[data-area="${SHADWELL}"] td`).first()).toHaveText(/^\d+$/);
  // A click on the drawn map, at Shadwell's interior point (tower_hamlets_wards.csv), placed
  // on the canvas by ECharts itself, opens Shadwell's page.
  const map = page.getByTestId('ward-map');
  await expect(map.locator('canvas')).toHaveCount(1);
  const at = await map.evaluate((el) => {
    const chart = (window as unknown as { echarts: { getInstanceByDom: (e: Element) => { convertToPixel: (f: object, p: number[]) => number[] } } }).echarts.getInstanceByDom(el);
    return chart.convertToPixel({ seriesIndex: 0 }, [-0.05015, 51.51201]);
  });
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  await page.mouse.click(box.x + at[0], box.y + at[1]);
  await landedOnWard(page, SHADWELL);
  // The table's link, for keyboards.
  await page.goBack();
  await page.getByTestId('map-table').locator(`tr[data-area="${SHADWELL}"] a`).click();
  await landedOnWard(page, SHADWELL);
});

for (const lang of ['en', 'bn']) {
  for (const width of [1280, 375]) {
    test(`axe finds no violation on the search with results shown in ${lang} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(lang === 'en' ? './' : './?lang=bn');
      await appReady(page);
      await (await box(page)).fill('bow');
      await expect(page.getByTestId('search-list').locator('li').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
}
