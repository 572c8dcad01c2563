import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import {
  createSale,
  json,
  problemOf,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  claim,
  entryOf,
  join,
  later,
  soldOutLine,
} from '../src/features/waitlist/test-support/waitlist-fixtures.js';
import { BRANDING, bandsPng } from './branding-fixtures.js';
import { startTestServer, type TestServer } from './harness.js';

// Branding and consent on PostgreSQL: the event's colour, contact and documents; its logo and
// banner (checked, stored, served with caching headers); the consent registration asks for and
// the order keeps, at registration and when a waitlist offer is claimed.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('postgres');
}, 60_000);
afterAll(async () => t?.stop());

const publicEvent = async (eventId: string) =>
  json<{
    descriptionHtml: string | null;
    branding: Record<string, string | null>;
  }>(
    await t.api(`/api/v1/public/events/${eventId}`, {
      token: null,
      headers: { 'cache-control': 'no-cache' },
    }),
    200,
  );

it('keeps the branding, shows it on the public event with a readable text colour, and refuses bad input whole', async () => {
  const { eventId } = await createSale(t);
  const patch = (body: unknown) => t.api(`/api/v1/events/${eventId}`, { method: 'PATCH', body });
  for (const bad of [
    { accentColor: 'green' },
    { accentColor: '#12345' },
    { termsUrl: 'javascript:alert(1)' },
    { contactEmail: 'nope' },
    { imprint: 'x'.repeat(2001) },
    { unknown: 1 },
  ])
    expect((await patch({ branding: { ...BRANDING, ...bad } })).status).toBe(400);
  const untouched = await json<{ branding: Record<string, unknown> }>(
    await t.api(`/api/v1/events/${eventId}`),
    200,
  );
  expect(untouched.branding).toEqual(
    expect.objectContaining({ accentColor: null, termsUrl: null }),
  );

  const changed = await json<{ branding: Record<string, unknown> }>(
    await patch({
      branding: BRANDING,
      description:
        '**Two days** of talks.\n\n<script>alert(1)</script>\n\n[Venue](https://example.org)',
    }),
    200,
  );
  expect(changed.branding).toEqual(BRANDING);
  const shown = await publicEvent(eventId);
  expect(shown.branding).toEqual({
    ...BRANDING,
    accentTextColor: '#ffffff',
    logoUrl: null,
    bannerUrl: null,
  });
  expect(shown.descriptionHtml).toContain('<strong>Two days</strong>');
  expect(shown.descriptionHtml).toContain('&lt;script&gt;');
  expect(shown.descriptionHtml).not.toContain('<script');

  // Written whole: what is left out is cleared.
  const cleared = await json<{ branding: Record<string, unknown> }>(
    await patch({ branding: { accentColor: '#FFD400' } }),
    200,
  );
  expect(cleared.branding).toEqual(
    expect.objectContaining({ accentColor: '#ffd400', termsUrl: null }),
  );
  expect((await publicEvent(eventId)).branding.accentTextColor).toBe('#000000');
}, 30_000);

it('takes a PNG logo, refuses what is not the image it claims, and serves it cached by version', async () => {
  const { eventId } = await createSale(t);
  const put = (contentType: string, data: Buffer | string) =>
    t.api(`/api/v1/events/${eventId}/images/logo`, {
      method: 'PUT',
      body: { contentType, data: typeof data === 'string' ? data : data.toString('base64') },
    });
  const png = bandsPng(64, 32, ['#0b6e4f', '#ffffff']);
  expect((await put('image/jpeg', png)).status).toBe(400);
  expect(
    (await put('image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).status,
  ).toBe(400);
  expect((await put('image/gif', png)).status).toBe(400);
  expect((await put('image/png', Buffer.alloc(600 * 1024, 1))).status).toBe(400);
  expect((await put('image/png', 'not base64!')).status).toBe(400);
  expect(await json(await t.api(`/api/v1/events/${eventId}/images`), 200)).toEqual({
    logo: null,
    banner: null,
  });

  const stored = await json<{ url: string; sha256: string; bytes: number }>(
    await put('image/png', png),
    200,
  );
  expect(stored.bytes).toBe(png.length);
  expect((await publicEvent(eventId)).branding.logoUrl).toBe(stored.url);

  const served = await fetch(`${t.url}${stored.url}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/png');
  expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  const etag = served.headers.get('etag')!;
  const again = await fetch(`${t.url}${stored.url}`, { headers: { 'if-none-match': etag } });
  expect(again.status).toBe(304);
  // Without its version the URL is revalidated: a new upload shows within a minute.
  const bare = await fetch(`${t.url}/api/v1/public/events/${eventId}/images/logo`);
  expect(bare.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');

  expect((await t.api(`/api/v1/events/${eventId}/images/logo`, { method: 'DELETE' })).status).toBe(
    204,
  );
  expect((await fetch(`${t.url}${stored.url}`)).status).toBe(404);
}, 30_000);

it('asks for consent when the event links its terms or privacy notice, and records it on the order', async () => {
  const sale = await createSale(t);
  await json(
    await t.api(`/api/v1/events/${sale.eventId}`, {
      method: 'PATCH',
      body: { branding: BRANDING },
    }),
    200,
  );
  const register = (extra: Record<string, unknown>) =>
    t.api(`/api/v1/events/${sale.eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: sale.ticketTypeId,
        quantity: 1,
        attendee: { name: 'Cora Consent', email: 'cora@example.org' },
        ...extra,
      },
    });
  for (const extra of [{}, { consent: false }]) {
    const refused = await register(extra);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: 'consent_required',
      errors: [expect.objectContaining({ field: 'consent' })],
    });
  }
  const orders = async () =>
    (
      await json<{ items: { id: string; consent: unknown }[] }>(
        await t.api(`/api/v1/events/${sale.eventId}/orders`),
        200,
      )
    ).items;
  expect(await orders()).toEqual([]);

  const before = Date.now();
  const { id } = await json<{ id: string }>(await register({ consent: true }), 201);
  const order = await json<{ consent: { documents: unknown[]; at: string } }>(
    await t.api(`/api/v1/orders/${id}`),
    200,
  );
  expect(order.consent.documents).toEqual([
    { document: 'terms', url: BRANDING.termsUrl },
    { document: 'privacy', url: BRANDING.privacyUrl },
  ]);
  expect(Date.parse(order.consent.at)).toBeGreaterThanOrEqual(before - 1000);
  expect((await orders()).map((o) => o.id)).toEqual([id]);
}, 30_000);

it('asks for consent when a waitlist offer is claimed, and records it on the order it makes', async () => {
  const line = await soldOutLine(t);
  const place = await join(t, line);
  await json(
    await t.api(`/api/v1/events/${line.eventId}`, {
      method: 'PATCH',
      body: { branding: BRANDING },
    }),
    200,
  );
  await releaseExpiredHolds(t.server.db, { now: later(31) });
  await problemOf(await claim(t, place, { answers: {} }), 400, 'consent_required');
  expect((await entryOf(t, place)).status).toBe('offered');
  const order = await json<{ id: string }>(await claim(t, place, { consent: true }), 201);
  const kept = await json<{ consent: { documents: unknown[] } }>(
    await t.api(`/api/v1/orders/${order.id}`),
    200,
  );
  expect(kept.consent.documents).toHaveLength(2);
}, 30_000);
