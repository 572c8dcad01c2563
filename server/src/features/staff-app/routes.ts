import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { route, type AnyRoute } from '../../http/route.js';
import { notFound } from '../../platform/errors.js';
import { readPortalFile, type PortalFile } from '../portal/built-portal.js';
import { notBuiltPage } from '../portal/not-built-page.js';
import { send } from '../portal/routes.js';

// The staff check-in app for phones (docs/mobile.md): a Progressive Web App built by Vite into
// server/dist/staff (server/src/web/staff). It talks only to this server, with the device
// credential it enrolled for; the camera is its own origin's only.

const tags = ['staff-app'];
const HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; " +
    "style-src 'self'; script-src 'self'; worker-src 'self'; manifest-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Permissions-Policy': 'camera=(self)',
  'X-Frame-Options': 'DENY',
};
// The page, worker and manifest keep their names across builds: always revalidated.
const FIXED_FILE = /^(sw\.js|manifest\.webmanifest|icon-[\w-]+\.png)$/;
const ASSET_FILE = /^[\w-]+(\.[\w-]+)*\.(js|css|svg|png)$/;
const FileParams = z.strictObject({ file: z.string().max(200) });

/** Finds the build next to this module, from the compiled server or from the sources. */
export function locateStaffApp(moduleUrl = import.meta.url): string | undefined {
  const here = fileURLToPath(new URL('.', moduleUrl));
  const candidates = [join(here, '../../staff'), join(here, '../../../dist/staff')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

export function staffAppRoutes(dir: string | undefined = locateStaffApp()): AnyRoute[] {
  const cache = new Map<string, Promise<PortalFile | undefined>>();
  const load = (name: string) => {
    if (!dir) return Promise.resolve(undefined);
    let file = cache.get(name);
    if (!file) {
      file = readPortalFile(join(dir, name));
      cache.set(name, file);
      // Only files that exist stay cached, so probing for names cannot grow the map.
      void file.then((found) => found ?? cache.delete(name));
    }
    return file;
  };
  const serve = async (req: Request, res: Response, name: string, cacheControl: string) => {
    const file = await load(name);
    if (!file) {
      if (name !== 'index.html') throw notFound('file', name);
      res.status(503).set('Retry-After', '60').type('html').send(notBuiltPage());
      return undefined;
    }
    res.set(HEADERS).set('Cache-Control', cacheControl);
    send(req, res, file);
    return undefined;
  };
  return [
    route({
      method: 'get',
      path: '/staff/',
      operationId: 'staffApp',
      summary: 'The staff check-in app for phones (HTML; enrollment link: `#enroll=CODE`)',
      tags,
      auth: 'public',
      responses: {
        200: { description: 'HTML page', contentType: 'text/html' },
        503: { description: 'The app was not built (`npm run build`)' },
      },
      handler: ({ req, res }) => serve(req, res, 'index.html', 'no-cache'),
    }),
    route({
      method: 'get',
      path: '/staff/{file}',
      operationId: 'staffAppFile',
      summary: "The staff app's service worker, manifest and icons",
      tags,
      auth: 'public',
      params: FileParams,
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
      handler: ({ params, req, res }) => {
        if (!FIXED_FILE.test(params.file)) throw notFound('file', params.file);
        return serve(req, res, params.file, 'no-cache');
      },
    }),
    route({
      method: 'get',
      path: '/staff/assets/{file}',
      operationId: 'staffAppAsset',
      summary: 'A hashed file of the staff app (script, style); cached for a year',
      tags,
      auth: 'public',
      params: FileParams,
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
      handler: ({ params, req, res }) => {
        if (!ASSET_FILE.test(params.file)) throw notFound('file', params.file);
        return serve(req, res, `assets/${params.file}`, 'public, max-age=31536000, immutable');
      },
    }),
  ];
}
