// Makes Trunk's index.html work under a Content-Security-Policy with no inline script.
//
// Trunk 0.21 writes the app's loader as an inline <script type="module"> into index.html,
// which `script-src 'self'` forbids. This moves that module, unchanged, into its own file
// beside index.html named by a hash of its content (init-<hash>.js), points a
// <script type="module" src integrity> at it with the same kind of path Trunk used for its
// own files (relative for public_url "./", absolute otherwise), and adds the policy as a
// <meta http-equiv> as the first thing in <head> after the charset. The loader's wasm fetch gets
// the wasm file's integrity too. It then checks the result:
// no inline script is left and every script and preload carries subresource integrity.
//
//   node scripts/harden-html.mjs <dist folder> <public_url>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The policy. Keep in step with "Security and hosting headers" in README.md.
//  - script-src: only this site's files; 'wasm-unsafe-eval' lets WebAssembly compile and
//    allows nothing else (no eval, no inline script).
//  - style-src: only the stylesheet. Charts draw their tooltips on the canvas
//    (renderMode "richText") rather than as HTML with style attributes, and the app sets
//    sizes through the CSS object model, which the policy allows.
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// Defines window.thtLoadECharts(): one promise per page, resolved when the ECharts script has
// run, rejected if it cannot be loaded or is not the file that was built (integrity).
const ECHARTS_LOADER = `const echartsMeta = document.querySelector('meta[name="tht-echarts"]');
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
const firstParams = new URLSearchParams(location.search);
const firstView = firstParams.get('view');
if (firstView === 'indicator' || firstView === 'map') window.thtLoadECharts().catch(() => {});
// An indicator link's shard, fetched alongside the wasm instead of after it. The shard of the
// level the view will show is named in the manifest, which this fetches too (the preload's
// response): the level the link asks for where the indicator has figures at it, otherwise
// its first (as shown_level in src/pages/indicator.rs). An id the link codec would refuse
// is not looked up. The app takes each response once (src/data.rs); a retry fetches anew.
const firstIndicator = firstParams.get('indicator') ?? '';
if (firstView === 'indicator' && /^[A-Za-z0-9._-]{1,64}$/.test(firstIndicator)) {
  const manifest = fetch('data/manifest.json');
  window.thtEarlyData = { 'data/manifest.json': manifest };
  manifest
    .then((response) => (response.ok ? response.clone().json() : null))
    .then((published) => {
      const meta = published?.indicators?.find((i) => i.id === firstIndicator);
      if (!meta || !meta.levels?.length) return;
      const asked = firstParams.get('level') ?? 'locality';
      const level = meta.levels.includes(asked) ? asked : meta.levels[0];
      const path = 'data/' + meta.shard + '/' + level + '.json';
      window.thtEarlyData[path] = fetch(path);
    })
    .catch(() => {});
}`;

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
const inline = [...html.matchAll(scriptTag)].filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs));

if (inline.length === 0) {
  if (html.includes('http-equiv="Content-Security-Policy"')) {
    console.log(`harden-html: ${indexPath} is already done`);
    process.exit(0);
  }
  fail(`no inline loader script found in ${indexPath}; has Trunk changed how it writes it?`);
}
if (inline.length > 1) fail(`${inline.length} inline scripts in ${indexPath}; expected only Trunk's loader`);

const [whole, attrs, body] = inline[0];
if (!/\btype\s*=\s*["']?module\b/i.test(attrs)) fail(`the inline script is not a module: <script${attrs}>`);

let code = `${body.trim()}\n`;
// The loader fetches the wasm by a plain path, so nothing checks what arrives. Hand
// wasm-bindgen's init a Request carrying the file's integrity instead: the browser then
// refuses a wasm file that is not the one built here.
const wasmPath = /module_or_path:\s*'([^']+\.wasm)'/;
const wasmRef = code.match(wasmPath);
if (!wasmRef) fail('the loader does not name its .wasm file the way Trunk 0.21 does');
const localPath = (ref) => (ref.startsWith(publicUrl) ? ref.slice(publicUrl.length) : ref.replace(/^\.\//, ''));
const wasmIntegrity = sri(readFileSync(join(dist, localPath(wasmRef[1]))));
code = code.replace(
  wasmPath,
  `module_or_path: new Request('${wasmRef[1]}', { integrity: '${wasmIntegrity}' })`,
);
// ECharts is only needed once a chart is drawn, and the overview draws none: take its script
// out of the page and let the app load it (with the same integrity) when a chart needs it.
// Views that draw a chart at once start loading it here, alongside the wasm.
const echartsTag = /<script\b[^>]*\bsrc="([^"]*echarts-[0-9a-f]+\.js)"[^>]*><\/script>/i;
const echarts = html.match(echartsTag);
if (!echarts) fail('no ECharts script in index.html; has index.html changed?');
const echartsIntegrity = sri(readFileSync(join(dist, localPath(echarts[1]))));
html = html.replace(
  echarts[0],
  `<meta name="tht-echarts" content="${echarts[1]}" data-integrity="${echartsIntegrity}" />`,
);
code = `${ECHARTS_LOADER}
${code}`;
const name = `init-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dist, name), code);
// The module's imports are relative to its own URL, the wasm path to the page's: both are the
// folder index.html is in, so the moved code resolves everything exactly as before.
const tag = `<script type="module" src="${publicUrl}${name}" integrity="${sri(code)}"></script>`;
html = html.replace(whole, tag);

const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`;
if (html.includes('http-equiv="Content-Security-Policy"')) fail('index.html already has a policy meta tag');
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) fail('no <meta charset="utf-8"> to put the policy after');
// The policy applies only to what follows it, so it goes before every script and stylesheet.
html = html.replace(charset, (m) => `${m}\n    ${meta}`);

// Checks on the result.
const scripts = [...html.matchAll(scriptTag)];
for (const [tagText, tagAttrs] of scripts) {
  if (!/\bsrc\s*=/i.test(tagAttrs)) fail(`an inline script is left: ${tagText.slice(0, 80)}`);
  if (!/\bintegrity\s*=\s*"sha384-/i.test(tagAttrs)) fail(`a script has no integrity: ${tagText}`);
}
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
for (const [, ref, hash] of html.matchAll(/(?:src|href)="([^"]+)"[^>]*?integrity="(sha384-[^"]+)"/g)) {
  const actual = sri(readFileSync(join(dist, localPath(ref))));
  if (actual !== hash) fail(`integrity of ${ref} is ${hash}, the file's is ${actual}`);
}

writeFileSync(indexPath, html);
console.log(`harden-html: moved the loader to ${name}, added the Content-Security-Policy`);
