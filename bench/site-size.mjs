// What the release build wrote, as the benchmark reports it: how many pages and how big the
// folder is, raw and as the benchmark's server sends it. Also the one list of what that server
// (bench/serve.mjs) compresses, so the estimate and the server cannot disagree.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

// What hosts compress: text and wasm (GitHub Pages, Netlify, Cloudflare, nginx with
// gzip_types for application/wasm). Images and fonts are compressed already.
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv', '.txt']);

/** gzip at the level the server uses. */
export const gzip = (body) => gzipSync(body, { level: constants.Z_BEST_COMPRESSION });

function* filesUnder(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The built folder in three parts (its pages, its `data/`, everything else) and in all: files,
 * raw bytes and served bytes (each compressible file gzipped as the server sends it, every
 * other file as it is). `pages` counts the `*.html` files.
 */
export function siteSize(folder) {
  const part = () => ({ files: 0, raw: 0, served: 0 });
  const parts = { pages: part(), data: part(), rest: part() };
  for (const file of filesUnder(folder)) {
    const body = readFileSync(file);
    const ext = extname(file);
    const served = COMPRESSIBLE.has(ext) ? gzip(body).length : body.length;
    const top = relative(folder, file).split(sep)[0];
    const p = ext === '.html' ? parts.pages : top === 'data' ? parts.data : parts.rest;
    p.files += 1;
    p.raw += body.length;
    p.served += served;
  }
  const total = Object.values(parts).reduce((t, p) => ({ files: t.files + p.files, raw: t.raw + p.raw, served: t.served + p.served }), part());
  return { ...parts, total };
}
