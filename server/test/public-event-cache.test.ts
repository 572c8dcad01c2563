import { createPostgresDatabase } from '../src/test-support/databases.js';
import { EventEmitter } from 'node:events';
import {
  cachedPublicEvents,
  PUBLIC_EVENT_MAX_AGE_MS,
} from '../src/features/portal/public-cache.js';
import type { Db } from '../src/platform/db/db.js';
import { startTestServer, type TestServer } from './harness.js';
import { createPortalEvent, json } from './portal-fixtures.js';

// The public event page is served from a cache of at most PUBLIC_EVENT_MAX_AGE_MS per replica,
// dropped on every replica when a sale or an organizer's edit announces the event changed. Two
// replicas share one PostgreSQL and one Redis here, as behind a load balancer.

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

interface Page {
  ticketTypes: { id: string; available: number; saleState: string }[];
}

describe('the public event page cache [postgres, two replicas on Redis]', () => {
  let shared: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    shared = await createPostgresDatabase({ migrated: true });
    const env = { DATABASE_URL: shared.url, REDIS_URL };
    a = await startTestServer('postgres', env);
    b = await startTestServer('postgres', env);
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await shared?.drop();
  });

  const available = async (t: TestServer, eventId: string) =>
    (await json<Page>(await t.api(`/api/v1/public/events/${eventId}`, { token: null }), 200))
      .ticketTypes[0]!.available;
  const register = (t: TestServer, eventId: string, ticketTypeId: string, who: string) =>
    t.api(`/api/v1/events/${eventId}/registrations`, {
      token: null,
      body: { ticketTypeId, quantity: 1, attendee: { name: who, email: `${who}@example.org` } },
    });
  const seats = async (quantity: number) => {
    const { eventId, types } = await createPortalEvent(
      a,
      {},
      { Regular: { priceCents: 0, quantity } },
    );
    return { eventId, typeId: types.Regular! };
  };
  const setQuantity = (typeId: string, quantity: number) =>
    a.server.db.query('UPDATE ticket_types SET quantity = $2 WHERE id = $1', [typeId, quantity]);

  /**
   * Reads the page until it says `expected`; fails if a read that began more than the bound after
   * `since` still says anything else (reads that began earlier may be served from the cache).
   */
  async function seenWithinBound(t: TestServer, eventId: string, expected: number, since: number) {
    for (;;) {
      const began = Date.now();
      const now = await available(t, eventId);
      if (now === expected) return;
      if (began - since > PUBLIC_EVENT_MAX_AGE_MS)
        throw new Error(`${now} seats, not ${expected}, ${began - since} ms after the change`);
    }
  }

  it('reads an event at most once per bound, and again at once when it is announced changed', async () => {
    const { eventId } = await seats(2);
    let reads = 0;
    const db: Db = {
      ...a.server.db,
      transaction: (fn) => (reads++, a.server.db.transaction(fn)),
    };
    const signal = new EventEmitter();
    let clock = 0;
    const page = cachedPublicEvents(
      db,
      {
        onChange: (listener) => (signal.on('changed', listener), () => {}),
      },
      () => clock,
    );
    await Promise.all([page(eventId), page(eventId), page(eventId)]);
    expect(reads).toBe(1);
    clock += PUBLIC_EVENT_MAX_AGE_MS - 1;
    await page(eventId);
    expect(reads).toBe(1);
    clock += 1;
    await page(eventId);
    expect(reads).toBe(2);
    signal.emit('changed', eventId);
    await page(eventId);
    expect(reads).toBe(3);
  });

  it('shows a sale on the replica that made it and on the other within the bound', async () => {
    const { eventId, typeId } = await seats(3);
    // Both replicas hold the page with 3 seats left.
    expect(await available(a, eventId)).toBe(3);
    expect(await available(b, eventId)).toBe(3);
    expect(await available(b, eventId)).toBe(3);

    await json(await register(a, eventId, typeId, 'ada'), 201);
    const sold = Date.now();
    await seenWithinBound(a, eventId, 2, sold);
    await seenWithinBound(b, eventId, 2, sold);

    await json(await register(b, eventId, typeId, 'grace'), 201);
    const again = Date.now();
    await seenWithinBound(b, eventId, 1, again);
    await seenWithinBound(a, eventId, 1, again);
  });

  it('shows an organizer’s edit on every replica within the bound', async () => {
    const { eventId, typeId } = await seats(5);
    expect(await available(b, eventId)).toBe(5);
    await json(
      await a.api(`/api/v1/events/${eventId}/ticket-types/${typeId}`, {
        method: 'PATCH',
        body: { quantity: 8 },
      }),
      200,
    );
    await seenWithinBound(b, eventId, 8, Date.now());
  });

  it('never decides a sale: the database refuses what a cached page offers, and sells what it says is gone', async () => {
    const { eventId, typeId } = await seats(1);
    expect(await available(b, eventId)).toBe(1);
    // Changed behind the servers' backs: nothing announces it, so the cached page keeps saying 1.
    await setQuantity(typeId, 0);
    const refused = await register(b, eventId, typeId, 'late');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'sold_out' });

    const other = await seats(1);
    await setQuantity(other.typeId, 0);
    expect(await available(b, other.eventId)).toBe(0);
    await setQuantity(other.typeId, 1);
    await json(await register(b, other.eventId, other.typeId, 'lucky'), 201);
    // Then the cache catches up within its bound.
    await seenWithinBound(b, other.eventId, 0, Date.now());
  });
});
