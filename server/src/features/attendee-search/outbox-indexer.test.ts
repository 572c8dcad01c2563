import { startTestServer, type TestServer } from '../../../test/harness.js';
import {
  createSale,
  json,
  register,
  type Sale,
} from '../ticketing/test-support/ticket-fixtures.js';
import type { DeliveredMessage } from '../../platform/bus/subscriber.js';
import { attendeeSearchIndexer, attendeeSearchSubscribers } from './outbox-indexer.js';
import type { AttendeeDocument, SearchIndex } from './search-index.js';

// The indexer against real tickets and the outbox messages the API wrote for them; the index it
// feeds is a recorder (Elasticsearch itself is exercised by search-index.test.ts when available).

function recordingIndex() {
  const calls: AttendeeDocument[][] = [];
  const index: SearchIndex = {
    async index(documents) {
      calls.push([...documents]);
    },
    async search() {
      throw new Error('the indexer never searches');
    },
  };
  return { index, calls };
}

describe('attendee search indexer (outbox subscriber)', () => {
  let t: TestServer;
  let sale: Sale;
  let organizationId: string;
  beforeAll(async () => {
    t = await startTestServer('postgres');
    sale = await createSale(t);
    const { rows } = await t.server.db.query<{ organization_id: string }>(
      'SELECT organization_id FROM events WHERE id = $1',
      [sale.eventId],
    );
    organizationId = rows[0]!.organization_id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The outbox messages of this topic about this order or ticket, as the relay hands them over. */
  const messages = async (topic: string, aggregateId: string | null, eventId?: string) => {
    const { rows } = await t.server.db.query<Record<string, unknown>>(
      `SELECT id::text AS id, topic, event_id AS "eventId", aggregate_id AS "aggregateId", payload,
              1 AS attempts, created_at AS "createdAt"
       FROM outbox WHERE topic = $1 AND (aggregate_id = $2 OR ($2 IS NULL AND event_id = $3))
       ORDER BY id`,
      [topic, aggregateId, eventId ?? null],
    );
    expect(rows.length).toBeGreaterThan(0);
    return rows as unknown as DeliveredMessage[];
  };

  it('indexes a registration’s tickets with their holder, type and status', async () => {
    const order = await register(t, sale, 2);
    const { index, calls } = recordingIndex();
    await attendeeSearchIndexer(t.server.db, index).handle(
      await messages('registration.confirmed', order.id),
    );
    const { rows } = await t.server.db.query<{ attendee_name: string; attendee_email: string }>(
      'SELECT attendee_name, attendee_email FROM tickets WHERE order_id = $1 LIMIT 1',
      [order.id],
    );
    const holder = { name: rows[0]!.attendee_name, email: rows[0]!.attendee_email };
    expect(calls).toEqual([
      order.tickets
        .map((ticket) => ({
          ticketId: ticket.id,
          orderId: order.id,
          eventId: sale.eventId,
          organizationId,
          ...holder,
          ticketTypeName: 'Regular',
          status: 'valid',
        }))
        .sort((a, b) => a.ticketId.localeCompare(b.ticketId)),
    ]);
  });

  it('re-indexes a revoked ticket with its new status, and a cancelled order’s tickets from the order alone', async () => {
    const revokedOrder = await register(t, sale);
    const ticketId = revokedOrder.tickets[0]!.id;
    await json(await t.api(`/api/v1/tickets/${ticketId}/revoke`, { method: 'POST' }), 200);
    const cancelledOrder = await register(t, sale);
    await json(
      await t.api(`/api/v1/orders/${cancelledOrder.id}/cancel`, { method: 'POST', body: {} }),
      200,
    );
    // order.expired and order.refunded name only the order: strip the ticket ids to read that way.
    const cancelled = (await messages('order.cancelled', cancelledOrder.id)).map((m) => ({
      ...m,
      payload: { orderId: m.payload.orderId },
    }));

    const { index, calls } = recordingIndex();
    await attendeeSearchIndexer(t.server.db, index).handle([
      ...(await messages('ticket.revoked', ticketId)),
      ...cancelled,
    ]);
    const statuses = Object.fromEntries(calls.flat().map((d) => [d.ticketId, d.status]));
    expect(statuses).toEqual({
      [ticketId]: 'revoked',
      [cancelledOrder.tickets[0]!.id]: 'cancelled',
    });
  });

  it('re-reads the whole event after an import, whose message names no ticket', async () => {
    const res = await t.api(`/api/v1/events/${sale.eventId}/attendees/import`, {
      body: {
        rows: [
          { line: 2, name: 'Imported Guest', email: 'imported@example.org', ticketType: 'Regular' },
        ],
      },
    });
    expect(res.status).toBe(200);
    const { index, calls } = recordingIndex();
    await attendeeSearchIndexer(t.server.db, index).handle(
      await messages('attendees.imported', null, sale.eventId),
    );
    const { rows } = await t.server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tickets WHERE event_id = $1',
      [sale.eventId],
    );
    const documents = calls.flat();
    expect(documents).toHaveLength(rows[0]!.n);
    expect(documents.find((d) => d.email === 'imported@example.org')).toMatchObject({
      name: 'Imported Guest',
      status: 'valid',
    });
  });

  it('is subscribed only when the server keeps Elasticsearch current', () => {
    expect(attendeeSearchSubscribers({ elasticsearchUrl: undefined }, t.server.db)).toEqual([]);
    const [indexer] = attendeeSearchSubscribers(
      { elasticsearchUrl: 'http://127.0.0.1:9200' },
      t.server.db,
    );
    expect(indexer?.topics).toEqual(expect.arrayContaining(['registration.*', 'ticket.*']));
  });
});

const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
(elasticsearchUrl ? describe : describe.skip)(
  'Elasticsearch kept current through the outbox (runs when ELASTICSEARCH_URL is set)',
  () => {
    it('finds a registration through the API, answered by Elasticsearch, shortly after it commits', async () => {
      const t = await startTestServer('postgres', { ELASTICSEARCH_URL: elasticsearchUrl! });
      try {
        const sale = await createSale(t);
        const order = await register(t, sale);
        const { rows } = await t.server.db.query<{ attendee_email: string }>(
          'SELECT attendee_email FROM tickets WHERE order_id = $1',
          [order.id],
        );
        const search = async () =>
          (
            await json<{ items: { ticketId: string; status: string }[] }>(
              await t.api(
                `/api/v1/events/${sale.eventId}/attendees?q=${encodeURIComponent(rows[0]!.attendee_email)}`,
              ),
              200,
            )
          ).items;
        const until = Date.now() + 15_000;
        let hits = await search();
        while (hits.length === 0 && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 200));
          hits = await search();
        }
        expect(hits.map((h) => [h.ticketId, h.status])).toEqual([[order.tickets[0]!.id, 'valid']]);
      } finally {
        await t.stop();
      }
    }, 30_000);
  },
);
