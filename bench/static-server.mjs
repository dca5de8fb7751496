// A gzip static server for dist/ (bench/pages.sh): directories serve index.html, unknown
// paths 404.html, as a static host does. node bench/static-server.mjs <dist> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const [root, port] = [process.argv[2] || 'dist', Number(process.argv[3] || 8093)];
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.ics': 'text/calendar', '.csv': 'text/csv' };

createServer(async (req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  let status = 200;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
  } catch {
    file = join(root, '404.html');
    status = 404;
  }
  const body = await readFile(file);
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
  res.writeHead(status, { 'Content-Type': types[extname(file)] || 'application/octet-stream', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  res.end(gzip ? gzipSync(body) : body);
}).listen(port, '127.0.0.1');
