import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  json,
  registerRaw,
  sideConnection,
} from './registration-fixtures.js';
import { blockedBackends } from '../src/test-support/lock-barrier.js';
import {
  checkIn,
  count,
  eventWithTickets,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// The three races the product is built on, each forced into its dangerous order rather than left
// to requests that happen to overlap. A side connection holds a lock the requests need, waits
// until pg_stat_activity shows every request blocked on it (so each has read what it read and is
// at its write), then lets them go together. The outcome is proven for that order on every run;
// a read-then-write in place of the conditional write fails here (docs/testing.md).

describe('forced interleavings [postgres]', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer('postgres');
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** An event whose first sale is made: its ticket signing key exists (made under a lock). */
  async function eventOnSale(quantity: number) {
    const { id: eventId } = await createEvent(t);
    const warmUp = await createTicketType(t, eventId, { quantity: 10 });
    const sold = { ticketTypeId: warmUp, quantity: 1, attendee: attendee('first') };
    expect((await registerRaw(t, eventId, sold)).status).toBe(201);
    return { eventId, ticketTypeId: await createTicketType(t, eventId, { quantity }) };
  }

  it('sells the last seat once when two registrations both found it free', async () => {
    const { eventId, ticketTypeId } = await eventOnSale(1);
    const side = await sideConnection(t);
    try {
      // Both read the sale (one seat left) and are held before writing their orders; the seat is
      // then taken by the conditional UPDATE at COMMIT (migration 0010), which only one can pass.
      await side.query('BEGIN');
      await side.query('LOCK TABLE orders IN SHARE MODE');
      const both = [1, 2].map((i) =>
        registerRaw(t, eventId, { ticketTypeId, quantity: 1, attendee: attendee(`last-${i}`) }),
      );
      await blockedBackends(side, 'WITH placed AS', 2);
      await side.query('COMMIT');
      const answers = await Promise.all(both);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = answers.find((r) => r.status === 409)!;
      expect(await refused.json()).toMatchObject({ code: 'sold_out' });
    } finally {
      await side.end();
    }
    expect(await seatsAndOrders(ticketTypeId)).toEqual({ taken: 1, orders: 1 });
  });

  it('admits a ticket once when two gates scan it and both found it not yet in', async () => {
    const ev = await eventWithTickets(t, 1);
    const ticket = ev.tickets[0]!;
    const side = await sideConnection(t);
    try {
      await side.query('BEGIN');
      // An entry of the ticket on the default list (its id is the event's), not yet committed:
      // both scans see no entry, and their claim of the entry waits on this one.
      await side.query(
        'INSERT INTO checkin_states (ticket_id, list_id, version) VALUES ($1, $2, 1)',
        [ticket.id, ev.eventId],
      );
      const both = ['A', 'B'].map((gate) => checkIn(t, ev.eventId, { token: ticket.token, gate }));
      await blockedBackends(side, 'WITH t AS', 2);
      await side.query('ROLLBACK');
      const answers = await Promise.all(both);
      expect(answers.map((a) => a.result).sort()).toEqual(['admitted', 'already_checked_in']);
      const winner = answers.find((a) => a.result === 'admitted')!;
      const loser = answers.find((a) => a.result === 'already_checked_in')!;
      expect(loser.previous?.gate).toBe(['A', 'B'][answers.indexOf(winner)]);
    } finally {
      await side.end();
    }
    expect(
      await count(
        t,
        `SELECT count(*) AS n FROM checkin_scans WHERE ticket_id = $1 AND result = 'admitted'`,
        [ticket.id],
      ),
    ).toBe(1);
  });

  it('sells once and answers both when two retries carry one Idempotency-Key', async () => {
    const { eventId, ticketTypeId } = await eventOnSale(10);
    const body = { ticketTypeId, quantity: 1, attendee: attendee('retry') };
    const headers = { 'idempotency-key': 'forced-retry-1' };
    const outbox = await sideConnection(t);
    try {
      await outbox.query('BEGIN');
      await outbox.query('LOCK TABLE outbox IN SHARE MODE');
      // The first has claimed the key and written its order, and waits before committing; the
      // second, sent only then, waits on the key the first has not committed yet.
      const first = registerRaw(t, eventId, body, headers);
      await blockedBackends(outbox, 'INSERT INTO outbox', 1);
      const second = registerRaw(t, eventId, body, headers);
      await blockedBackends(outbox, 'INSERT INTO idempotency_keys', 1);
      await outbox.query('COMMIT');
      const [a, b] = await Promise.all([first, second]);
      const orderA = await json<{ id: string }>(a, 201);
      const orderB = await json<{ id: string }>(b, 201);
      expect(orderB.id).toBe(orderA.id);
    } finally {
      await outbox.end();
    }
    expect(await seatsAndOrders(ticketTypeId)).toEqual({ taken: 1, orders: 1 });
  });

  async function seatsAndOrders(ticketTypeId: string) {
    const { rows } = await t.server.db.query<{ taken: number; orders: number }>(
      `SELECT sold + held AS taken,
         (SELECT count(*)::int FROM orders WHERE ticket_type_id = $1) AS orders
       FROM ticket_types WHERE id = $1`,
      [ticketTypeId],
    );
    return rows[0];
  }
});
