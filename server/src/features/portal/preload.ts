import { gzipSync } from 'node:zlib';
import type { PortalFile } from './built-portal.js';

// The event page's data is named in its HTML, so the browser fetches it while it still downloads
// the script, instead of after the script has run: one round trip less before the first render.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API path a portal page loads first, when it can be known from the path alone. */
export function firstFetchOf(page: string, id: string): string | undefined {
  if (page === 'e' && UUID.test(id)) return `/api/v1/public/events/${id.toLowerCase()}`;
  return undefined;
}

/**
 * index.html with a preload of `href` before its scripts. `crossorigin="anonymous"` matches the
 * portal's fetch() (cors mode, same-origin credentials), or the browser would fetch twice.
 */
export function withPreload(html: string, href: string): string {
  const link = `<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous">`;
  return html.replace('<head>', `<head>\n    ${link}`);
}

/** The page with that preload, as a built file (gzipped once): made once per event, not per visit. */
export function preloadedPage(page: PortalFile, href: string): PortalFile {
  const body = Buffer.from(withPreload(page.body.toString('utf8'), href));
  return { body, gzip: gzipSync(body), type: page.type };
}
