// The explorer in Bengali: chosen by a visible switch, kept in the link, set on <html lang>,
// every interface text translated, numbers in Bengali digits, the Bengali font self-hosted,
// and English kept only where it is marked as English (names with no translation yet).
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';
import { appReady } from './ready';

const views: [string, string][] = [
  ['overview', './?lang=bn'],
  ['indicator', './?view=indicator&indicator=91547&lang=bn'],
  ['indicator-neighbours', './?view=indicator&indicator=hcl-hyp&lang=bn'],
  ['indicators', './?view=indicators&lang=bn'],
  ['overview-domain', './?domain=healthy-lives&lang=bn'],
  ['indicator-pcn', './?view=indicator&indicator=91547&level=pcn&lang=bn'],
  ['indicator-boroughs', './?view=indicator&indicator=93759&level=borough&sort=value&lang=bn'],
  ['locality', './?view=locality&areas=THT-LOC-SE&lang=bn'],
  ['map', './?view=map&lang=bn'],
  ['area', './?view=area&areas=E05009332&lang=bn'],
  ['challenges', './?view=challenges&lang=bn'],
  ['about', './?view=about&lang=bn'],
  ['accessibility', './?view=accessibility&lang=bn'],
  ['embed', './?view=indicator&indicator=91547&embed=1&lang=bn'],
  ['bad-link', './?view=indicator&indicator=nope&level=galaxy&lang=bn'],
];

async function settled(page: Page) {
  await appReady(page);
}

// Abbreviations and names that Bengali text writes in Latin letters too, as residents see
// them on NHS and council documents.
const LATIN_ALLOWED = new Set(['GP', 'PCN', 'PCNs', 'NHS', 'CSV', 'PNG', 'SVG', 'PDF', 'A4', 'IMD', 'LSOA', 'LSOAs', 'QOF', 'A&E', 'PM2.5', 'WCAG', 'AA', 'URL', 'HTML', 'JSON', 'iframe', 'OHID', 'ONS', 'BCF', 'KS2', 'KS4', 'ASC', 'Oflog', 'PM', 'CI']);

/**
 * Every piece of visible text that is in Latin letters or ASCII digits but not marked as
 * English (an element with lang="en"), code, or not for translation (translate="no").
 */
function untranslated(page: Page) {
  return page.evaluate((allowed) => {
    const allowedWords = new Set(allowed);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest('[lang="en"], code, pre, textarea, script, style, noscript, [translate="no"]')) continue;
      if (element.closest('[hidden], .print-only, dialog:not([open])')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const text = node.textContent ?? '';
      // A word in straight quotes is cited, not used: a note saying the file spells ward
      // names with "and" and "St" quotes those spellings as they are.
      const words = text.replace(/"[^"]{1,20}"/g, '').match(/[A-Za-z0-9][A-Za-z0-9.&_\-]*/g) ?? [];
      // Codes and file names are in no language: ONS codes (E05009317), GP practice codes
      // (F84702), capital-letter bands
      // and grades (D), and data file names (areas.csv).
      const isCode = (w: string) =>
        /^[A-Z]\d{8}(-[A-Z]\d{8})?$/.test(w) || /^[A-Z]\d{5}$/.test(w) || /^[A-Z]$/.test(w) || /^[\w-]+\.(csv|json|toml)$/.test(w);
      const foreign = words.map((w) => w.replace(/[.\-]$/, '')).filter((w) => !allowedWords.has(w) && !isCode(w));
      if (foreign.length > 0) found.push(`${element.tagName.toLowerCase()}: “${text.trim().slice(0, 80)}”`);
    }
    return found;
  }, [...LATIN_ALLOWED]);
}

for (const [name, link] of views) {
  test(`${name} in Bengali has no untranslated interface text`, async ({ page }) => {
    await page.goto(link);
    await settled(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
    expect(await untranslated(page)).toEqual([]);
  });
}

test('a visible switch changes the language, keeps the view, and lives in the link', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547&level=pcn');
  await settled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const toBengali = page.getByTestId('language-switch');
  await expect(toBengali).toBeVisible();
  await expect(toBengali).toHaveText('বাংলা');
  await expect(toBengali).toHaveAttribute('lang', 'bn');
  await toBengali.click();
  await expect(page).toHaveURL(/\.bn\.html$/);
  await expect(page).toHaveURL(/\.pcn\./);
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await expect(page).toHaveTitle(/টাওয়ার হ্যামলেটস/);
  await settled(page);
  // The same chart, now introduced in Bengali: its summary names the period in Bengali digits.
  await expect(page.getByTestId('summary')).toContainText(/[০-৯]/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/[\u0980-\u09FF]/);

  const toEnglish = page.getByTestId('language-switch');
  await expect(toEnglish).toHaveText('English');
  await expect(toEnglish).toHaveAttribute('lang', 'en');
  await toEnglish.click();
  await expect(page).not.toHaveURL(/lang=|\.bn\.html/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\.pcn\./);

  // A reload of a Bengali link opens in Bengali, with no English first.
  await page.goto('./?view=indicator&indicator=91547&lang=bn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await expect(page.getByRole('navigation').first()).toContainText('সারসংক্ষেপ');
});

test('by keyboard in Bengali: the skip link comes first, then the switch back to English', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547&lang=bn');
  await settled(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'মূল অংশে চলে যান' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Tab');
  const toEnglish = page.getByTestId('language-switch');
  await expect(toEnglish).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/lang=|\.bn\.html/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
});

test('numbers are written in Bengali digits, on the page and in the chart', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=91547&lang=bn');
  await settled(page);
  const table = page.getByTestId('area-table');
  await expect(table).toContainText(/[০-৯]+\.[০-৯]/);
  await expect(table).not.toContainText(/[0-9]/);
  // The chart's accessible name is its summary, in Bengali.
  const name = await page.getByTestId('area-chart').getAttribute('aria-label');
  expect(name).toMatch(/[\u0980-\u09FF]/);
  expect(name).not.toMatch(/[0-9]/);
  // ECharts draws the value axis with the Bengali-digit formatter.
  const axes = await page.evaluate(() => {
    const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement;
    // @ts-expect-error the page's own global
    const option = globalThis.echarts.getInstanceByDom(element).getOption();
    return {
      tick: option.xAxis[0].axisLabel.formatter(12.5),
      // Area names keep their own digits ("Network 1 PCN"): no formatter on that axis.
      names: typeof option.yAxis[0].axisLabel.formatter,
      // The tooltip takes no font from the chart: it must name the Bengali one itself.
      tooltipFont: option.tooltip[0].textStyle?.fontFamily ?? '',
    };
  });
  expect(axes.tick).toBe('১২.৫');
  expect(axes.names).not.toBe('function');
  expect(axes.tooltipFont).toContain("'Noto Sans Bengali'");
});

test('the Bengali font comes from this site, and English pages fetch only the switch’s 1 KB', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
  });
  await page.goto('./indicator-91547.html');
  await settled(page);
  await page.evaluate(() => document.fonts.ready);
  // This machine has no Bengali font, so the switch's word "বাংলা" needs one: only its cut.
  expect(fonts.every((path) => /\/fonts\/bangla-switch.*\.woff2$/.test(path))).toBe(true);
  fonts.length = 0;
  await page.goto('./indicator-91547.bn.html');
  await settled(page);
  await expect.poll(() => fonts.length).toBeGreaterThan(0);
  expect(fonts.every((path) => /\/fonts\/noto-sans-bengali-bengali-\d00-normal.*\.woff2$/.test(path))).toBe(true);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Bengali"', 'অ'))).toBe(true);
});

test('Bengali text is drawn in a Bengali font, never as empty boxes', async ({ page }) => {
  // Chromium keeps fallback glyphs for words it shaped while the web font was loading, so
  // the page must not draw Bengali before its font is ready. Each text's glyphs drawn in a
  // font other than the Bengali one must be no more than its non-Bengali characters.
  await page.goto('./?view=indicator&indicator=91547&lang=bn');
  await settled(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const selectors = ['.site-name', '.site-tagline', '.site-nav a', 'h1', 'h2', '.summary', 'th', 'td', 'button', 'summary'];
  const boxes: string[] = [];
  for (const selector of selectors) {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      const text = outerHTML.replace(/<[^>]*>/g, '');
      const bengali = [...text].filter((c) => /[\u0980-\u09FF]/.test(c)).length;
      if (bengali === 0) continue;
      const other = fonts.filter((f) => !/Bengali|Bangla|Nirmala|Vrinda/.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      // A <summary> also draws its disclosure triangle and the space after it.
      const marker = selector === 'summary' ? 2 : 0;
      if (other > [...text].length - bengali + marker) boxes.push(`${selector}: ${text.trim().slice(0, 40)}`);
    }
  }
  expect(boxes).toEqual([]);
});

test('dataset texts without a translation are shown in English and marked as English', async ({ page }) => {
  await page.goto('./?view=indicator&indicator=imd2025-decile1&level=ward&lang=bn');
  await settled(page);
  // Ward names are proper names with no Bengali form published: each is marked lang="en".
  const names = page.getByTestId('area-table').locator('[lang="en"]');
  expect(await names.count()).toBeGreaterThan(5);
});

test('the About page says the translations await community review', async ({ page }) => {
  await page.goto('./?view=about&lang=bn');
  await settled(page);
  await expect(page.getByTestId('translation-note')).toBeVisible();
  await page.goto('./?view=about');
  await settled(page);
  await expect(page.getByTestId('translation-note')).toContainText('awaiting review');
});

for (const width of [375, 1280]) {
  for (const [name, link] of views) {
    test(`screenshot of ${name} in Bengali at ${width} px, with nothing scrolling sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(link);
      await settled(page);
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `screenshots/bn-${name}-${width}.png`, fullPage: true });
    });
  }
}
