import { startTestServer, type TestServer } from './harness.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import { json, problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  announced,
  buy,
  entryOf,
  join,
  later,
  seats,
  soldOutLine,
} from '../src/features/waitlist/test-support/waitlist-fixtures.js';

// Holds of unpaid orders and of waitlist offers end on time, whether the sweeper runs or not.
// "Sweeper stopped" is played by moving a hold's end into the past: the server's own sweeper
// runs only every 15 seconds, and these tests look right after the change.

describe.each(['pglite', 'postgres'] as const)('holds [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const endHoldNow = (orderId: string) =>
    t.server.db.query(
      `UPDATE orders SET hold_expires_at = now() - interval '1 second' WHERE id = $1`,
      [orderId],
    );

  it('leaves a hold alone until its time, then cancels its tickets with history and frees its seats', async () => {
    const line = await soldOutLine(t, { quantity: 2 });
    expect(await releaseExpiredHolds(t.server.db, { now: later(29) })).toBe(0);
    expect(await seats(t, line)).toEqual({ sold: 0, held: 2, available: 0 });

    expect(await releaseExpiredHolds(t.server.db, { now: later(31) })).toBeGreaterThanOrEqual(1);
    expect(await seats(t, line)).toEqual({ sold: 0, held: 0, available: 2 });
    const { rows } = await t.server.db.query<{ status: string; actions: string[] }>(
      `SELECT t.status, array_agg(h.action ORDER BY h.id) AS actions
       FROM tickets t JOIN ticket_history h ON h.ticket_id = t.id
       WHERE t.order_id = $1 GROUP BY t.id`,
      [line.holder.id],
    );
    expect(rows).toEqual([
      { status: 'cancelled', actions: ['issued', 'cancelled'] },
      { status: 'cancelled', actions: ['issued', 'cancelled'] },
    ]);
    expect(await announced(t, 'order.expired', line.holder.id)).toHaveLength(1);
    // Expired once: a second sweep finds nothing more of this order.
    await releaseExpiredHolds(t.server.db, { now: later(31) });
    expect(await seats(t, line)).toEqual({ sold: 0, held: 0, available: 2 });
  });

  it('frees an overdue hold when a buyer finds the type sold out, with the sweeper not run', async () => {
    const line = await soldOutLine(t);
    await endHoldNow(line.holder.id);
    const order = await json<{ status: string }>(await buy(t, line, { joinWaitlist: false }), 201);
    expect(order.status).toBe('pending_payment');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
  });

  it('gives an overdue hold to the waitlist, not to the buyer who found it sold out', async () => {
    const line = await soldOutLine(t);
    const waiting = await join(t, line);
    await endHoldNow(line.holder.id);
    await problemOf(await buy(t, line, { joinWaitlist: false }), 409, 'sold_out');
    expect((await entryOf(t, waiting)).status).toBe('offered');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
  });

  it('shows an overdue offer as expired when read, and passes its seat on, with the sweeper not run', async () => {
    const line = await soldOutLine(t);
    const first = await join(t, line);
    const second = await join(t, line);
    await releaseExpiredHolds(t.server.db, { now: later(31) });
    await t.server.db.query(
      `UPDATE waitlist_entries SET offer_expires_at = now() - interval '1 second' WHERE id = $1`,
      [first.id],
    );
    expect((await entryOf(t, first)).status).toBe('expired');
    expect((await entryOf(t, second)).status).toBe('offered');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
  });
});
