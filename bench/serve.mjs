// The benchmark's static server: tests/e2e/serve.mjs (a plain static host, no rewrite rules,
// loopback only) plus what real static hosts do for text: gzip with Content-Encoding when the
// browser accepts it. Files are compressed once at gzip -9 and kept in memory, so the
// server's own work never shows in the timings. Several folders can be served, each under
// its own prefix.
//
//   node bench/serve.mjs <port> <prefix>=<folder> [<prefix>=<folder> ...]
//   node bench/serve.mjs 4180 /site/=dist-bench /baseline/=target/bench/baseline
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

import { CONTENT_TYPES as types } from '../tests/e2e/mime.mjs';
import { COMPRESSIBLE as compressible, gzip } from './site-size.mjs';

const [port = '4180', ...mounts] = process.argv.slice(2);
if (mounts.length === 0) {
  console.error('usage: node bench/serve.mjs <port> <prefix>=<folder> [...]');
  process.exit(2);
}
const routes = mounts.map((m) => {
  const at = m.indexOf('=');
  const prefix = m.slice(0, at);
  return { prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, base: resolve(m.slice(at + 1)) };
});

const gzipped = new Map(); // file -> { mtimeMs, body }

async function gzipOf(file, mtimeMs, body) {
  const hit = gzipped.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const compressed = gzip(body);
  gzipped.set(file, { mtimeMs, body: compressed });
  return compressed;
}

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  const route = routes.find((r) => path.startsWith(r.prefix));
  if (!route) {
    response.writeHead(404).end('Not found');
    return;
  }
  let file = normalize(join(route.base, path.slice(route.prefix.length)));
  if (!file.startsWith(route.base)) {
    response.writeHead(403).end('Forbidden');
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    const body = await readFile(file);
    const ext = extname(file);
    const headers = { 'content-type': types[ext] ?? 'application/octet-stream' };
    const acceptsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    let sent = body;
    if (compressible.has(ext)) {
      headers.vary = 'Accept-Encoding';
      if (acceptsGzip) {
        sent = await gzipOf(file, info.mtimeMs, body);
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = String(sent.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : sent);
  } catch {
    response.writeHead(404).end('Not found');
  }
}).listen(Number(port), '127.0.0.1', () => {
  for (const r of routes) console.log(`Serving ${r.base} at http://127.0.0.1:${port}${r.prefix} (gzip -9)`);
});
