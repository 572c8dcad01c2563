import { startTestServer, ticketTypeBody, type TestServer } from './harness.js';
import {
  createSale,
  json,
  register,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { strangerCheckinToken } from '../src/features/checkin/test-support/checkin-fixtures.js';
import { salesEvents } from './sales-stream-reader.js';

// The sales monitor's stream, as the dashboard reads it: a snapshot at once, another after each
// sale, nothing to strangers, and a server that still closes promptly while streams are open.

interface Snapshot {
  eventId: string;
  ticketTypes: { id: string; name: string; sold: number; held: number; available: number }[];
  totals: { sold: number; held: number; available: number };
  revenue: { currency: string; cents: number }[];
  timeZone: string;
  timeline: { unit: string; points: { at: string; sold: number }[] };
}

/** Opens the stream; `next()` is the next snapshot (or null once the server ended the stream). */
async function openStream(t: TestServer, eventId: string) {
  const abort = new AbortController();
  const res = await fetch(`${t.url}/api/v1/events/${eventId}/sales/stream`, {
    headers: { authorization: `Bearer ${await t.token()}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  return { res, next: salesEvents<Snapshot>(res), close: () => abort.abort() };
}

describe('sales stream [postgres]', () => {
  let t: TestServer;
  let sale: Sale;
  let paidTypeId: string;

  beforeAll(async () => {
    t = await startTestServer('postgres');
    sale = await createSale(t, 0);
    paidTypeId = (
      await json<{ id: string }>(
        await t.api(`/api/v1/events/${sale.eventId}/ticket-types`, {
          body: ticketTypeBody({ name: 'Supporter', priceCents: 5000, quantity: 10 }),
        }),
        201,
      )
    ).id;
  });
  afterAll(() => t.stop());

  it('sends the figures at once, then a new snapshot after each sale and each hold', async () => {
    const stream = await openStream(t, sale.eventId);
    try {
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const first = await stream.next();
      expect(first!.ticketTypes.map((x) => [x.name, x.sold, x.held, x.available])).toEqual([
        ['Regular', 0, 0, 1000],
        ['Supporter', 0, 0, 10],
      ]);

      await register(t, sale, 2);
      const afterSale = await stream.next();
      expect(afterSale!.totals).toEqual({ sold: 2, held: 0, available: 1008 });

      await register(t, { eventId: sale.eventId, ticketTypeId: paidTypeId }, 1);
      const afterHold = await stream.next();
      expect(afterHold!.ticketTypes[1]).toMatchObject({ sold: 0, held: 1, available: 9 });
      // Revenue counts confirmed orders only: the free ones bring nothing, the held one not yet.
      expect(afterHold!.revenue).toEqual([{ currency: 'EUR', cents: 0 }]);
    } finally {
      stream.close();
    }
  });

  it('charts confirmed tickets over time, not cancelled ones', async () => {
    const other = await createSale(t, 0);
    const before = await openStream(t, other.eventId);
    expect((await before.next())!.timeline).toEqual({ unit: 'hour', points: [] });
    before.close();
    await register(t, other, 2);
    const cancelled = await register(t, other, 3);
    await json(await t.api(`/api/v1/orders/${cancelled.id}/cancel`, { body: {} }), 200);
    // A new stream's first snapshot is read after the cancellation.
    const stream = await openStream(t, other.eventId);
    try {
      const { unit, points } = (await stream.next())!.timeline;
      expect(unit).toBe('hour');
      expect(points.map((p) => p.sold)).toEqual([2]);
      // This hour's sales sit in the bucket that starts on the hour.
      expect(new Date(points[0]!.at).getUTCMinutes()).toBe(0);
      expect(Date.now() - Date.parse(points[0]!.at)).toBeLessThan(3_600_000);
    } finally {
      stream.close();
    }
  });

  it('refuses a request without a token', async () => {
    const res = await t.api(`/api/v1/events/${sale.eventId}/sales/stream`, { token: null });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('missing_token');
  });

  it("answers 404 for another organization's event and for an unknown one", async () => {
    const stranger = await strangerCheckinToken(t);
    const res = await t.api(`/api/v1/events/${sale.eventId}/sales/stream`, { token: stranger });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('event_not_found');
    const unknown = await t.api('/api/v1/events/00000000-0000-4000-8000-000000000000/sales/stream');
    expect(unknown.status).toBe(404);
  });

  it('ends open streams when the server stops, so stopping does not wait for them', async () => {
    const stream = await openStream(t, sale.eventId);
    await stream.next();
    const started = Date.now();
    await t.restart();
    // The server's grace period for requests is 10 s; a stream must not use it up.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await stream.next()).toBeNull();
  });
});
