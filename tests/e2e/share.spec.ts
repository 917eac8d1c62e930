// Share, embed, download and print: the Healthwatch link and the councillor's chart.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';

import { SITE } from './server';

const bars = (page: Page) =>
  page.evaluate(() => {
    const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement | null;
    // @ts-expect-error the page's own global, set by the bundled echarts.js
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    if (!chart) return { categories: [] as string[], values: [] as number[] };
    const option = chart.getOption();
    const data = option.series.find((s: { id: string }) => s.id === 'values').data;
    return {
      categories: option.yAxis[0].data as string[],
      values: data.map((d: number | { value: number }) => (typeof d === 'number' ? d : d.value)) as number[],
    };
  });

/** A small CSV reader: quoted fields with doubled quotes, as the csv crate writes them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('a copied link reopens exactly the same view in a new browser', async ({ browser }) => {
  const first = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await first.newPage();
  await page.goto('./?view=indicator&indicator=91547');
  await page.getByTestId('level-choice').getByRole('link', { name: 'GP networks (PCNs)' }).click();
  await page.getByTestId('sort-choice').getByRole('link', { name: 'Highest first' }).click();
  await expect.poll(async () => (await bars(page)).values.length).toBe(7);
  const seen = await bars(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-status')).toHaveText('The link to this view has been copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('level=pcn');
  expect(link).toContain('sort=value');
  // Pinned to the period shown, so the link shows these figures after the next release too.
  expect(link).toContain('period=2023%2F24');
  await first.close();

  const second = await browser.newContext();
  const fresh = await second.newPage();
  await fresh.goto(link);
  await expect.poll(async () => (await bars(fresh)).values.length).toBe(7);
  expect(await bars(fresh)).toEqual(seen);
  await second.close();
});

test('the embed shows only the chart block, links to the full view and reports its height', async ({ page }) => {
  const src = `${SITE}?view=indicator&indicator=91547&embed=1`;
  await page.setContent(`
    <script>
      window.heights = [];
      window.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'tht-outcomes-explorer:height') window.heights.push(e.data.height);
      });
    </script>
    <iframe id="chart" title="Smoking by locality" src="${src}" style="width: 600px; height: 300px; border: 0"></iframe>`);
  const frame = page.frameLocator('#chart');
  await expect(frame.getByTestId('chart-block')).toBeVisible();
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('navigation')).toHaveCount(0);
  await expect(frame.getByRole('contentinfo')).toHaveCount(0);
  await expect(frame.getByTestId('area-table')).toHaveCount(0);
  await expect(frame.getByTestId('share-bar')).toHaveCount(0);
  await expect(frame.getByTestId('summary')).toContainText('had the highest value');
  await expect(frame.getByTestId('source')).toContainText('Office for Health Improvement and Disparities');
  const full = frame.getByRole('link', { name: /See this chart in the Tower Hamlets outcomes explorer/ });
  // Pinned, like the embed: the full view shows the same figures after the next release.
  await expect(full).toHaveAttribute('href', /view=indicator&indicator=91547&level=locality&period=2023%2F24$/);
  await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0);
  const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
  expect(Math.max(...heights)).toBeGreaterThan(300);
});

test('an embed loaded narrow and then widened shrinks to its chart again', async ({ page }) => {
  const src = `${SITE}?view=indicator&indicator=91547&level=pcn&embed=1`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.setContent(`
    <script>
      window.heights = [];
      window.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'tht-outcomes-explorer:height') {
          window.heights.push(e.data.height);
          document.getElementById('chart').style.height = e.data.height + 'px';
        }
      });
    </script>
    <iframe id="chart" title="Smoking by GP network" src="${src}" style="width: 375px; height: 300px; border: 0"></iframe>`);
  const frame = page.frameLocator('#chart');
  await expect(frame.getByTestId('source')).toBeVisible();
  const heights = () => page.evaluate(() => (window as unknown as { heights: number[] }).heights);
  await expect.poll(async () => (await heights()).length).toBeGreaterThan(0);
  await expect.poll(async () => Math.max(...(await heights()))).toBeGreaterThan(500);
  const narrow = Math.max(...(await heights()));
  await page.evaluate(() => { document.getElementById('chart')!.style.width = '1000px'; });
  // Wider, the text wraps less: the chart reports a smaller height and the frame follows it.
  await expect.poll(async () => (await heights()).at(-1)!).toBeLessThan(narrow - 50);
  const frameHeight = await page.locator('#chart').evaluate((f) => f.getBoundingClientRect().height);
  const content = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
  expect(Math.abs(frameHeight - content)).toBeLessThanOrEqual(2);
});

test('the embed dialog gives a pinned iframe snippet and gives focus back when closed', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547');
  await expect.poll(async () => (await bars(page)).values.length).toBe(4);
  const opener = page.getByTestId('embed-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Embed this chart' });
  await expect(dialog).toBeVisible();
  const code = await page.getByTestId('embed-code').inputValue();
  expect(code.startsWith(`<iframe src="${SITE}?view=indicator&amp;indicator=91547&amp;level=locality&amp;period=2023%2F24&amp;sort=area&amp;lang=en&amp;embed=1"`)).toBe(true);
  expect(code).toContain('title="Smoking prevalence in adults (15+): current smokers (QOF) by locality"');
  expect(code).toContain('loading="lazy"');
  expect(code).toContain('embed.js');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // The resize script the snippet loads is served by the site itself.
  const script = await page.request.get('embed.js');
  expect(script.ok()).toBe(true);
  expect(await script.text()).toContain('tht-outcomes-explorer:height');
});

test('the data downloads as CSV equal to the table', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547&level=pcn');
  await expect.poll(async () => (await bars(page)).values.length).toBe(7);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^tower-hamlets-smoking-prevalence.*by-primary-care-network-2023-24\.csv$/);
  const bytes = await readFile((await download.path())!);
  // A UTF-8 byte-order mark first, so a spreadsheet opened by double-click reads UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(rows[0]).toEqual(['area_code', 'area_name', 'period', 'value', 'unit', 'lower_95_ci', 'upper_95_ci', 'count', 'denominator', 'comparator', 'comparison', 'source', 'licence', 'figure', 'lookup', 'lookup_status', 'note']);
  // GP networks are summed by the explorer from their practices, placed by an official lookup.
  const byCode = new Map(rows.slice(1).map((row) => [row[0], row]));
  expect(byCode.get('U50771')!.slice(13, 16)).toEqual(['summed by the explorer', 'practice-pcn', 'official']);
  const tableRows = page.getByTestId('area-table').locator('tbody tr');
  await expect(tableRows).toHaveCount(rows.length - 1);
  for (let i = 1; i < rows.length; i++) {
    const tr = tableRows.nth(i - 1);
    await expect(tr).toHaveAttribute('data-area', rows[i][0]);
    await expect(tr.getByTestId('value')).toHaveText((Math.round(Number(rows[i][3]) * 10) / 10).toFixed(1));
  }
  // By locality, the lookup each locality's networks were placed by: South West's network
  // said where it is; North West's were placed provisionally.
  await page.goto('./?view=indicator&indicator=91547');
  await expect.poll(async () => (await bars(page)).values.length).toBe(4);
  const [localities] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-csv').click()]);
  const byLocality = new Map(parseCsv((await readFile((await localities.path())!)).subarray(3).toString('utf8')).map((row) => [row[0], row]));
  expect(byLocality.get('THT-LOC-NW')!.slice(14, 16)).toEqual(['practice-pcn; pcn-locality-provisional', 'provisional']);
  expect(byLocality.get('THT-LOC-SW')!.slice(14, 16)).toEqual(['practice-pcn; pcn-locality-stated', 'official']);
});

test('every value reads the same in the chart\'s tooltip as in the table, with its unit', async ({ page }) => {
  for (const [link, unit, digits] of [
    ['./?view=indicator&indicator=91547&level=pcn', '%', /^\d+\.\d$/],
    // Adult social care scores lie between 0 and 1: three places tell the boroughs apart.
    ['./?view=indicator&indicator=oflog-asc2', ' score', /^0\.\d{3}$/],
  ] as const) {
    await page.goto(link);
    const table = page.getByTestId('area-table').locator('tbody tr').getByTestId('value');
    await expect(table.first()).toHaveText(digits);
    await expect.poll(async () => (await bars(page)).values.length).toBeGreaterThan(0);
    const tooltips = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement;
      // @ts-expect-error the page's own global
      const chart = globalThis.echarts.getInstanceByDom(element);
      const series = chart.getOption().series.find((s: { id?: string }) => s.id === 'values');
      return series.data.map((d: number | { value: number }, i: number) =>
        series.tooltip.valueFormatter(typeof d === 'number' ? d : d.value, i));
    });
    const rows = (await table.allInnerTexts()).slice(0, tooltips.length);
    expect([...tooltips].sort()).toEqual(rows.map((v) => `${v}${unit}`).sort());
  }
});

test('the chart downloads as a 2x PNG and as an SVG with its title and source', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547');
  await expect.poll(async () => (await bars(page)).values.length).toBe(4);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.readUInt32BE(16)).toBe(2400); // width: 1200 CSS px at 2x
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-svg').click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const text = await readFile((await svg.path())!, 'utf8');
  expect(text.startsWith('<svg')).toBe(true);
  // The file is well-formed XML and opens as an image of the size it was drawn at, read in
  // a blank page of its own (as any other program would open it, outside the site's policy).
  const reader = await page.context().newPage();
  await reader.goto('about:blank');
  const opened = await reader.evaluate(async (svgText) => {
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const error = parsed.querySelector('parsererror')?.textContent ?? null;
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const image = new Image();
    const width = await new Promise<number>((resolve) => {
      image.onload = () => resolve(image.naturalWidth);
      image.onerror = () => resolve(0);
      image.src = url;
    });
    URL.revokeObjectURL(url);
    return { error, width };
  }, text);
  await reader.close();
  expect(opened).toEqual({ error: null, width: 1200 });
  expect(text).toContain('Smoking prevalence in adults (15+)');
  expect(text).toContain('Office for Health Improvement and Disparities');
  expect(text).toContain('North West');
});

test('an invalid parameter shows a notice and a working default view', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547&level=galaxy&sort=sideways');
  await expect(page.getByTestId('url-notice')).toContainText('level=galaxy');
  await expect(page.getByTestId('url-notice')).toContainText('sort=sideways');
  await expect.poll(async () => (await bars(page)).values.length).toBe(4);
});

test('everything a link asks for that the view cannot honour is said in one notice', async ({ page }) => {
  // Fuel poverty is published for London boroughs only: the localities asked for, a period
  // it lacks and an order that does not exist are three problems, in one notice.
  await page.goto('./?view=indicator&indicator=93759&level=locality&period=1999&sort=sideways');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice.getByRole('listitem')).toHaveCount(3);
  await expect(notice).toContainText('sort=sideways');
  await expect(notice).toContainText('no figures by localities, so it is shown by London boroughs');
  await expect(notice).toContainText('no figures for 1999');
  await expect(page.getByTestId('period-choice').locator('[aria-current="true"]')).toHaveCount(1);
});

test('London boroughs open on the latest period with a London figure, and say why', async ({ page }) => {
  // Smoking by London borough: the latest years have no London figure to compare with.
  await page.goto('./?view=indicator&indicator=91547&level=borough');
  const note = page.getByTestId('period-note');
  await expect(note).toHaveText(
    'The latest figures, for 2023/24, have no London figure to compare them with, so 2021/22 is shown. Choose 2023/24 to see them.',
  );
  await expect(page.getByTestId('period-choice').locator('[aria-current="true"]')).toHaveText('2021/22');
  await expect(page.getByTestId('url-notice')).toHaveCount(0);
  // The latest is one choice away, and chosen it is shown without the note.
  await page.getByTestId('period-choice').getByRole('link', { name: '2023/24' }).click();
  await expect(page.getByTestId('period-choice').locator('[aria-current="true"]')).toHaveText('2023/24');
  await expect(page.getByTestId('period-note')).toHaveCount(0);
});

test('the map says when it shows another period than the link asked for', async ({ page }) => {
  await page.goto('./?view=map&period=1999');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toContainText('no figures for 1999');
  await expect(notice).toHaveCount(1);
});

test('the citation opened on a 375 px phone wraps its address instead of widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('./?view=indicator&indicator=91547&level=pcn&sort=value');
  await expect.poll(async () => (await bars(page)).values.length).toBe(7);
  await page.getByText('Cite this chart').click();
  await expect(page.getByTestId('citation')).toBeVisible();
  await expect(page.getByTestId('citation')).toContainText('view=indicator');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('printing gives A4 pages with the chart, its source and the page address', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547');
  await expect.poll(async () => (await bars(page)).values.length).toBe(4);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByTestId('share-bar')).toBeHidden();
  await expect(page.getByTestId('print-url')).toBeVisible();
  await expect(page.getByTestId('print-url')).toContainText('view=indicator&indicator=91547&level=locality&period=2023%2F24');
  // Who published it, how current the data is, and when it was printed.
  const { dataset } = await (await page.request.get('./data/manifest.json')).json();
  const [year, month, day] = dataset.release_date.split('-').map(Number);
  const released = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await expect(page.getByTestId('print-credit')).toHaveText(
    new RegExp(`^Printed from the Tower Hamlets Together outcomes explorer on \\d{1,2} \\w+ \\d{4}\\. Data released ${released}\\.$`),
  );
  await expect(page.getByTestId('source')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'screenshots/print.pdf' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // A4 is 210 x 297 mm, 595 x 842 points (Chromium rounds to 8.27 x 11.7 inches).
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[56](\.\d+)? 84[23](\.\d+)?\]/);
});

