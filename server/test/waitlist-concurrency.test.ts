import { startTestServer, type TestServer } from './harness.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import { offerWaitingSeats } from '../src/features/waitlist/offers.js';
import {
  asHolder,
  buy,
  claim,
  join,
  later,
  soldOutLine,
  type Place,
} from '../src/features/waitlist/test-support/waitlist-fixtures.js';

// Everything that moves seats between public sale, holds and the waitlist, at once: the seat
// counts must always equal what the orders and offers hold, and never exceed the quantity.

interface Accounting {
  quantity: number;
  sold: number;
  held: number;
  confirmed: number;
  pending: number;
  offered: number;
  claimedWithoutOneOrder: number;
}

describe.each(['pglite', 'postgres'] as const)('waitlist under concurrency [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function accounting(ticketTypeId: string): Promise<Accounting> {
    const { rows } = await t.server.db.query<Accounting & Record<string, unknown>>(
      `SELECT tt.quantity, tt.sold, tt.held,
         (SELECT coalesce(sum(quantity), 0)::int FROM orders
          WHERE ticket_type_id = tt.id AND status = 'confirmed') AS confirmed,
         (SELECT coalesce(sum(quantity), 0)::int FROM orders
          WHERE ticket_type_id = tt.id AND status = 'pending_payment') AS pending,
         (SELECT coalesce(sum(quantity), 0)::int FROM waitlist_entries
          WHERE ticket_type_id = tt.id AND status = 'offered') AS offered,
         (SELECT count(*)::int FROM waitlist_entries w
          WHERE w.ticket_type_id = tt.id AND w.status = 'claimed'
            AND (SELECT count(*) FROM orders o WHERE o.id = w.claimed_order_id) <> 1)
           AS "claimedWithoutOneOrder"
       FROM ticket_types tt WHERE tt.id = $1`,
      [ticketTypeId],
    );
    return rows[0]!;
  }

  function expectExact(a: Accounting) {
    expect({
      sold: a.sold,
      held: a.held,
      claimedWithoutOneOrder: a.claimedWithoutOneOrder,
    }).toEqual({ sold: a.confirmed, held: a.pending + a.offered, claimedWithoutOneOrder: 0 });
    expect(a.sold + a.held).toBeLessThanOrEqual(a.quantity);
  }

  it('keeps the seat counts equal to what orders and offers hold while expiry, buyers, leavers and claims race', async () => {
    const line = await soldOutLine(t, { quantity: 6 });
    const places: Place[] = [];
    for (let i = 0; i < 12; i++) places.push(await join(t, line, { quantity: (i % 2) + 1 }));

    // Holds run out while buyers arrive and some of the line leaves.
    const leavers = places.filter((_, i) => i % 4 === 3);
    await Promise.all([
      ...Array.from({ length: 4 }, () => releaseExpiredHolds(t.server.db, { now: later(31) })),
      ...Array.from({ length: 10 }, () => buy(t, line)),
      offerWaitingSeats(t.server.db),
      ...leavers.map((p) =>
        t.api(`/api/v1/waitlist/${p.id}`, { method: 'DELETE', ...asHolder(p.accessKey) }),
      ),
    ]);
    const afterExpiry = await accounting(line.ticketTypeId);
    expectExact(afterExpiry);
    expect(afterExpiry.offered).toBeGreaterThan(0);

    // Every offer claimed twice at once, while more buyers arrive.
    const claims = await Promise.all([
      ...places.flatMap((p) => [claim(t, p), claim(t, p)]),
      ...Array.from({ length: 5 }, () => buy(t, line)),
    ]);
    expect(claims.filter((r) => r.status === 201).length).toBeGreaterThan(0);
    const afterClaims = await accounting(line.ticketTypeId);
    expectExact(afterClaims);
    expect(afterClaims.pending).toBeGreaterThanOrEqual(afterExpiry.offered);

    // The claimed orders go unpaid: their seats pass on down the line, with sweeps racing.
    await Promise.all([
      ...Array.from({ length: 3 }, () => releaseExpiredHolds(t.server.db, { now: later(200) })),
      ...Array.from({ length: 5 }, () => buy(t, line)),
    ]);
    expectExact(await accounting(line.ticketTypeId));
  });
});
