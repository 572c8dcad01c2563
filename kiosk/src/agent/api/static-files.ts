import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build -w kiosk` puts the UI: kiosk/dist/ui, from src/ and from dist/ alike. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../../dist/ui/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

// The page may talk to this agent only; no inline script, nothing from elsewhere.
const CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; " +
  "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves the built UI at `/`. Paths without a file extension get index.html (the UI's own
 * routes); hashed assets are cached for good, index.html never. Answers false when the request
 * is not for the UI, or the UI was not built, so the caller can say 404.
 */
export function staticFiles(root: string) {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const cache = new Map<string, Buffer>();

  async function load(file: string): Promise<Buffer | undefined> {
    const hit = cache.get(file);
    if (hit) return hit;
    try {
      if (!(await stat(file)).isFile()) return undefined;
      const body = await readFile(file);
      cache.set(file, body);
      return body;
    } catch {
      return undefined;
    }
  }

  return async (req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (url.pathname.startsWith('/api/')) return false;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    const wanted = extname(path) === '' ? '/index.html' : path;
    const file = normalize(join(base, wanted));
    if (!file.startsWith(base)) return false; // ../ out of the UI folder
    const body = await load(file);
    if (!body) return false;
    const immutable = wanted.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
