// Serves the demo as a partner's site would: demo/ at /, the drop-in script at /dist/.
// Loopback only, no dependencies. PORT changes the port (default 8000).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Maps a request path to a file under demo/ or dist/, refusing anything outside them. */
function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.startsWith('/dist/') ? root : join(root, 'demo');
  const file = join(base, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(join(root, 'demo')) && !file.startsWith(join(root, 'dist'))) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

const server = createServer((request, response) => {
  const file = fileFor(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(response);
});

server.listen(port, host, () => {
  console.log(
    `Samleng demo: http://localhost:${port}/  (Khmer page: http://localhost:${port}/km.html; Ctrl+C stops)`,
  );
});
