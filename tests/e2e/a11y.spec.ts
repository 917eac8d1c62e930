// WCAG 2.2 AA in a real browser: axe-core on every view, in English and Bengali, at a desktop
// and a phone width, with the embed dialog open too, then a keyboard-only journey.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect, test } from './privacy';
import { appReady } from './ready';

const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const views: [string, string][] = [
  ['overview', './'],
  ['overview-domain', './?domain=healthy-lives'],
  ['indicator', './indicator-91547.html'],
  ['indicator-neighbours', './?view=indicator&indicator=hcl-hyp'],
  ['indicators', './?view=indicators'],
  ['indicator-boroughs', './?view=indicator&indicator=93759&level=borough&sort=value'],
  ['locality', './locality-THT-LOC-SE.html'],
  ['locality-sw', './?view=locality&areas=THT-LOC-SW'],
  ['map', './?view=map'],
  ['area', './area-E05009332.html'],
  ['area-chooser', './?view=area'],
  ['challenges', './?view=challenges'],
  ['about', './about.html'],
  ['accessibility', './?view=accessibility'],
  ['embed', './?view=indicator&indicator=91547&embed=1'],
  ['bad-link', './?view=indicator&indicator=%3Cb%3Enope&level=galaxy'],
];

async function settled(page: Page) {
  await appReady(page);
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(RULE_SETS).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** The same link in `lang`: English is the default, so it adds nothing. */
function inLanguage(link: string, lang: string): string {
  if (lang === 'en') return link;
  // A built page has its own page in each language.
  if (link.endsWith('.html')) return link.replace(/\.html$/, `.${lang}.html`);
  return `${link}${link.includes('?') ? '&' : '?'}lang=${lang}`;
}

for (const lang of ['en', 'bn']) {
  for (const width of [1280, 375]) {
    for (const [name, link] of views) {
      test(`axe finds no WCAG 2.2 AA violation on ${name} in ${lang} at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(inLanguage(link, lang));
        await settled(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        expect(await violations(page)).toEqual([]);
      });
    }
    test(`axe finds no violation with the embed dialog open in ${lang} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(inLanguage('./?view=indicator&indicator=91547', lang));
      await settled(page);
      await page.getByTestId('embed-open').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('one h1 per view and headings in order', async ({ page }) => {
  for (const [, link] of views) {
    await page.goto(link);
    await settled(page);
    const levels = await page.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]).toBeLessThanOrEqual(1);
    });
  }
});

test('a keyboard alone reaches and operates everything, with focus always visible', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  // The skip link comes first and moves focus to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Tab to the first indicator link and open it.
  const target = page.locator('[data-indicator="91547"]').getByRole('link');
  for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
    expect(outline, 'focus must be visible').toBe(true);
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/indicator-91547\.html$/);
  await settled(page);

  // Operate a filter by keyboard.
  const pcns = page.getByTestId('level-choice').getByRole('link', { name: 'GP networks (PCNs)' });
  await pcns.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/indicator-91547\.pcn\.html$/);
  // The networks' figures are their own file: wait for them to be shown before going on.
  await expect(page.getByRole('region', { name: /by primary care network: Percentage/ })).toBeVisible();

  // Open and close the embed dialog: focus goes in, Escape closes, focus comes back.
  const opener = page.getByTestId('embed-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The table alternative is reachable: its scroll box takes focus.
  const table = page.getByRole('region', { name: /by primary care network: Percentage/ });
  await table.focus();
  await expect(table).toBeFocused();
});

test('targets are at least 24 by 24 CSS pixels', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 900 });
  await page.goto('./?view=indicator&indicator=91547');
  await settled(page);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main a, main button, main summary, header a')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && (r.width < 24 || r.height < 24) && getComputedStyle(el).display !== 'inline')
      .map(({ el, r }) => `${el.textContent?.trim().slice(0, 30)} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
});

test('motion is off for people who ask for less', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?view=indicator&indicator=91547');
  await settled(page);
  const animated = await page.evaluate(() => {
    const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement;
    // @ts-expect-error the page's own global
    return globalThis.echarts?.getInstanceByDom(element).getOption().animation;
  });
  expect(animated).toBe(false);
});

// WCAG 1.4.10 and 1.4.4: at 320 CSS pixels, and with text at 200%, nothing is lost and only
// tables scroll sideways (inside their own box).
for (const [name, link] of views) {
  test(`${name} reflows at 320 px and with text at 200%`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(link);
    await settled(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 640, height: 800 });
    // Through the CSS object model, which the page's style policy allows.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The main heading is still whole on screen.
    const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(h1 === null || h1.x + h1.width <= 640).toBe(true);
  });
}
