import { syncPageSchema, type SyncPage } from '@lanyard/core';
import { startTestServer, type TestServer } from './harness.js';
import {
  createSale,
  json,
  problemOf,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  enrolledKiosk,
  type Kiosk,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// Each ticket of an order has its own attendee: named at registration or later by its holder,
// and that person (not the buyer) is who kiosks sync, search finds and the ticket history shows.

interface OrderBody {
  id: string;
  accessKey: string;
  tickets: { id: string; token: string }[];
}

describe.each(['pglite', 'postgres'] as const)('per-ticket attendees [%s]', (kind) => {
  let t: TestServer;
  let sale: Sale;
  let kiosk: Kiosk;
  beforeAll(async () => {
    t = await startTestServer(kind);
    sale = await createSale(t);
    kiosk = await enrolledKiosk(t, sale.eventId);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const register = (body: Record<string, unknown>) =>
    t.api(`/api/v1/events/${sale.eventId}/registrations`, {
      token: null,
      body: { ticketTypeId: sale.ticketTypeId, ...body },
    });

  // A kiosk gets each ticket's name, never the email (roles: only who may see personal data).
  async function syncedAttendees(): Promise<Map<string, { name: string; email?: string }>> {
    const seen = new Map<string, { name: string; email?: string }>();
    let cursor: string | undefined;
    for (;;) {
      const qs = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const page: SyncPage = syncPageSchema.parse(
        await json(
          await t.api(`/api/v1/events/${sale.eventId}/sync${qs}`, { token: kiosk.token }),
          200,
        ),
      );
      for (const c of page.changes)
        if (c.type === 'ticket.upserted') seen.set(c.ticket.id, c.ticket.attendee);
      cursor = page.cursor;
      if (!page.hasMore) return seen;
    }
  }

  const searchNames = async (q: string) =>
    (
      await json<{ items: { ticketId: string; name: string }[] }>(
        await t.api(`/api/v1/events/${sale.eventId}/attendees?q=${encodeURIComponent(q)}`),
        200,
      )
    ).items;

  it('sends a two-ticket order with two names to the kiosk and search as two people', async () => {
    const order = await json<OrderBody>(
      await register({
        quantity: 2,
        attendee: { name: 'Bea Buyer', email: 'bea@example.org' },
        attendees: [
          { name: 'Bea Buyer', email: 'bea@example.org' },
          { name: 'Chidi Colleague', email: 'chidi@example.org' },
        ],
      }),
      201,
    );
    const synced = await syncedAttendees();
    expect(order.tickets.map((x) => synced.get(x.id))).toEqual([
      { name: 'Bea Buyer' },
      { name: 'Chidi Colleague' },
    ]);
    const hits = await searchNames('Chidi');
    expect(hits[0]).toMatchObject({ ticketId: order.tickets[1]!.id, name: 'Chidi Colleague' });
  });

  it('lets the holder name the second ticket later through its link; kiosks and history follow', async () => {
    const order = await json<OrderBody>(
      await register({ quantity: 2, attendee: { name: 'Dana Doe', email: 'dana@example.org' } }),
      201,
    );
    const second = order.tickets[1]!.id;
    expect((await syncedAttendees()).get(second)?.name).toBe('Dana Doe');
    const changed = await json<{ attendee: { name: string }; token: string }>(
      await t.api(`/api/v1/tickets/${second}/attendee`, {
        method: 'PUT',
        token: null,
        headers: { 'x-access-key': order.accessKey },
        body: { name: 'Eli Example', email: 'eli@example.org' },
      }),
      200,
    );
    expect(changed.attendee.name).toBe('Eli Example');
    // The QR the holder already has stays good.
    expect(changed.token).toBe(order.tickets[1]!.token);
    expect((await syncedAttendees()).get(second)).toEqual({ name: 'Eli Example' });
    expect((await searchNames('Eli Example'))[0]?.ticketId).toBe(second);
    const history = await json<{ entries: { action: string; details: Record<string, unknown> }[] }>(
      await t.api(`/api/v1/tickets/${second}/history`),
      200,
    );
    expect(history.entries.at(-1)).toMatchObject({
      action: 'attendee_changed',
      details: { from: { name: 'Dana Doe' }, to: { name: 'Eli Example' } },
    });
    // A stranger without the key cannot.
    await problemOf(
      await t.api(`/api/v1/tickets/${second}/attendee`, {
        method: 'PUT',
        token: null,
        headers: { 'x-access-key': 'x'.repeat(43) },
        body: { name: 'Mallory', email: 'm@example.org' },
      }),
      404,
      'ticket_not_found',
    );
  });

  it('refuses a list of attendees that does not match the quantity, and a bad email in it', async () => {
    await problemOf(
      await register({
        quantity: 3,
        attendee: { name: 'F', email: 'f@example.org' },
        attendees: [{ name: 'F', email: 'f@example.org' }],
      }),
      400,
      'validation_failed',
    );
    await problemOf(
      await register({
        quantity: 1,
        attendee: { name: 'G', email: 'g@example.org' },
        attendees: [{ name: 'G', email: 'not-an-email' }],
      }),
      400,
      'validation_failed',
    );
  });
});
