import { startTestServer, type TestServer } from '../../../test/harness.js';
import { subscribesTo, type DeliveredMessage } from '../../platform/bus/subscriber.js';
import {
  createSale,
  json,
  register,
  type Sale,
} from '../ticketing/test-support/ticket-fixtures.js';
import { registerSearchFeed } from './documents-store.js';
import { createPostgresReportSource } from './postgres-source.js';
import { REPORT_CHANGING_TOPICS, reportIndexer } from './report-indexer.js';
import { MemoryReports } from './test-support/memory-reports.js';

// The report indexer against the outbox messages the API wrote: once it has handled them, the
// documents it indexed give the same figures as the rollups (aggregated in memory; Elasticsearch
// itself is exercised by the report contract when ELASTICSEARCH_URL is set).

describe('report indexer (outbox subscriber)', () => {
  let t: TestServer;
  let sale: Sale;
  let memory: MemoryReports;
  let seen = '0';
  const db = () => t.server.db;

  beforeAll(async () => {
    t = await startTestServer('pglite');
    sale = await createSale(t, 2500);
    memory = new MemoryReports(t.server.db);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Hands the indexer the messages written since the last call, as the relay would. */
  async function relay(): Promise<string[]> {
    const { rows } = await db().query<DeliveredMessage & Record<string, unknown>>(
      `SELECT id::text AS id, topic, event_id AS "eventId", aggregate_id AS "aggregateId", payload,
              1 AS attempts, created_at AS "createdAt"
       FROM outbox WHERE id > $1::bigint ORDER BY id`,
      [seen],
    );
    seen = rows.at(-1)?.id ?? seen;
    const mine = rows.filter((m) => subscribesTo(REPORT_CHANGING_TOPICS, m.topic));
    await reportIndexer(db(), memory).handle(mine);
    return mine.map((m) => m.topic);
  }

  const figures = async () => {
    const rollups = createPostgresReportSource(db());
    for (const [name, mine, theirs] of [
      ['orders', memory.ordersByStatus(sale.eventId), rollups.ordersByStatus(sale.eventId)],
      ['attendance', memory.attendance(sale.eventId), rollups.attendance(sale.eventId)],
      ['waitlist', memory.waitlist(sale.eventId), rollups.waitlist(sale.eventId)],
      [
        'refunds',
        memory.refunds(sale.eventId, 'day', 'UTC', {}),
        rollups.refunds(sale.eventId, 'day', 'UTC', {}),
      ],
      [
        'sales',
        memory.sales(sale.eventId, 'hour', 'UTC', {}),
        rollups.sales(sale.eventId, 'hour', 'UTC', {}),
      ],
    ] as const)
      expect({ name, rows: await mine }).toEqual({ name, rows: await theirs });
  };

  it('indexes orders, their tickets and refunds as registrations, payments and refunds happen', async () => {
    const paid = await register(t, sale, 2);
    await register(t, sale, 1);
    await json(await t.api(`/api/v1/orders/${paid.id}/mark-paid`, { body: {} }), 200);
    await json(
      await t.api(`/api/v1/orders/${paid.id}/refunds`, { body: { amountCents: 1000 } }),
      201,
    );
    expect(await relay()).toEqual(
      expect.arrayContaining(['registration.pending_payment', 'registration.confirmed']),
    );
    expect(memory.docs.orders.get(paid.id)).toMatchObject({
      status: 'confirmed',
      quantity: 2,
      refundedCents: 1000,
    });
    expect(memory.docs.refunds.size).toBe(1);
    await figures();
  });

  it('marks a ticket admitted once a server with Elasticsearch registered its feed', async () => {
    const order = await register(t, sale, 1);
    await json(await t.api(`/api/v1/orders/${order.id}/mark-paid`, { body: {} }), 200);
    await relay();
    const scan = async (token: string) =>
      json(
        await t.api(`/api/v1/events/${sale.eventId}/checkins`, { body: { token, gate: 'North' } }),
        200,
      );
    // Without a webhook endpoint or a feed, admissions write no outbox row (migration 0015).
    const other = await register(t, sale, 1);
    await json(await t.api(`/api/v1/orders/${other.id}/mark-paid`, { body: {} }), 200);
    await scan(other.tickets[0]!.token);
    expect(await relay()).not.toContain('checkin.admitted');

    await registerSearchFeed(db(), 'elasticsearch');
    await scan(order.tickets[0]!.token);
    expect(await relay()).toContain('checkin.admitted');
    expect(memory.docs.tickets.get(order.tickets[0]!.id)).toMatchObject({
      status: 'valid',
      admitted: true,
    });
  });
});
