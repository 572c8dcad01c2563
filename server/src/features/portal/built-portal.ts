import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// The portal as Vite built it into server/dist/web. Files are read once and kept in memory with
// their gzip form: the whole portal is a few hundred kilobytes and never changes while running.

export interface PortalFile {
  body: Buffer;
  gzip: Buffer | undefined;
  type: string;
}

export interface BuiltPortal {
  /** Where the build was found, or undefined when there is none. */
  dir: string | undefined;
  /** index.html; undefined when the portal was not built. */
  page(): Promise<PortalFile | undefined>;
  /** The organizer dashboard's dashboard/index.html, built beside the portal. */
  dashboardPage(): Promise<PortalFile | undefined>;
  /** A hashed file under assets/; undefined when there is no such file. */
  asset(name: string): Promise<PortalFile | undefined>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.map', '.webmanifest']);
// Vite's hashed names only: no slashes, no dot-dot, nothing outside assets/.
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*\.(js|css|svg|png|woff2|map)$/;
// Written by `vite build` (build.manifest); its presence tells a build from the sources.
const MARKER = join('.vite', 'manifest.json');

/**
 * Finds the build next to this module: dist/features/portal → dist/web when running the compiled
 * server, src/features/portal → dist/web when running from the sources (tests, tsx).
 */
export function locateBuiltPortal(moduleUrl = import.meta.url): string | undefined {
  const here = fileURLToPath(new URL('.', moduleUrl));
  const candidates = [join(here, '../../web'), join(here, '../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, MARKER)));
}

/** The portal in `dir`; with no dir, every page is missing (the server answers 503). */
export function builtPortal(dir: string | undefined): BuiltPortal {
  const cache = new Map<string, Promise<PortalFile | undefined>>();
  const load = (path: string) => {
    let file = cache.get(path);
    if (!file) {
      file = readPortalFile(path);
      cache.set(path, file);
      // Only files that exist stay cached, so probing for names cannot grow the map.
      void file.then((found) => found ?? cache.delete(path));
    }
    return file;
  };
  return {
    dir,
    page: async () => (dir ? load(join(dir, 'index.html')) : undefined),
    dashboardPage: async () => (dir ? load(join(dir, 'dashboard', 'index.html')) : undefined),
    asset: async (name) =>
      dir && ASSET_NAME.test(name) ? load(join(dir, 'assets', name)) : undefined,
  };
}

/** A file of a Vite build, with its gzip form when worth it; undefined when it does not exist. */
export async function readPortalFile(path: string): Promise<PortalFile | undefined> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return undefined;
  }
  const ext = extname(path);
  return {
    body,
    gzip: COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body, { level: 9 }) : undefined,
    type: TYPES[ext] ?? 'application/octet-stream',
  };
}
