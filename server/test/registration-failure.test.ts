import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  blockedBackend,
  createEvent,
  createTicketType,
  footprint,
  json,
  problemOf,
  registerRaw,
  sideConnection,
} from './registration-fixtures.js';

/**
 * An event whose sale touches every table a registration writes: a paid type (held seats), a
 * quota over it, a promo code; registrations carry an Idempotency-Key.
 */
async function fullSale(t: TestServer) {
  const { id: eventId } = await createEvent(t);
  const ticketTypeId = await createTicketType(t, eventId, { priceCents: 4_000 });
  await json(
    await t.api(`/api/v1/events/${eventId}/quotas`, {
      body: { name: 'Venue', size: 50, ticketTypeIds: [ticketTypeId] },
    }),
    201,
  );
  await json(
    await t.api(`/api/v1/events/${eventId}/promo-codes`, {
      body: { code: 'HALF', discountKind: 'percent', discountValue: 50, maxUses: 1 },
    }),
    201,
  );
  const body = { ticketTypeId, quantity: 2, attendee: attendee('doomed'), promoCode: 'HALF' };
  return { eventId, ticketTypeId, body };
}

const nothing = {
  orders: 0,
  tickets: 0,
  history: 0,
  outbox: 0,
  seats: 0,
  quotaUsed: 0,
  promoUses: 0,
};

async function idempotencyRows(t: TestServer, key: string) {
  const { rows } = await t.server.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
  return rows.length;
}

describe.each(['pglite', 'postgres'] as const)(
  'a registration that fails mid-transaction [%s]',
  (kind) => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('leaves no order, ticket, history, outbox row, seat, quota use, promo use or idempotency key behind', async () => {
      const { eventId, ticketTypeId, body } = await fullSale(t);
      // The database refuses the very last write of the sale: taking the seats.
      await t.server.db.exec(`
      CREATE FUNCTION fail_seat_take() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = '${ticketTypeId}' AND NEW.sold + NEW.held > OLD.sold + OLD.held THEN
          RAISE EXCEPTION 'seat take refused by test';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_seat_take BEFORE UPDATE ON ticket_types
        FOR EACH ROW EXECUTE FUNCTION fail_seat_take();`);
      try {
        const res = await registerRaw(t, eventId, body, { 'idempotency-key': 'fails-once' });
        await problemOf(res, 500, 'internal_error');
        expect(await footprint(t, eventId)).toMatchObject(nothing);
        expect(await idempotencyRows(t, 'fails-once')).toBe(0);
      } finally {
        await t.server.db.exec(
          'DROP TRIGGER fail_seat_take ON ticket_types; DROP FUNCTION fail_seat_take();',
        );
      }
      // The same key is free for the retry, which sells normally.
      const retry = await registerRaw(t, eventId, body, { 'idempotency-key': 'fails-once' });
      expect(retry.status).toBe(201);
      expect(await footprint(t, eventId)).toMatchObject({
        orders: 1,
        tickets: 2,
        seats: 2,
        quotaUsed: 2,
        promoUses: 1,
      });
    });
  },
);

describe('a registration whose connection dies mid-transaction [postgres]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('leaves nothing behind when its backend is terminated while it waits for the ticket type’s row', async () => {
    const { eventId, ticketTypeId, body } = await fullSale(t);
    const side = await sideConnection(t);
    try {
      // NO KEY UPDATE lets the sale write its order and tickets (their foreign keys only need
      // KEY SHARE) and stops it at the last step: its COMMIT, which takes the seats.
      await side.query('BEGIN');
      await side.query('SELECT 1 FROM ticket_types WHERE id = $1 FOR NO KEY UPDATE', [
        ticketTypeId,
      ]);
      const sale = registerRaw(t, eventId, body, { 'idempotency-key': 'dies-once' });
      const pid = await blockedBackend(side, 'COMMIT');
      const { rows } = await side.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [
        pid,
      ]);
      expect(rows[0]!.ok).toBe(true);
      // The attendee is told to retry: nothing was saved.
      const lost = await sale;
      expect(lost.headers.get('retry-after')).toBe('1');
      await problemOf(lost, 503, 'database_unavailable');
      await side.query('ROLLBACK');
    } finally {
      await side.end();
    }
    expect(await footprint(t, eventId)).toMatchObject(nothing);
    expect(await idempotencyRows(t, 'dies-once')).toBe(0);

    // The server replaced the dead connection: the retry sells.
    const retry = await registerRaw(t, eventId, body, { 'idempotency-key': 'dies-once' });
    expect(retry.status).toBe(201);
    expect(await footprint(t, eventId)).toMatchObject({
      orders: 1,
      tickets: 2,
      seats: 2,
      quotaUsed: 2,
      promoUses: 1,
    });
  });
});
