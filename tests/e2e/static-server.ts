/**
 * A plain static file server over the built dist/, for the hosting and update tests: it serves the folder
 * under any path prefix (as GitHub Pages serves a project site under /<repo>/), on a free port chosen by
 * the OS so it never meets the preview server on 4173. It knows nothing of the app — like any static host
 * it maps URL paths to files and sets a Content-Type — and it records every path asked for, so a test can
 * prove the app never reached outside its sub-path. `transform` rewrites a file's bytes as they are served,
 * which is how a test simulates a new deploy without rebuilding.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticSite {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** The app's URL: origin + prefix, ending in '/'. */
  url: string;
  /** Every request path the server received, in order. */
  requested: string[];
  /** Rewrites a served file (path relative to dist/, e.g. 'sw.js'); null serves files as they are. */
  transform: ((file: string, body: Buffer) => Buffer | string) | null;
  close(): Promise<void>;
}

export async function serveDist(prefix = '/', root = 'dist'): Promise<StaticSite> {
  const base = resolve(root);
  const mount = prefix.endsWith('/') ? prefix : `${prefix}/`;
  const site: StaticSite = {
    origin: '',
    url: '',
    requested: [],
    transform: null,
    close: async () => undefined,
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    site.requested.push(path);
    if (!path.startsWith(mount)) {
      response.writeHead(404).end();
      return;
    }
    let file = normalize(path.slice(mount.length));
    if (file === '.' || file.endsWith(sep)) file = join(file, 'index.html');
    const full = join(base, file);
    if (!full.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(full).then(
      (body) => {
        const served = site.transform ? site.transform(file, body) : body;
        response.writeHead(200, {
          'Content-Type': TYPES[extname(full)] ?? 'application/octet-stream',
          // What the README asks of a host for sw.js; applied to all files here for simplicity.
          'Cache-Control': 'no-cache',
        });
        response.end(served);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  site.origin = `http://127.0.0.1:${port}`;
  site.url = `${site.origin}${mount}`;
  site.close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return site;
}
