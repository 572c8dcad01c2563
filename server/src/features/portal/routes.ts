import type { Request, Response } from 'express';
import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';
import { route, type AnyRoute } from '../../http/route.js';
import {
  builtPortal,
  locateBuiltPortal,
  type BuiltPortal,
  type PortalFile,
} from './built-portal.js';
import { notBuiltPage } from './not-built-page.js';
import { firstFetchOf, preloadedPage } from './preload.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import {
  AssetParams,
  PageParams,
  PublicEvent,
  PublicEventParams,
  PublicEventQuery,
} from './schema.js';
import { cachedPublicEvents } from './public-cache.js';
import { getPublicEvent } from './service.js';
import type { ChangeSignal } from '../../platform/bus/change-signal.js';

const tags = ['portal'];

/** Client-side paths of the single-page portal; each answers the same index.html. */
const PAGES = [
  {
    path: '/e/{id}',
    operationId: 'portalEventPage',
    summary: 'The public event page and its registration form',
  },
  {
    path: '/t/{id}',
    operationId: 'portalTicketPage',
    summary: 'A ticket with its QR code (`?key=` the access key)',
  },
  {
    path: '/t/{id}/agenda',
    operationId: 'portalAgendaPage',
    summary:
      'The released programme for a ticket holder: by day, filters, favourites, signups, live changes (`?key=` the access key; `&session=` one session)',
  },
  {
    path: '/o/{id}',
    operationId: 'portalOrderPage',
    summary: 'An order’s tickets (`?key=` the access key)',
  },
  {
    path: '/w/{id}',
    operationId: 'portalWaitlistPage',
    summary: 'A waitlist place and its offer (`?key=` the access key)',
  },
  {
    path: '/orders/{id}',
    operationId: 'portalCheckoutReturnPage',
    summary: 'Where Stripe Checkout returns the buyer (`?checkout=`)',
  },
];

// The portal loads only its own files and talks only to this server; images may be blob: URLs
// (QR codes fetched with the access key in a header, not in an <img> URL).
export const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Cache-Control': 'no-cache',
  'X-Frame-Options': 'DENY',
};

export function portalRoutes(
  db: Db,
  limits: RateGate,
  changes: ChangeSignal | undefined,
  portal: BuiltPortal = builtPortal(locateBuiltPortal()),
): AnyRoute[] {
  const publicEvents = cachedPublicEvents(db, changes);
  const preloaded = new ExpiringCache<PortalFile>(10 * 60_000, 10_000);
  const servePage = async ({ req, res }: { req: Request; res: Response }) => {
    const page = await portal.page();
    if (!page) {
      res.status(503).set('Retry-After', '60').type('html').send(notBuiltPage());
      return undefined;
    }
    res.set(PAGE_HEADERS);
    const first = firstFetchOf(req.path.split('/')[1] ?? '', String(req.params.id ?? ''));
    send(
      req,
      res,
      first ? await preloaded.get(first, async () => preloadedPage(page, first)) : page,
    );
    return undefined;
  };
  return [
    route({
      method: 'get',
      path: '/api/v1/public/events/{eventId}',
      operationId: 'getPublicEvent',
      summary:
        'An event as anyone may see it: ticket types with price, seats left and sale state; the questions registration asks',
      tags,
      auth: 'public',
      params: PublicEventParams,
      query: PublicEventQuery,
      responses: {
        200: { description: 'The event', schema: PublicEvent },
        404: { description: '`event_not_found`: no such event, or archived' },
        429: { description: '`rate_limited`: too many codes tried from this address' },
      },
      handler: async ({ params, query, req, res }) => {
        if (query.code === undefined) {
          // Without a code every visitor sees the same page: served from the short-lived cache,
          // as serialized there. Seats left change with every sale; a few seconds of sharing
          // spares the database a rush.
          const copy = await publicEvents(params.eventId);
          res.setHeader('Cache-Control', 'public, max-age=5');
          res.setHeader('ETag', copy.etag);
          if (req.headers['if-none-match'] === copy.etag) res.status(304).end();
          else res.status(200).type('application/json; charset=utf-8').end(copy.json);
          return undefined;
        }
        // A code reveals hidden ticket types: guessing them is what this limit slows.
        await limits.take(res, ['promo-code-ip', clientIp(req)]);
        return {
          status: 200,
          body: await getPublicEvent(db, params.eventId, { code: query.code }),
          headers: { 'Cache-Control': 'private, no-store' },
        };
      },
    }),
    route({
      method: 'get',
      path: '/',
      operationId: 'portalHome',
      summary: 'The attendee portal’s start page (HTML)',
      tags,
      auth: 'public',
      responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
      handler: servePage,
    }),
    ...PAGES.map((p) =>
      route({
        method: 'get',
        path: p.path,
        operationId: p.operationId,
        summary: `${p.summary} (HTML)`,
        tags,
        auth: 'public',
        params: PageParams,
        responses: {
          200: { description: 'HTML page', contentType: 'text/html' },
          503: { description: 'The portal was not built (`npm run build`)' },
        },
        handler: servePage,
      }),
    ),
    route({
      method: 'get',
      path: '/assets/{file}',
      operationId: 'portalAsset',
      summary: 'A hashed portal file (script, style); cached for a year',
      tags,
      auth: 'public',
      params: AssetParams,
      responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
      handler: async ({ params, req, res }) => {
        const file = await portal.asset(params.file);
        if (!file) throw notFound('asset', params.file);
        // The name carries the content hash: a new build has new names.
        res.set('Cache-Control', 'public, max-age=31536000, immutable');
        send(req, res, file);
        return undefined;
      },
    }),
  ];
}

/** A built file, gzipped when the client accepts it. */
export function send(req: Request, res: Response, file: PortalFile): void {
  res.set('Content-Type', file.type);
  res.set('Vary', 'Accept-Encoding');
  if (file.gzip && req.acceptsEncodings('gzip') === 'gzip') {
    res.set('Content-Encoding', 'gzip').status(200).end(file.gzip);
  } else {
    res.status(200).end(file.body);
  }
}
