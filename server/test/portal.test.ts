import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { mountRoutes } from '../src/http/route.js';
import { problemHandler } from '../src/http/problem.js';
import { builtPortal } from '../src/features/portal/built-portal.js';
import { portalRoutes } from '../src/features/portal/routes.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  addQuestion,
  createPortalEvent,
  json,
  requireBuiltPortal,
  sellOut,
} from './portal-fixtures.js';

interface PublicEventBody {
  id: string;
  name: string;
  timezone: string;
  ticketTypes: {
    id: string;
    name: string;
    priceCents: number;
    available: number;
    saleState: string;
    waitlist: boolean;
  }[];
  questions: { id: string; label: string; ticketTypeIds: string[] | null }[];
  [k: string]: unknown;
}

describe.each(['pglite', 'postgres'] as const)('public event API [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('shows an event to anyone with its ticket types, prices, seats left and sale states', async () => {
    const hour = 3_600_000;
    const { eventId, types } = await createPortalEvent(
      t,
      { venue: 'Hall 4', description: 'Two days of talks' },
      {
        Regular: { priceCents: 9900, quantity: 50 },
        Student: { priceCents: 0, quantity: 1 },
        Later: { salesStart: new Date(Date.now() + 24 * hour).toISOString() },
        Gone: {
          salesStart: new Date(Date.now() - 2 * hour).toISOString(),
          salesEnd: new Date(Date.now() - hour).toISOString(),
        },
      },
    );
    await sellOut(t, eventId, types.Student!, 1);

    const res = await t.api(`/api/v1/public/events/${eventId}`, { token: null });
    const event = await json<PublicEventBody>(res, 200);
    expect(event).toMatchObject({
      id: eventId,
      name: 'DevConf 2027',
      venue: 'Hall 4',
      description: 'Two days of talks',
      timezone: 'Europe/Berlin',
    });
    // Nothing an attendee should not see.
    expect(event).not.toHaveProperty('organizationId');
    expect(event).not.toHaveProperty('paymentProvider');
    const byName = Object.fromEntries(event.ticketTypes.map((tt) => [tt.name, tt]));
    expect(byName.Regular).toMatchObject({
      priceCents: 9900,
      available: 50,
      saleState: 'on_sale',
      waitlist: false,
    });
    expect(byName.Student).toMatchObject({ available: 0, saleState: 'sold_out', waitlist: true });
    expect(byName.Later).toMatchObject({ saleState: 'not_started', waitlist: false });
    expect(byName.Gone).toMatchObject({ saleState: 'ended', waitlist: false });
  });

  it('lists the questions still asked, in order, with the ticket types they apply to', async () => {
    const { eventId, types } = await createPortalEvent(t, {}, { A: {}, B: {} });
    await addQuestion(t, eventId, {
      label: 'T-shirt',
      kind: 'choice',
      options: ['S', 'M'],
      position: 2,
    });
    await addQuestion(t, eventId, { label: 'Company', kind: 'text', required: true, position: 1 });
    await addQuestion(t, eventId, { label: 'Old', kind: 'text', archived: true });
    await addQuestion(t, eventId, {
      label: 'Only B',
      kind: 'checkbox',
      ticketTypeIds: [types.B!],
      position: 3,
    });
    const event = await json<PublicEventBody>(
      await t.api(`/api/v1/public/events/${eventId}`, { token: null }),
      200,
    );
    expect(event.questions.map((q) => q.label)).toEqual(['Company', 'T-shirt', 'Only B']);
    expect(event.questions[1]).toMatchObject({
      kind: 'choice',
      options: ['S', 'M'],
      required: false,
    });
    expect(event.questions[2]!.ticketTypeIds).toEqual([types.B]);
  });

  it('does not show archived events or archived ticket types', async () => {
    const { eventId, types } = await createPortalEvent(t, {}, { Keep: {}, Drop: {} });
    await json(
      await t.api(`/api/v1/events/${eventId}/ticket-types/${types.Drop}/archive`, {
        method: 'POST',
      }),
      200,
    );
    const event = await json<PublicEventBody>(
      await t.api(`/api/v1/public/events/${eventId}`, { token: null }),
      200,
    );
    expect(event.ticketTypes.map((tt) => tt.name)).toEqual(['Keep']);

    await json(await t.api(`/api/v1/events/${eventId}/archive`, { method: 'POST' }), 200);
    const gone = await t.api(`/api/v1/public/events/${eventId}`, { token: null });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'event_not_found' });
  });

  it('answers a malformed event id field by field', async () => {
    const res = await t.api('/api/v1/public/events/not-a-uuid', { token: null });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'params.eventId', message: 'must be a UUID' }],
    });
  });
});

describe('the built portal as served', () => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = requireBuiltPortal();
    t = await startTestServer('pglite');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers every portal page with index.html, not cached, under a strict content policy', async () => {
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    for (const path of ['/', '/e/some-event', '/t/abc?key=x', '/o/abc', '/w/abc']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toBe(index);
    }
  });

  it('names an event page’s data in its HTML, so the browser fetches it beside the script', async () => {
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    const id = '7a1960ad-1304-41e7-82d5-27b98f9f61ab';
    const html = await (await fetch(`${t.url}/e/${id}`)).text();
    expect(html).toContain(
      `<link rel="preload" href="/api/v1/public/events/${id}" as="fetch" crossorigin="anonymous">`,
    );
    expect(html.replace(/\n\s*<link rel="preload"[^>]*>/, '')).toBe(index);
  });

  it('serves hashed assets for a year, gzipped when the browser takes it', async () => {
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    const res = await fetch(`${t.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe(await readFile(join(dir, script), 'utf8'));
  });

  it('refuses asset names outside the build and leaves the API, issuer and health paths alone', async () => {
    for (const path of ['/assets/nope.js', '/assets/..%2F..%2Fpackage.json', '/assets/.vite']) {
      expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    }
    const api = await fetch(`${t.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/oauth/.well-known/openid-configuration`)).status).toBe(200);
    expect((await fetch(`${t.url}/e/a/b`)).status).toBe(404);
  });
});

describe('a server without the portal build', () => {
  it('answers portal pages with a 503 page that says how to build it, and keeps running', async () => {
    const app = express();
    const router = express.Router();
    const refuse: express.RequestHandler = (_req, res) => void res.status(401).end();
    // Only the public page routes are called; the database is never reached.
    mountRoutes(
      router,
      portalRoutes(undefined as never, undefined as never, undefined, builtPortal(undefined)),
      {
        authenticate: refuse,
        requireScope: () => refuse,
      },
    );
    app.use(router);
    app.use(problemHandler);
    const server = createServer(app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${url}/e/whatever`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('npm run build');
      expect((await fetch(`${url}/assets/index-abc.js`)).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
