// A plain static file server, as any static host is: it serves a built site folder under a
// path prefix (default /outcomes/) with no rewrite rules, so the tests prove the site works
// under a sub-path. Loopback only. Usage: node serve.mjs <folder> <port> [prefix]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES as types } from './mime.mjs';

const [root = 'dist', port = '4173', prefix = '/outcomes/'] = process.argv.slice(2);
const base = resolve(root);

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  if (!path.startsWith(prefix)) {
    response.writeHead(404).end('Not found');
    return;
  }
  let file = normalize(join(base, path.slice(prefix.length)));
  if (!file.startsWith(base)) {
    response.writeHead(403).end('Forbidden');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end('Not found');
  }
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${base} at http://127.0.0.1:${port}${prefix}`);
});
