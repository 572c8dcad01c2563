import { randomBytes } from 'node:crypto';
import { createElasticsearchSearchIndex } from '../src/features/attendee-search/elasticsearch-index.js';
import type {
  AttendeeDocument,
  SearchIndex,
} from '../src/features/attendee-search/search-index.js';
import { createElasticsearchReports } from '../src/features/reports/elasticsearch-source.js';
import { createPostgresReportSource } from '../src/features/reports/postgres-source.js';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type ReportDocuments,
  type ReportIndex,
} from '../src/features/reports/report-documents.js';
import { reindexStep, type ReindexTargets } from '../src/features/search-reindex/reindex.js';
import {
  createSale,
  json,
  otherOrganizationToken,
  problemOf,
  register,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { startTestServer, type TestServer } from './harness.js';
import { createTicketType, registerRaw } from './registration-fixtures.js';

// `lanyard search reindex`: the backfill of an index outside PostgreSQL. Its paging runs here
// against a real database, into an in-memory implementation of the two index ports (nothing
// here stands in for something that runs on this machine: Elasticsearch does not). The same
// backfill into Elasticsearch is the last suite, which needs ELASTICSEARCH_URL.

/** Both index ports in memory, counting how often each document was sent. */
class MemoryIndexes implements ReindexTargets {
  readonly tickets = new Map<string, AttendeeDocument>();
  readonly sent = new Map<string, number>();
  readonly docs: { [k in DocumentKind]: Map<string, ReportDocuments[k][number]> } = {
    orders: new Map(),
    refunds: new Map(),
    tickets: new Map(),
    waitlist: new Map(),
  };
  readonly bulkSizes: number[] = [];
  private calls = 0;

  /** `dieAt`: the attendee index() call during which the process "is killed", after it landed. */
  constructor(private readonly dieAt = Infinity) {}

  readonly attendees: SearchIndex = {
    index: async (documents) => {
      this.bulkSizes.push(documents.length);
      for (const d of documents) {
        this.tickets.set(d.ticketId, d);
        this.sent.set(d.ticketId, (this.sent.get(d.ticketId) ?? 0) + 1);
      }
      if (++this.calls === this.dieAt) throw new Error('killed after the bulk request landed');
    },
    search: async (eventId, query, limit) =>
      [...this.tickets.values()]
        .filter((d) => d.eventId === eventId && d.name.includes(query))
        .slice(0, limit)
        .map((d) => ({ ...d, score: 1 })),
  };

  readonly reports: ReportIndex = {
    index: async (documents) => {
      for (const kind of DOCUMENT_KINDS) {
        const docs = documents[kind] ?? [];
        this.bulkSizes.push(docs.length);
        // Each document's first field is its key (orderId, refundId, ticketId, entryId).
        for (const d of docs)
          (this.docs[kind] as Map<string, unknown>).set(Object.values(d)[0] as string, d);
      }
    },
  };
}

describe.each(['pglite', 'postgres'] as const)('search reindex [%s]', (db) => {
  let t: TestServer;
  let paid: Sale;
  let free: Sale;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.server.db.query<{ n: number }>(sql, params)).rows[0]!.n;

  beforeAll(async () => {
    t = await startTestServer(db);
    paid = await createSale(t, 2500);
    free = await createSale(t);
    for (let i = 0; i < 12; i++) {
      const order = await register(t, paid, 1 + (i % 3));
      if (i < 8) await json(await t.api(`/api/v1/orders/${order.id}/mark-paid`, { body: {} }), 200);
      if (i < 2)
        await json(
          await t.api(`/api/v1/orders/${order.id}/refunds`, { body: { amountCents: 1000 } }),
          201,
        );
    }
    for (let i = 0; i < 10; i++) await register(t, free);
    const tiny = await createTicketType(t, paid.eventId, { priceCents: 0, quantity: 1 });
    for (let i = 0; i < 4; i++)
      await registerRaw(t, paid.eventId, {
        ticketTypeId: tiny,
        quantity: 1,
        attendee: { name: `Waiting ${i}`, email: `waiting-${i}@example.org` },
        joinWaitlist: true,
      });
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  const tables = async (eventId?: string) => ({
    tickets: await count(
      'SELECT count(*)::int AS n FROM tickets WHERE $1::uuid IS NULL OR event_id = $1',
      [eventId ?? null],
    ),
    orders: await count(
      'SELECT count(*)::int AS n FROM orders WHERE $1::uuid IS NULL OR event_id = $1',
      [eventId ?? null],
    ),
    refunds: await count(
      `SELECT count(*)::int AS n FROM refunds r JOIN orders o ON o.id = r.order_id
       WHERE $1::uuid IS NULL OR o.event_id = $1`,
      [eventId ?? null],
    ),
    waitlist: await count(
      'SELECT count(*)::int AS n FROM waitlist_entries WHERE $1::uuid IS NULL OR event_id = $1',
      [eventId ?? null],
    ),
  });

  async function untilDone(index: MemoryIndexes, eventId: string | null, pageSize = 7) {
    // Bounded, so a reindex that never ends fails the test instead of hanging it.
    for (let steps = 1; steps <= 100; steps++) {
      const p = await reindexStep(t.server.db, index, eventId, { pageSize, pages: 2 });
      if (p.done) return { ...p, steps };
    }
    throw new Error('the reindex did not finish in 100 steps');
  }

  it('indexes every ticket, order, refund and waitlist entry once, in bounded bulk requests', async () => {
    const index = new MemoryIndexes();
    const result = await untilDone(index, null);
    const expected = await tables();
    expect(expected.refunds).toBe(2);
    expect(expected.waitlist).toBeGreaterThan(0);
    expect(index.tickets.size).toBe(expected.tickets);
    expect([...index.sent.values()].every((n) => n === 1)).toBe(true);
    expect({
      tickets: index.docs.tickets.size,
      orders: index.docs.orders.size,
      refunds: index.docs.refunds.size,
      waitlist: index.docs.waitlist.size,
    }).toEqual(expected);
    expect(Math.max(...index.bulkSizes)).toBeLessThanOrEqual(7);
    expect(result).toMatchObject({ scope: 'all', kind: null, done: true });
    expect(result.indexed).toBe(
      expected.tickets + expected.orders + expected.refunds + expected.waitlist,
    );
    // Two pages per step: it took several calls, each reporting where it stood.
    expect(result.steps).toBeGreaterThan(3);
  });

  it('resumes a reindex killed mid-way after its last recorded page: no ticket missed, one page twice', async () => {
    const killed = new MemoryIndexes(4);
    // The earlier run finished, so this one starts over, and dies in its 4th ticket page.
    await expect(
      reindexStep(t.server.db, killed, null, { pageSize: 7, pages: 1_000 }),
    ).rejects.toThrow('killed');
    expect(killed.tickets.size).toBe(28);

    const resumed = new MemoryIndexes();
    await untilDone(resumed, null);
    const all = await tables();
    // The page in flight when it died is sent again (it was not recorded), nothing else is.
    expect(resumed.tickets.size).toBe(all.tickets - 21);
    const sent = new Map(killed.sent);
    for (const [id, n] of resumed.sent) sent.set(id, (sent.get(id) ?? 0) + n);
    expect(sent.size).toBe(all.tickets);
    const twice = [...sent.values()].filter((n) => n === 2).length;
    expect(twice).toBe(7);
    expect(Math.max(...sent.values())).toBe(2);
  });

  it('reindexes only the named event when asked, reporting progress as it goes', async () => {
    const index = new MemoryIndexes();
    const first = await reindexStep(t.server.db, index, free.eventId, { pageSize: 2, pages: 1 });
    expect(first).toMatchObject({ scope: free.eventId, kind: 'tickets', indexed: 2, done: false });
    await untilDone(index, free.eventId, 2);
    const expected = await tables(free.eventId);
    expect(index.tickets.size).toBe(expected.tickets);
    expect([...index.tickets.values()].every((d) => d.eventId === free.eventId)).toBe(true);
    expect(index.docs.orders.size).toBe(expected.orders);
    expect((await index.attendees.search(free.eventId, 'Attendee', 50)).length).toBe(
      expected.tickets,
    );
  });

  it('refuses over HTTP when PostgreSQL is the index, and another organization’s event, changing nothing', async () => {
    const runs = () => count('SELECT count(*)::int AS n FROM search_reindex_runs');
    const before = await runs();
    await problemOf(
      await t.api('/api/v1/search/reindex', { body: { eventId: paid.eventId } }),
      409,
      'search_not_external',
    );
    await problemOf(
      await t.api('/api/v1/search/reindex', {
        body: { eventId: paid.eventId },
        token: await otherOrganizationToken(t, ['admin']),
      }),
      404,
      'event_not_found',
    );
    await problemOf(
      await t.api('/api/v1/search/reindex', { body: { eventId: 'not-an-id' } }),
      400,
      'validation_failed',
    );
    expect(await runs()).toBe(before);
  });
});

// With a cluster: an existing database (written without Elasticsearch) backfilled into it, then
// searched and reported from it like the database itself.
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
(elasticsearchUrl ? describe : describe.skip)(
  `search reindex into Elasticsearch${elasticsearchUrl ? '' : ' (skipped: ELASTICSEARCH_URL not set)'}`,
  () => {
    let t: TestServer;
    afterAll(async () => {
      await t?.stop();
    });

    it('makes tickets written before findable, and reports the same as the rollups', async () => {
      t = await startTestServer('pglite');
      const sale = await createSale(t, 1500);
      for (let i = 0; i < 9; i++) await register(t, sale, 1 + (i % 2));
      const suffix = randomBytes(4).toString('hex');
      const attendees = createElasticsearchSearchIndex(
        elasticsearchUrl!,
        `lanyard-test-attendees-${suffix}`,
      );
      const reports = createElasticsearchReports(
        elasticsearchUrl!,
        `lanyard-test-report-${suffix}`,
        t.server.db,
      );
      while (!(await reindexStep(t.server.db, { attendees, reports }, sale.eventId)).done);
      const hits = await attendees.search(sale.eventId, 'Attendee', 100);
      expect(hits).toHaveLength(
        await t.server.db
          .query<{ n: number }>('SELECT count(*)::int AS n FROM tickets WHERE event_id = $1', [
            sale.eventId,
          ])
          .then((r) => r.rows[0]!.n),
      );
      const rollups = createPostgresReportSource(t.server.db);
      expect(await reports.ordersByStatus(sale.eventId)).toEqual(
        await rollups.ordersByStatus(sale.eventId),
      );
      expect(await reports.attendance(sale.eventId)).toEqual(
        await rollups.attendance(sale.eventId),
      );
    });
  },
);
