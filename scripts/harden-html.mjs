// Makes Trunk's index.html work under a strict Content-Security-Policy, and starts each
// download a link needs in the order that shows something soonest.
//
// Trunk 0.21 writes the app's loader as an inline <script type="module"> into index.html,
// which `script-src 'self'` forbids. This moves that module into its own file beside
// index.html named by a hash of its content (init-<hash>.js), points a
// <script type="module" src integrity> at it with the same kind of path Trunk used for its
// own files (relative for public_url "./", absolute otherwise), and hands the loader's wasm
// fetch the wasm file's integrity. In its place goes one small inline script, BOOTSTRAP below,
// allowed by its hash: it runs while the HTML is read and decides what to fetch first. What
// changes with each build (file names, integrity) it reads from <meta> tags, so its hash, and
// the policy, change only when its code does. The policy goes in a <meta http-equiv> as the
// first thing in <head> after the charset. Then the result is checked: no other inline
// script, and every script and preload carries subresource integrity.
//
//   node scripts/harden-html.mjs <dist folder> <public_url>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Runs as the page is read, before any file has arrived.
//  - window.thtLoadECharts(): one promise per page, resolved when the ECharts script has run,
//    rejected if it cannot be loaded or is not the file that was built (integrity). Pages
//    without a chart never load it.
//  - The manifest, which every view starts from, is fetched with the wasm, into
//    window.thtEarlyData, which the app takes each response from once (src/data.rs); on a
//    built page at its own address, so are the shard its view shows and a map's outlines
//    (named in its <meta name="tht-page">, by the one resolver: crates/outcomes-state/src/resolve.rs), so no
//    rule of which level or file a link shows is written here. (Not a <link rel=preload>: an
//    unused preload would answer the app's "Try again" with the same failed response.)
//  - A built page's charts are drawn from the options the page carries as soon as ECharts
//    has arrived (drawBuiltCharts in js/chart-functions.js), and only then does the wasm start
//    (window.thtAppGate, awaited by the app's loader), so nothing shares a slow line with the
//    first chart. A built page without charts starts it once the page is first painted; a
//    page that is not built, or whose query asks for another view, at once.
//  - The page's classes: "no-js" goes (the page is read with scripts), "built-stale" when a
//    query adds choices the built view does not show, "app-unavailable" if the app cannot be
//    loaded (window.thtAppFailed, called by the loader). style/main.css says what each shows.
export const BOOTSTRAP = `(() => {
  const meta = (name) => document.querySelector('meta[name="' + name + '"]');
  const echartsMeta = meta('tht-echarts');
  window.thtLoadECharts = () => {
    window.thtECharts ??= new Promise((resolve, reject) => {
      if (globalThis.echarts) return resolve();
      const script = document.createElement('script');
      script.src = echartsMeta.content;
      script.integrity = echartsMeta.dataset.integrity;
      script.onload = () => resolve();
      script.onerror = () => { window.thtECharts = undefined; reject(new Error('The chart library could not be loaded.')); };
      document.head.append(script);
    });
    return window.thtECharts;
  };
  const fetchWasm = () => {
    const wasm = meta('tht-wasm');
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.type = 'application/wasm';
    link.crossOrigin = 'anonymous';
    link.integrity = wasm.dataset.integrity;
    link.href = wasm.content;
    document.head.append(link);
  };
  const root = document.documentElement;
  root.classList.remove('no-js');
  const fetchData = (...files) => {
    window.thtEarlyData = { 'data/manifest.json': fetch('data/manifest.json') };
    for (const file of files.filter(Boolean)) window.thtEarlyData['data/' + file] = fetch('data/' + file);
  };
  // A built page (src/built_site.rs) holds its view as HTML. At its own address it is shown as
  // built, its charts are drawn as soon as ECharts is here, and the wasm starts after that;
  // the app then takes the page over (js/handover.js). With a query that adds choices, the
  // built view is not the one asked for: the page shows its frame and a loading line until
  // the app shows the view the link asks for.
  const page = meta('tht-page');
  if (page) {
    const asBuilt = location.search.length <= 1;
    if (!asBuilt) root.classList.add('built-stale');
    // The app could not be loaded: the page says so, above all it holds (style/main.css).
    window.thtAppFailed = () => root.classList.add('app-unavailable');
    const shard = asBuilt ? page.dataset.shard : undefined;
    fetchData(shard, asBuilt ? page.dataset.outlines : undefined);
    if (!asBuilt) {
      fetchWasm();
      window.thtAppGate = Promise.resolve();
      return;
    }
    const parsed = new Promise((resolve) => {
      if (document.readyState !== 'loading') resolve();
      else addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    });
    if (page.dataset.charts === undefined) {
      // Nothing to draw first: the wasm waits for the page's first paint, so that the page's
      // own text and styles have the line to themselves until it is on screen.
      const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      window.thtAppGate = parsed.then(painted).then(() => fetchWasm());
      return;
    }
    const functions = import(meta('tht-chart-functions').content);
    window.thtAppGate = Promise.all([window.thtLoadECharts(), functions, parsed])
      .then(([, chartFunctions]) => chartFunctions.drawBuiltCharts())
      .catch(() => {})
      .then(() => fetchWasm());
    return;
  }
  // A page that is not built (harden-html without the page builder) starts everything at once.
  fetchData();
  fetchWasm();
  window.thtAppGate = Promise.resolve();
})();`;

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// The policy. Keep in step with "Security and hosting headers" in README.md.
//  - script-src: only this site's files and the bootstrap above (by its hash);
//    'wasm-unsafe-eval' lets WebAssembly compile and allows nothing else (no eval, no other
//    inline script).
//  - style-src: only the stylesheet. Charts draw their tooltips on the canvas
//    (renderMode "richText") rather than as HTML with style attributes, and the app sets
//    sizes through the CSS object model, which the policy allows.
export const POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${sha256(BOOTSTRAP)}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function fail(message) {
  console.error(`harden-html: ${message}`);
  process.exit(1);
}

const [dist, publicUrlArg = './'] = process.argv.slice(2);
if (!dist) fail('usage: node scripts/harden-html.mjs <dist folder> <public_url>');
const publicUrl = publicUrlArg.endsWith('/') ? publicUrlArg : `${publicUrlArg}/`;
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// Every <script> element without a src attribute.
const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.log(`harden-html: ${indexPath} is already done`);
  process.exit(0);
}
const inline = [...html.matchAll(scriptTag)].filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs));
if (inline.length === 0) fail(`no inline loader script found in ${indexPath}; has Trunk changed how it writes it?`);
if (inline.length > 1) fail(`${inline.length} inline scripts in ${indexPath}; expected only Trunk's loader`);

const [whole, attrs, body] = inline[0];
if (!/\btype\s*=\s*["']?module\b/i.test(attrs)) fail(`the inline script is not a module: <script${attrs}>`);

const localPath = (ref) => (ref.startsWith(publicUrl) ? ref.slice(publicUrl.length) : ref.replace(/^\.\//, ''));
let code = `${body.trim()}\n`;
// The loader fetches the wasm by a plain path, so nothing checks what arrives. Hand
// wasm-bindgen's init a Request carrying the file's integrity instead: the browser then
// refuses a wasm file that is not the one built here. It waits for the bootstrap's word
// before it starts.
const wasmInit = /const wasm = await init\(\{\s*module_or_path:\s*'([^']+\.wasm)'/;
const wasmRef = code.match(wasmInit);
if (!wasmRef) fail('the loader does not name its .wasm file the way Trunk 0.21 does');
const wasmIntegrity = sri(readFileSync(join(dist, localPath(wasmRef[1]))));
code = code.replace(
  wasmInit,
  `await window.thtAppGate;\nconst wasm = await init({ module_or_path: new Request('${wasmRef[1]}', { integrity: '${wasmIntegrity}' })`,
);
// A wasm that cannot be loaded (the network, or integrity) is said on the page (thtAppFailed).
const initCall = /const wasm = await init\((\{[^\n]*\})\);/;
if (!initCall.test(code)) fail('the loader does not call init the way Trunk 0.21 does');
code = code.replace(initCall, (_, options) => `const wasm = await init(${options}).catch((error) => {\n  window.thtAppFailed?.();\n  throw error;\n});`);
// Trunk preloads the wasm from the page; the bootstrap decides when instead (after a built
// page's first chart), from a meta tag.
const wasmPreload = /<link\b[^>]*rel="preload"[^>]*href="([^"]+_bg\.wasm)"[^>]*>/i;
const preload = html.match(wasmPreload);
if (!preload || preload[1] !== wasmRef[1]) fail('no preload of the wasm the loader fetches; has Trunk changed?');
html = html.replace(preload[0], '');
// ECharts is only needed once a chart is drawn, and the overview draws none: take its script
// out of the page and let the bootstrap or the app load it (with the same integrity) when one is.
const echartsTag = /<script\b[^>]*\bsrc="([^"]*echarts-[0-9a-f]+\.js)"[^>]*><\/script>/i;
const echarts = html.match(echartsTag);
if (!echarts) fail('no ECharts script in index.html; has index.html changed?');
const echartsIntegrity = sri(readFileSync(join(dist, localPath(echarts[1]))));
// The module of chart functions (js/chart-functions.js, which wasm-bindgen places under
// snippets/), which draws a built page's charts too.
const chartFunctions = html.match(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\/chart-functions\.js)"/i);
if (!chartFunctions) fail('no modulepreload of js/chart-functions.js; has the app stopped importing it?');
const name = `init-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dist, name), code);
// The module's imports are relative to its own URL, the wasm path to the page's: both are the
// folder index.html is in, so the moved code resolves everything exactly as before.
html = html.replace(
  echarts[0],
  [
    `<meta name="tht-echarts" content="${echarts[1]}" data-integrity="${echartsIntegrity}" />`,
    `<meta name="tht-wasm" content="${wasmRef[1]}" data-integrity="${wasmIntegrity}" />`,
    `<meta name="tht-chart-functions" content="${chartFunctions[1]}" />`,
    `<script>${BOOTSTRAP}</script>`,
  ].join('\n    '),
);
html = html.replace(whole, `<script type="module" src="${publicUrl}${name}" integrity="${sri(code)}"></script>`);

const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) fail('index.html already has a policy meta tag');
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) fail('no <meta charset="utf-8"> to put the policy after');
// The policy applies only to what follows it, so it goes before every script and stylesheet.
html = html.replace(charset, (m) => `${m}\n    ${meta}`);

// Checks on the result: the bootstrap is the one inline script, and the policy allows it.
const scripts = [...html.matchAll(scriptTag)];
for (const [tagText, tagAttrs, tagBody] of scripts) {
  if (!/\bsrc\s*=/i.test(tagAttrs)) {
    if (tagBody !== BOOTSTRAP || !POLICY.includes(sha256(tagBody))) fail(`an inline script is left: ${tagText.slice(0, 80)}`);
    continue;
  }
  if (!/\bintegrity\s*=\s*"sha384-/i.test(tagAttrs)) fail(`a script has no integrity: ${tagText}`);
}
if (scripts.filter(([, tagAttrs]) => !/\bsrc\s*=/i.test(tagAttrs)).length !== 1) fail('expected the bootstrap inline, once');
for (const [link] of html.matchAll(/<link\b[^>]*rel="(?:modulepreload|preload|stylesheet)"[^>]*>/gi)) {
  // The published data is read, never run, and the app fetches it without integrity (a
  // preload with integrity would not match that fetch); everything else must carry it.
  if (/\bhref="(?:\.\/)?data\//.test(link)) continue;
  if (!/\bintegrity="sha384-/.test(link)) fail(`no integrity on ${link}`);
}
if (/\son[a-z]+\s*=/i.test(html.replace(/<noscript>[\s\S]*?<\/noscript>/i, ''))) {
  fail('an inline event handler attribute is in index.html');
}
// Every integrity value must match the file it names.
for (const [, ref, hash] of html.matchAll(/(?:src|href|content)="([^"]+)"[^>]*?integrity="(sha384-[^"]+)"/g)) {
  const actual = sri(readFileSync(join(dist, localPath(ref))));
  if (actual !== hash) fail(`integrity of ${ref} is ${hash}, the file's is ${actual}`);
}

writeFileSync(indexPath, html);
console.log(`harden-html: moved the loader to ${name}, added the bootstrap and the Content-Security-Policy`);
