// Broken data, broken links and hostile input never break the page (issue 8).
//
// The release build is served as any static host would; each broken case is made by
// intercepting the page's own requests (a missing file, the network gone, a file cut short,
// a file from a newer release, odd contents). Each case must show a plain message in a
// role="alert" naming the file, keep the header, footer and heading, and, where trying
// again can help, recover through "Try again" once the fault is gone.
//
// Every test here runs under the privacy guard (./privacy.ts): no request to another origin,
// no cookie, nothing stored, no Content-Security-Policy violation.
import { createHash } from 'node:crypto';

import type { Page, Route } from '@playwright/test';
import { expect, test } from './privacy';

const INDICATOR = './?view=indicator&indicator=91547';
const MANIFEST = '**/data/manifest.json';
const SHARD = '**/data/indicators/91547/locality.json';

/** The bars the ECharts instance on the page holds, read back from the chart. */
async function bars(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const element = document.querySelector('[data-testid="area-chart"]') as HTMLElement | null;
    // @ts-expect-error the page's own global, set by the bundled echarts.js
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    if (!chart) return [];
    const series = chart.getOption().series as { id?: string; data: (number | { value: number })[] }[];
    const data = (series.find((s) => s.id === 'values') ?? series[0]).data;
    return data.map((d) => (typeof d === 'number' ? d : d.value));
  });
}

/** The locality values the published shard holds for its latest period with any. */
async function publishedLocalities(page: Page): Promise<number[]> {
  const manifest = await (await page.request.get('data/manifest.json')).json();
  const shard = await (await page.request.get('data/indicators/91547/locality.json')).json();
  const localities: string[] = manifest.areas.filter((a: { level: string }) => a.level === 'locality').map((a: { code: string }) => a.code);
  type Point = { area: string; period: string; value?: number };
  const latest = [...shard.periods].reverse().find((p: string) => shard.values.some((v: Point) => v.period === p && localities.includes(v.area) && v.value !== undefined));
  return localities
    .map((code) => shard.values.find((v: Point) => v.area === code && v.period === latest)?.value)
    .filter((v): v is number => v !== undefined);
}

/** The page around the broken part is still there. */
async function shellIsIntact(page: Page) {
  await expect(page.getByRole('banner')).toContainText('Tower Hamlets Together');
  await expect(page.getByRole('navigation', { name: 'Main', exact: true })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('No cookies, no tracking');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Retries through the alert's button and checks the chart is drawn from the real file. */
async function retryDrawsTheChart(page: Page, expected: number) {
  await page.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
  await expect.poll(async () => (await bars(page)).length).toBe(expected);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

/** Answers with the real file, changed by `edit`. */
function edited(edit: (json: Record<string, unknown>) => unknown) {
  return async (route: Route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, body: JSON.stringify(edit(json) ?? json) });
  };
}

test.describe('data failures are explained, and retried where that helps', () => {
  test('a missing manifest', async ({ page }) => {
    await page.route(MANIFEST, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(INDICATOR);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Some data could not be loaded');
    await expect(alert).toContainText('The data file data/manifest.json is missing from this site (the server answered 404).');
    await shellIsIntact(page);
    const localities = await publishedLocalities(page);
    await page.unroute(MANIFEST);
    await retryDrawsTheChart(page, localities.length);
    expect(await bars(page)).toEqual(localities);
  });

  test('a missing indicator file, while the other views keep working', async ({ page }) => {
    await page.route(SHARD, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(INDICATOR);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The data file data/indicators/91547/locality.json is missing from this site (the server answered 404).');
    await shellIsIntact(page);
    // The rest of the explorer needs only the manifest, which loaded.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About the data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the data');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How is Tower Hamlets doing?');
    await page.goBack();
    await page.goBack();
    await expect(alert).toContainText('91547/locality.json');
    await page.unroute(SHARD);
    await retryDrawsTheChart(page, 4);
  });

  test('the network gone (offline) for the data', async ({ page }) => {
    await page.route('**/data/**', (route) => route.abort('internetdisconnected'));
    await page.goto(INDICATOR);
    await expect(page.getByRole('alert')).toContainText(
      'The data file data/manifest.json could not be reached. Check your connection and try again.',
    );
    await shellIsIntact(page);
    await page.unroute('**/data/**');
    await retryDrawsTheChart(page, 4);
  });

  test('the network gone for the indicator file only', async ({ page }) => {
    await page.route(SHARD, (route) => route.abort('connectionreset'));
    await page.goto(INDICATOR);
    await expect(page.getByRole('alert')).toContainText('The data file data/indicators/91547/locality.json could not be reached.');
    await shellIsIntact(page);
    await page.unroute(SHARD);
    await retryDrawsTheChart(page, 4);
  });

  test('a manifest cut short in transfer', async ({ page }) => {
    await page.route(MANIFEST, async (route) => {
      const response = await route.fetch();
      const text = await response.text();
      await route.fulfill({ response, body: text.slice(0, Math.floor(text.length / 2)) });
    });
    await page.goto(INDICATOR);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The data file data/manifest.json is damaged and cannot be read (EOF while parsing');
    await shellIsIntact(page);
    await page.unroute(MANIFEST);
    await retryDrawsTheChart(page, 4);
  });

  test('an indicator file that is not JSON at all (a host answering with a web page)', async ({ page }) => {
    await page.route(SHARD, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>' }),
    );
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(INDICATOR);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The data file data/indicators/91547/locality.json is damaged and cannot be read (expected value at line 1 column 1).');
    await shellIsIntact(page);
    expect(dialogs).toEqual([]);
    await page.unroute(SHARD);
    await retryDrawsTheChart(page, 4);
  });

  test('an indicator file with the wrong shape', async ({ page }) => {
    await page.route(SHARD, edited((json) => ({ ...json, values: 'none' })));
    await page.goto(INDICATOR);
    await expect(page.getByRole('alert')).toContainText('The data file data/indicators/91547/locality.json is damaged and cannot be read (invalid type');
    await shellIsIntact(page);
  });

  test('a manifest from a newer release than this page', async ({ page }) => {
    await page.route(MANIFEST, edited((json) => ({ ...json, schema_version: 3 })));
    await page.goto(INDICATOR);
    await expect(page.getByRole('alert')).toContainText(
      'The data file data/manifest.json was published in a newer format (version 3) than this page understands (version 2). Reload the page to get the newest version.',
    );
    await shellIsIntact(page);
    // A reload that brings the matching page and data (here: the fault gone) recovers.
    await page.unroute(MANIFEST);
    await retryDrawsTheChart(page, 4);
  });

  test('an indicator file from a newer release, even one whose shape changed', async ({ page }) => {
    await page.route(SHARD, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ schema_version: 3, series: { renamed: true } }) }),
    );
    await page.goto(INDICATOR);
    await expect(page.getByRole('alert')).toContainText(
      'The data file data/indicators/91547/locality.json was published in a newer format (version 3) than this page understands (version 2).',
    );
    await shellIsIntact(page);
  });

  test('an indicator with no values says so plainly', async ({ page }) => {
    await page.route(SHARD, edited((json) => ({ ...json, values: [] })));
    await page.goto(INDICATOR);
    await expect(page.getByTestId('no-values')).toHaveText(
      'Smoking prevalence in adults (15+): current smokers (QOF) has no published values for any area yet.',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('area-chart')).toHaveCount(0);
    await shellIsIntact(page);
  });

  test('values for areas the manifest does not know are left out and the rest drawn', async ({ page }) => {
    const localities = await publishedLocalities(page);
    await page.route(
      SHARD,
      edited((json) => {
        const values = json.values as { area: string; period: string; value?: number }[];
        const periods = json.periods as string[];
        const latest = periods[periods.length - 1];
        const stranger = (area: string) => ({ area, period: latest, origin: 'published', value: 1e6, ci95: { lower: -1, upper: 1e9 } });
        return {
          ...json,
          values: [stranger('E99999999'), ...values, stranger('"><img src=x onerror=alert(1)>'), stranger('')],
        };
      }),
    );
    await page.goto(INDICATOR);
    await expect.poll(async () => (await bars(page)).length).toBe(localities.length);
    expect(await bars(page)).toEqual(localities);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await shellIsIntact(page);
  });

  // The issue asks that values for an unknown area be mentioned, not only dropped. The app
  // drops them silently today; `data::unknown_areas` lists them for the indicator page to show.
  test('values for areas the manifest does not know are mentioned on the page', async ({ page }) => {
    await page.route(SHARD, edited((json) => ({ ...json, values: [...(json.values as object[]), { area: 'E99999999', period: '2023/24', origin: 'published', value: 1 }] })));
    await page.goto(INDICATOR);
    await expect(page.getByRole('main')).toContainText('E99999999');
  });

  test('an indicator file path in the manifest cannot send the page to another site', async ({ page }) => {
    await page.route(
      MANIFEST,
      edited((json) => {
        for (const indicator of json.indicators as { id: string; shard: string }[]) {
          if (indicator.id === '91547') indicator.shard = '//evil.example/steal.json';
        }
      }),
    );
    await page.goto(INDICATOR);
    // Fetched as data///evil.example/steal.json on this site, which has no such file.
    await expect(page.getByRole('alert')).toContainText('is missing from this site');
    await shellIsIntact(page);
    // The privacy guard fails the test if anything went to evil.example.
  });
});

test.describe('hostile links give a working page and never inject markup', () => {
  const payload = '"><img src=x onerror=alert(1)>';
  const hostile: [string, string][] = [
    ['very long', `${INDICATOR}&level=${'l'.repeat(3000)}&${'x'.repeat(2000)}=${'y'.repeat(3000)}`],
    ['repeated keys', `${INDICATOR}&indicator=93759&view=about&view=overview&indicator=91547`],
    ['bad percent-encoding', `${INDICATOR}&level=%zz&period=%E0%A4%A&sort=%&%=%%`],
    ['a script element', `${INDICATOR}&period=<script>alert(1)</script>&<script>alert(2)</script>=1`],
    ['an attribute breakout', `${INDICATOR}&level=${encodeURIComponent(payload)}&${encodeURIComponent(payload)}=1`],
    ['an unencoded attribute breakout', `${INDICATOR}&sort=${payload}`],
    ['a javascript: URL and nulls', `${INDICATOR}&areas=javascript:alert(1)&lang=%00%00&embed=%0d%0aSet-Cookie:x=1`],
    ['prototype keys', `${INDICATOR}&__proto__=1&constructor=prototype&toString=x`],
    ['right-to-left and emoji', `${INDICATOR}&period=%E2%80%AE%F0%9F%92%A5`],
    ['markup in the fragment', `${INDICATOR}#${payload}`],
  ];

  for (const [name, link] of hostile) {
    test(name, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(link);
      await expect.poll(async () => (await bars(page)).length, { message: 'the chart is drawn' }).toBe(4);
      await shellIsIntact(page);
      await expect(page.getByRole('alert')).toHaveCount(0);
      if (!link.includes('#')) await expect(page.getByTestId('url-notice').first()).toBeVisible();

      // Nothing from the link became markup: no image, no extra script, no handler attribute.
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      // The one inline script is the page's own bootstrap, exactly as built.
      const built = await (await page.request.get('./')).text();
      const bootstrap = built.match(/<script>([\s\S]*?)<\/script>/)![1];
      const injected = await page.evaluate((own) => ({
        inlineScripts: [...document.scripts].filter((s) => !s.src && s.textContent !== own).length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      }), bootstrap);
      expect(injected).toEqual({ inlineScripts: 0, handlers: 0 });
      expect(dialogs).toEqual([]);

      // Where the fragment is shown, it is shown as text.
      const notices = page.getByTestId('url-notice');
      const shown = (await notices.allInnerTexts()).join('\n');
      if (shown.includes('<img')) {
        expect((await notices.first().innerHTML()).includes('<img')).toBe(false);
      }
    });
  }

  test('the payload is shown escaped, as text', async ({ page }) => {
    await page.goto(`${INDICATOR}&sort=${encodeURIComponent(payload)}`);
    const notice = page.getByTestId('url-notice').first();
    await expect(notice).toContainText(`sort=${payload}`);
    expect(await notice.innerHTML()).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

test.describe('Content-Security-Policy and subresource integrity', () => {
  test('index.html has the policy, one inline script it allows by hash, and integrity on every other script', async ({ page }) => {
    const html = await (await page.request.get('./')).text();
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
    expect(meta, 'a policy meta tag').not.toBeNull();
    const policy = Object.fromEntries(
      meta![1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src'].slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy['script-src']).toHaveLength(3);
    expect(policy['script-src'][2]).toMatch(/^'sha256-[A-Za-z0-9+/=]+'$/);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    // The policy comes before every script and stylesheet, or it would not cover them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link/));

    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(1);
    // ECharts is not in the page: the loader fetches it, with this integrity, when a chart needs it.
    expect(html).toMatch(/<meta name="tht-echarts" content="[^"]*echarts-[0-9a-f]+\.js" data-integrity="sha384-[A-Za-z0-9+/=]+"/);
    // The bootstrap (scripts/harden-html.mjs) is the one inline script, allowed by its hash.
    const inline = scripts.filter(([, attributes]) => !/\bsrc=/.test(attributes));
    expect(inline).toHaveLength(1);
    const digest = createHash('sha256').update(inline[0][2]).digest('base64');
    expect(policy['script-src']).toContain(`'sha256-${digest}'`);
    for (const [tag, attributes, body] of scripts.filter((s) => s !== inline[0])) {
      expect(attributes, tag).toMatch(/\bsrc="[^"]+"/);
      expect(attributes, tag).toMatch(/\bintegrity="sha384-[A-Za-z0-9+/=]+"/);
      expect(body.trim(), tag).toBe('');
    }
    // What the bootstrap reads changes with each build, so it is in meta tags, with integrity.
    expect(html).toMatch(/<meta name="tht-wasm" content="[^"]*_bg\.wasm" data-integrity="sha384-[A-Za-z0-9+/=]+"/);
    for (const [link] of html.matchAll(/<link\b[^>]*rel="(?:modulepreload|stylesheet)"[^>]*>/g)) {
      expect(link).toMatch(/\bintegrity="sha384-/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  const views = [
    './',
    INDICATOR,
    './?view=indicator&indicator=91547&level=pcn&sort=value',
    './?view=indicator&indicator=93867&level=borough',
    './?view=about',
    './?view=locality',
    './?view=map',
    './?view=challenges',
  ];
  for (const link of views) {
    test(`no policy violation on ${link}, tooltip included`, async ({ page }) => {
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Everything the view loads (shards, boundaries) has arrived and been drawn.
      await page.waitForLoadState('networkidle');
      if (link.includes('indicator=')) {
        await expect.poll(async () => (await bars(page)).length).toBeGreaterThan(0);
        // Hover a bar so the tooltip is drawn. It is drawn on the canvas (renderMode
        // "richText"), so ECharts builds no HTML with style attributes for the policy to block.
        const chart = page.getByTestId('area-chart');
        await chart.scrollIntoViewIfNeeded();
        const box = (await chart.boundingBox())!;
        await chart.hover({ position: { x: box.width / 2, y: box.height * 0.3 } });
        await chart.hover({ position: { x: box.width / 2 + 4, y: box.height * 0.35 } });
        await expect(chart.locator('[style*="pointer-events: none"] span')).toHaveCount(0);
        // Escape dismisses it (WCAG 1.4.13): ECharts reports the tooltip hidden.
        await page.keyboard.press('Escape');
      }
      const violations = await page.evaluate(() => (window as unknown as { __privacy: { csp: string[] } }).__privacy.csp);
      expect(violations).toEqual([]);
    });
  }

  test('a file that is not the one built is refused (subresource integrity)', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/integrity/i.test(m.text())) refused.push(m.text());
    });
    await page.route('**/echarts-*.js', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nwindow.__tampered = true;` });
    });
    await page.goto(INDICATOR);
    // ECharts is 230 KB, so on a busy machine its refusal can take longer than the default
    // five seconds to arrive.
    await expect.poll(() => refused.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __tampered?: boolean }).__tampered)).toBeUndefined();
    // The app then asks once more and says the chart library could not be loaded; once it
    // has, no changed file is still on its way when the test ends.
    await expect(page.getByRole('alert').filter({ hasText: 'chart library' }).first()).toBeVisible({ timeout: 20_000 });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('a wasm file that is not the one built is refused (subresource integrity)', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*_bg.wasm', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await page.goto(INDICATOR);
    await expect.poll(() => errors.join('\n')).toMatch(/integrity/i);
    // The app never starts: the built page stays, with its frame, and says what is missing,
    // with a way to try again.
    const failed = page.getByTestId('app-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('could not be loaded');
    await expect(failed.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '');
    await expect(page.getByRole('navigation', { name: 'Main', exact: true })).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-app', 'live');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});
