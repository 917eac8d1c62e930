// The page's promises to the people who use it, checked around every test that imports
// `test` from here: it loads nothing from any other origin, sets no cookie, stores nothing in
// localStorage, sessionStorage, IndexedDB or the Cache API, and breaks no rule of its
// Content-Security-Policy. A test that imports `test` from this file fails if any of these
// happened while it ran, whatever it was testing.
//
//   import { test, expect } from './privacy';
//
// The pieces are exported too, for a spec that makes its own contexts:
// `watchPrivacy(context)` before the first page, then `privacyProblems(context)` at the end.
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

export { expect };

/** What the recorder installed by `watchPrivacy` keeps in each page. */
type Recorded = { writes: string[]; csp: string[] };

/** The origins the test servers use (the second serves the same build under another path). */
export function allowedOrigins(testInfo: TestInfo): string[] {
  const base = new URL(String(testInfo.project.use.baseURL ?? 'http://127.0.0.1:4173/'));
  const next = `${base.protocol}//${base.hostname}:${Number(base.port) + 1}`;
  return [base.origin, next];
}

/** Whether a request stays on the site: same origin, or data/blob URLs the page made itself. */
export function isOwn(url: string, origins: string[]): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

const recorderInstalled = new WeakSet<BrowserContext>();

/**
 * Records, from before any of the page's own scripts run, every attempt to write to storage
 * or set a cookie, and every Content-Security-Policy violation. Call before opening pages.
 */
export async function watchPrivacy(context: BrowserContext): Promise<void> {
  if (recorderInstalled.has(context)) return;
  recorderInstalled.add(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __privacy: Recorded };
    if (w.__privacy) return;
    const recorded: Recorded = { writes: [], csp: [] };
    w.__privacy = recorded;
    const record = (what: string) => recorded.writes.push(what);

    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      record(`${this === window.sessionStorage ? 'sessionStorage' : 'localStorage'}.setItem("${key}")`);
      return setItem.call(this, key, value);
    };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      record(`indexedDB.open("${name}")`);
      return version === undefined ? open.call(this, name) : open.call(this, name, version);
    };
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (cookie?.set && cookie.get) {
      const { get, set } = cookie;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get(this: Document) {
          return get.call(this);
        },
        set(this: Document, value: string) {
          record(`document.cookie = "${String(value).split('=')[0]}=…"`);
          set.call(this, value);
        },
      });
    }
    const store = (window as unknown as { cookieStore?: { set: (...a: unknown[]) => unknown } }).cookieStore;
    if (store) {
      const set = store.set.bind(store);
      store.set = (...args: unknown[]) => {
        record('cookieStore.set');
        return set(...args);
      };
    }
    if (window.caches) {
      const cacheOpen = CacheStorage.prototype.open;
      CacheStorage.prototype.open = function (this: CacheStorage, name: string) {
        record(`caches.open("${name}")`);
        return cacheOpen.call(this, name);
      };
    }
    document.addEventListener(
      'securitypolicyviolation',
      (e) => recorded.csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
      true,
    );
  });
}

/** Everything the recorder saw in the context's open pages, plus what is left in storage. */
export async function privacyProblems(context: BrowserContext): Promise<{ storage: string[]; csp: string[]; cookies: string[] }> {
  const storage: string[] = [];
  const csp: string[] = [];
  for (const page of context.pages()) {
    if (page.isClosed()) continue;
    const seen = await page
      .evaluate(async () => {
        const w = window as unknown as { __privacy?: Recorded };
        const left: string[] = [];
        try {
          if (localStorage.length) left.push(`localStorage holds ${localStorage.length} item(s)`);
          if (sessionStorage.length) left.push(`sessionStorage holds ${sessionStorage.length} item(s)`);
          const dbs = indexedDB.databases ? await indexedDB.databases() : [];
          if (dbs.length) left.push(`IndexedDB holds ${dbs.map((d) => d.name).join(', ')}`);
          if (window.caches) {
            const keys = await caches.keys();
            if (keys.length) left.push(`the Cache API holds ${keys.join(', ')}`);
          }
          if (document.cookie) left.push(`document.cookie is "${document.cookie}"`);
        } catch {
          // Opaque origins (about:blank, error pages) have no storage to check.
        }
        return { writes: [...(w.__privacy?.writes ?? []), ...left], csp: w.__privacy?.csp ?? [] };
      })
      .catch(() => ({ writes: [], csp: [] }));
    storage.push(...seen.writes.map((s) => `${page.url()}: ${s}`));
    csp.push(...seen.csp.map((s) => `${page.url()}: ${s}`));
  }
  const cookies = (await context.cookies()).map((c) => `${c.domain} ${c.name}`);
  return { storage, csp, cookies };
}

/**
 * The fixture: watches every request, console message and page of the test's context, and
 * fails the test afterwards if the page went elsewhere, stored anything or broke its policy.
 */
export const test = base.extend<{ privacyGuard: void }>({
  privacyGuard: [
    async ({ context }, use, testInfo) => {
      const origins = allowedOrigins(testInfo);
      const foreign: string[] = [];
      const cspConsole: string[] = [];
      await watchPrivacy(context);
      context.on('request', (request) => {
        if (!isOwn(request.url(), origins)) foreign.push(request.url());
      });
      context.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) cspConsole.push(message.text());
      });
      const watchSockets = (page: Page) =>
        page.on('websocket', (ws) => {
          if (!isOwn(ws.url().replace(/^ws/, 'http'), origins)) foreign.push(ws.url());
        });
      context.pages().forEach(watchSockets);
      context.on('page', watchSockets);

      await use();

      const { storage, csp, cookies } = await privacyProblems(context);
      expect(
        { foreign, cookies, storage, csp: [...csp, ...cspConsole] },
        'the page must load nothing from other origins, set no cookie, store nothing and break no CSP rule',
      ).toEqual({ foreign: [], cookies: [], storage: [], csp: [] });
    },
    { auto: true },
  ],
});
