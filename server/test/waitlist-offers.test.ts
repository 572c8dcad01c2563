import { startTestServer, type TestServer } from './harness.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import {
  offerSeatsAfterCapacityChange,
  offerWaitingSeats,
} from '../src/features/waitlist/offers.js';
import { json, problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  announced,
  buy,
  claim,
  entryOf,
  join,
  later,
  seats,
  soldOutLine,
  type OrderBody,
} from '../src/features/waitlist/test-support/waitlist-fixtures.js';

// Seats that free up go to the waitlist first: expired holds, expired offers, leaving, raised
// capacity. Time passes by giving the use cases a later `now` (holds last 30 minutes, offers 60).

describe.each(['pglite', 'postgres'] as const)('waitlist offers [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const expireAt = (minutes: number) => releaseExpiredHolds(t.server.db, { now: later(minutes) });

  it('gives the seats of an expired hold to the next entries in line, and no public buyer can take them', async () => {
    const line = await soldOutLine(t, { quantity: 2 });
    expect(line.holder.status).toBe('pending_payment');
    const first = await join(t, line);
    const second = await join(t, line);
    const third = await join(t, line);
    expect([first.position, second.position, third.position]).toEqual([1, 2, 3]);

    const before = Date.now();
    expect(await expireAt(31)).toBeGreaterThanOrEqual(1);

    const { rows } = await t.server.db.query<{ status: string }>(
      'SELECT status FROM orders WHERE id = $1',
      [line.holder.id],
    );
    expect(rows[0]!.status).toBe('expired');
    for (const place of [first, second]) {
      const entry = await entryOf(t, place);
      expect(entry).toMatchObject({ status: 'offered', position: null });
      // Offered at the sweep's clock (31 minutes on) for the event's 60 offer minutes.
      const expiresIn = Date.parse(entry.offerExpiresAt!) - before;
      expect(expiresIn).toBeGreaterThanOrEqual(91 * 60_000);
      expect(expiresIn).toBeLessThan(92 * 60_000);
    }
    expect(await entryOf(t, third)).toMatchObject({
      status: 'waiting',
      position: 1,
      offerExpiresAt: null,
    });
    expect(await seats(t, line)).toEqual({ sold: 0, held: 2, available: 0 });
    expect(await announced(t, 'waitlist.offered', first.id)).toEqual([
      expect.objectContaining({
        waitlistEntryId: first.id,
        email: first.email,
        ticketTypeId: line.ticketTypeId,
        quantity: 1,
        offerExpiresAt: (await entryOf(t, first)).offerExpiresAt,
      }),
    ]);

    await problemOf(await buy(t, line, { joinWaitlist: false }), 409, 'sold_out');
    const latecomer = await json<{ status: string; position: number }>(await buy(t, line), 202);
    expect(latecomer).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('passes an unclaimed offer to the next in line when its time is up', async () => {
    const line = await soldOutLine(t);
    const first = await join(t, line);
    const second = await join(t, line);
    await expireAt(31);
    expect((await entryOf(t, first)).status).toBe('offered');

    await expireAt(92);
    expect(await entryOf(t, first)).toMatchObject({
      status: 'expired',
      position: null,
      offerExpiresAt: null,
    });
    const next = await entryOf(t, second);
    expect(next.status).toBe('offered');
    expect(Date.parse(next.offerExpiresAt!)).toBeGreaterThan(later(151).getTime());
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
    expect(await announced(t, 'waitlist.offer_expired', first.id)).toHaveLength(1);
    await problemOf(await claim(t, first), 409, 'offer_expired');
  });

  it('returns the seat to public sale when an offer expires with nobody left in line', async () => {
    const line = await soldOutLine(t);
    const only = await join(t, line);
    await expireAt(31);
    expect((await entryOf(t, only)).status).toBe('offered');
    await expireAt(92);
    expect(await seats(t, line)).toEqual({ sold: 0, held: 0, available: 1 });
    const res = await buy(t, line, { joinWaitlist: false });
    expect(res.status).toBe(201);
  });

  it('keeps a paid claim’s seats held until its payment is overdue, then offers them to the next', async () => {
    const line = await soldOutLine(t);
    const first = await join(t, line);
    const second = await join(t, line);
    await expireAt(31);

    const order = await json<OrderBody>(await claim(t, first), 201);
    expect(order.status).toBe('pending_payment');
    expect(order.tickets.map((x) => x.status)).toEqual(['pending']);
    const holdLeft = Date.parse(order.holdExpiresAt!) - Date.now();
    expect(holdLeft).toBeGreaterThan(29 * 60_000);
    expect(holdLeft).toBeLessThanOrEqual(30 * 60_000);
    expect(await entryOf(t, first)).toMatchObject({ status: 'claimed', orderId: order.id });
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
    expect((await entryOf(t, second)).status).toBe('waiting');

    await expireAt(31);
    expect((await entryOf(t, second)).status).toBe('offered');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
  });

  it('offers only whole entries: a party too big for the freed seats keeps its place while smaller ones behind it are offered', async () => {
    const line = await soldOutLine(t, { quantity: 2 });
    const party = await join(t, line, { quantity: 3 });
    const single = await join(t, line);
    const pair = await join(t, line, { quantity: 2 });
    const another = await join(t, line);
    await expireAt(31);
    expect((await entryOf(t, party)).status).toBe('waiting');
    expect((await entryOf(t, party)).position).toBe(1);
    expect((await entryOf(t, single)).status).toBe('offered');
    expect((await entryOf(t, pair)).status).toBe('waiting');
    expect((await entryOf(t, another)).status).toBe('offered');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 2, available: 0 });
  });

  it('offers capacity raised by a ticket type change to the waitlist at once, and the sweeper catches up on seats nobody offered', async () => {
    const line = await soldOutLine(t, { priceCents: 0 });
    expect(line.holder.status).toBe('confirmed');
    const first = await join(t, line);
    const second = await join(t, line);
    const third = await join(t, line);
    const raise = (quantity: number) =>
      t.api(`/api/v1/events/${line.eventId}/ticket-types/${line.ticketTypeId}`, {
        method: 'PATCH',
        body: { quantity },
      });

    // The PATCH itself offers the raised capacity, before any sweep.
    expect((await raise(3)).status).toBe(200);
    expect((await entryOf(t, first)).status).toBe('offered');
    expect((await entryOf(t, second)).status).toBe('offered');
    expect((await entryOf(t, third)).status).toBe('waiting');
    expect(await seats(t, line)).toEqual({ sold: 1, held: 2, available: 0 });

    expect((await raise(4)).status).toBe(200);
    await offerWaitingSeats(t.server.db);
    expect((await entryOf(t, third)).status).toBe('offered');
    await offerWaitingSeats(t.server.db);
    expect(await seats(t, line)).toEqual({ sold: 1, held: 3, available: 0 });
  });

  it('turns a free offer into a confirmed order with valid tickets; the held seat becomes sold', async () => {
    const line = await soldOutLine(t, { priceCents: 0 });
    const place = await join(t, line, { quantity: 2 });
    await t.api(`/api/v1/events/${line.eventId}/ticket-types/${line.ticketTypeId}`, {
      method: 'PATCH',
      body: { quantity: 3 },
    });
    await offerSeatsAfterCapacityChange(t.server.db, [line.ticketTypeId]);
    expect(await seats(t, line)).toEqual({ sold: 1, held: 2, available: 0 });

    const order = await json<OrderBody>(await claim(t, place), 201);
    expect(order).toMatchObject({ status: 'confirmed', holdExpiresAt: null });
    expect(order.tickets.map((x) => x.status)).toEqual(['valid', 'valid']);
    expect(await seats(t, line)).toEqual({ sold: 3, held: 0, available: 0 });
    const ticket = await t.api(`/api/v1/tickets/${order.tickets[0]!.id}`, {
      token: null,
      headers: { 'x-access-key': order.accessKey },
    });
    expect(ticket.status).toBe(200);
    expect(await announced(t, 'registration.confirmed', order.id)).toEqual([
      expect.objectContaining({ waitlistEntryId: place.id, email: place.email }),
    ]);
  });

  it('gives the seat of someone leaving with an offer to the next in line', async () => {
    const line = await soldOutLine(t);
    const first = await join(t, line);
    const second = await join(t, line);
    await expireAt(31);
    const left = await t.api(`/api/v1/waitlist/${first.id}`, {
      method: 'DELETE',
      token: null,
      headers: { 'x-access-key': first.accessKey },
    });
    expect(left.status).toBe(204);
    expect((await entryOf(t, first)).status).toBe('cancelled');
    expect((await entryOf(t, second)).status).toBe('offered');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
  });

  it('offers seats freed in a shared quota to the waitlist of another ticket type in it', async () => {
    const early = await soldOutLine(t, { quantity: 2 });
    const regular = await soldOutLine(t, { quantity: 1, eventId: early.eventId });
    await t.api(`/api/v1/events/${early.eventId}/ticket-types/${regular.ticketTypeId}`, {
      method: 'PATCH',
      body: { quantity: 10 },
    });
    // The venue: 3 seats over both types, all taken by the two unpaid orders.
    const { rows } = await t.server.db.query<{ id: string }>(
      `INSERT INTO quotas (event_id, name, size, used) VALUES ($1, 'Venue', 3, 3) RETURNING id`,
      [early.eventId],
    );
    await t.server.db.query(
      `INSERT INTO quota_ticket_types (quota_id, ticket_type_id) VALUES ($1, $2), ($1, $3)`,
      [rows[0]!.id, early.ticketTypeId, regular.ticketTypeId],
    );
    const waiting = await join(t, regular);

    // Only the early-bird hold runs out here (it is older by a moment; both are 30 minutes).
    await t.server.db.query(
      `UPDATE orders SET hold_expires_at = now() + interval '2 hours' WHERE id = $1`,
      [regular.holder.id],
    );
    await expireAt(31);
    expect((await entryOf(t, waiting)).status).toBe('offered');
    const venue = await t.server.db.query<{ used: number }>(
      'SELECT used FROM quotas WHERE id = $1',
      [rows[0]!.id],
    );
    expect(venue.rows[0]!.used).toBe(2);
  });
});
