// A plain static file server, like a municipality's web host: dist/ served under a sub-path,
// no fallback to index.html for unknown paths, no rewrites. Used by the end-to-end tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.DIST ?? '../../dist');
// Another data folder in place of dist/data, as a publisher would copy theirs next to the app.
const data = process.env.DATA ? resolve(process.env.DATA) : null;
const base = process.env.BASE_PATH ?? '/transparency/';
const port = Number(process.env.PORT ?? 8089);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.jsonl': 'application/x-ndjson',
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(base)) { res.writeHead(404).end('not found'); return; }
  let rel = decodeURIComponent(url.pathname.slice(base.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const [dir, rest] = data && rel.startsWith('data/') ? [data, rel.slice('data/'.length)] : [root, rel];
  const file = normalize(join(dir, rest));
  if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
