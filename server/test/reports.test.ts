import type { SearchIndex } from '../src/features/attendee-search/search-index.js';
import { createPostgresReportSource } from '../src/features/reports/postgres-source.js';
import type { ReportSource } from '../src/features/reports/report-source.js';
import { REPORT_KINDS, type Bucket, type ReportKind } from '../src/features/reports/schema.js';
import { foldReportDeltas, getReport } from '../src/features/reports/service.js';
import { MemoryReports } from '../src/features/reports/test-support/memory-reports.js';
import { reindexStep } from '../src/features/search-reindex/reindex.js';
import type { DbKind } from '../src/test-support/databases.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  createEvent,
  createTicketType,
  json,
  otherOrganizationToken,
  registerRaw,
} from './registration-fixtures.js';

// The ReportSource contract: reports on a generated event, checked against figures this test
// computes itself from the raw rows (orders, tickets, scans, refunds, waitlist), for every
// adapter: the PostgreSQL rollups (on PGlite and PostgreSQL) and Elasticsearch aggregations;
// without a cluster, also the figures the Elasticsearch adapter asks for computed in memory from
// the documents the reindex produces, through the same statements (test-support/memory-reports.ts).
// The event is in Asia/Calcutta (UTC+5:30), so a local day starts at 18:30 UTC and an hour
// bucket at :30.

const TZ = 'Asia/Calcutta';
type Row = Record<string, string | number | null>;
interface Report {
  kind: string;
  timezone: string;
  columns: string[];
  rows: Row[];
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const localDay = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

function add(m: Map<string, number>, k: string, n: number) {
  m.set(k, (m.get(k) ?? 0) + n);
}

interface Adapter {
  name: string;
  db: DbKind;
  env?: Record<string, string>;
  /** Brings the adapter's documents up to the database (the setup writes some rows directly). */
  catchUp?: (t: TestServer) => Promise<void>;
  /** A source the server does not answer from, called directly; fed once the setup is done. */
  direct?: (t: TestServer) => ReportSource & { catchUp(): Promise<void> };
}

// The reindex needs an attendee index too; the in-memory run looks at reports only.
const NO_SEARCH: SearchIndex = { index: async () => {}, search: async () => [] };

/** `lanyard search reindex`, as the CLI runs it: steps until done. */
async function reindexAll(t: TestServer): Promise<void> {
  for (;;) {
    const step = await json<{ done: boolean }>(
      await t.api('/api/v1/search/reindex', { body: {} }),
      200,
    );
    if (step.done) return;
  }
}

const adapters: Adapter[] = [
  { name: 'PostgreSQL rollups on PGlite', db: 'pglite' },
  { name: 'PostgreSQL rollups', db: 'postgres' },
];
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
const elasticsearch: Adapter = {
  name: 'Elasticsearch aggregations',
  db: 'pglite',
  env: { ELASTICSEARCH_URL: elasticsearchUrl ?? '' },
  catchUp: reindexAll,
};

const inMemory: Adapter = {
  name: 'Elasticsearch figures aggregated in memory from the reindexed documents',
  db: 'pglite',
  direct: (t) => {
    const memory = new MemoryReports(t.server.db);
    return Object.assign(memory, {
      async catchUp() {
        const targets = { attendees: NO_SEARCH, reports: memory };
        while (!(await reindexStep(t.server.db, targets, null)).done);
      },
    });
  },
};

for (const adapter of [...adapters, inMemory]) contract(adapter);
// Without a cluster the real contract tests are listed as skipped, with the reason in their name
// (scripts/run-tests.mjs lets only Kafka and Elasticsearch tests skip).
contract(elasticsearch, elasticsearchUrl ? undefined : 'ELASTICSEARCH_URL not set');

function contract(adapter: Adapter, skipped?: string) {
  const kind = adapter.db;
  const suite = skipped ? describe.skip : describe;
  suite(`ReportSource contract: ${adapter.name}${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
    let t: TestServer;
    let eventId: string;
    const types: Record<string, string> = {};
    let diet: string;
    let newsletter: string;
    let partnerCode: string;

    let direct: ReturnType<NonNullable<Adapter['direct']>> | undefined;
    const db = () => t.server.db;
    const principal = async () => ({
      subject: 'test',
      clientId: undefined,
      organizationId: (
        await db().query<{ id: string }>('SELECT organization_id AS id FROM events WHERE id = $1', [
          eventId,
        ])
      ).rows[0]!.id,
      scopes: new Set<string>(),
    });
    const report = async (k: string, query = ''): Promise<Report> => {
      if (!direct)
        return json<Report>(await t.api(`/api/v1/events/${eventId}/reports/${k}${query}`), 200);
      const q = new URLSearchParams(query.replace(/^\?/, ''));
      return getReport(
        db(),
        direct,
        await principal(),
        eventId,
        k as ReportKind,
        (q.get('bucket') ?? 'day') as Bucket,
        { from: q.get('from') ?? undefined, to: q.get('to') ?? undefined },
      );
    };

    beforeAll(async () => {
      t = await startTestServer(kind, adapter.env);
      eventId = (await createEvent(t, { timezone: TZ })).id;
      types.early = await createTicketType(t, eventId, {
        name: 'Early',
        priceCents: 5000,
        quantity: 500,
      });
      types.regular = await createTicketType(t, eventId, {
        name: 'Regular',
        priceCents: 9900,
        quantity: 500,
      });
      types.tiny = await createTicketType(t, eventId, { name: 'Tiny', priceCents: 0, quantity: 2 });
      const question = async (body: Record<string, unknown>) =>
        (
          await json<{ id: string }>(
            await t.api(`/api/v1/events/${eventId}/questions`, { body }),
            201,
          )
        ).id;
      diet = await question({
        label: 'Diet',
        kind: 'choice',
        options: ['Vegan', 'Vegetarian', 'Omnivore', 'Raw'],
      });
      newsletter = await question({ label: 'Newsletter', kind: 'checkbox' });
      await question({ label: 'Company', kind: 'text' });
      await json(
        await t.api(`/api/v1/events/${eventId}/promo-codes`, {
          body: { code: 'SAVE10', discountKind: 'percent', discountValue: 10 },
        }),
        201,
      );
      partnerCode = (
        await json<{ id: string }>(
          await t.api(`/api/v1/events/${eventId}/promo-codes`, { body: { code: 'PARTNER' } }),
          201,
        )
      ).id;

      const rnd = random(kind === 'pglite' ? 7 : 11);
      const tokens: string[] = [];
      const orderIds: string[] = [];
      for (let i = 0; i < 60; i++) {
        const r = rnd();
        const body: Record<string, unknown> = {
          ticketTypeId: rnd() < 0.5 ? types.early : types.regular,
          quantity: 1 + Math.floor(rnd() * 3),
          attendee: { name: `Guest ${i}`, email: `guest-${i}@example.org` },
          answers: {
            [diet]: ['Vegan', 'Vegetarian', 'Omnivore'][Math.floor(rnd() * 3)],
            ...(rnd() < 0.7 ? { [newsletter]: rnd() < 0.5 } : {}),
          },
          ...(r < 0.15 ? { promoCode: 'SAVE10' } : r < 0.3 ? { promoCode: 'PARTNER' } : {}),
        };
        const order = await json<{ id: string; tickets: { token: string }[] }>(
          await registerRaw(t, eventId, body),
          201,
        );
        orderIds.push(order.id);
        tokens.push(...order.tickets.map((x) => x.token));
      }
      // Half the time an order is paid, a tenth cancelled, the rest left pending.
      for (const id of orderIds) {
        const r = rnd();
        if (r < 0.75) await json(await t.api(`/api/v1/orders/${id}/mark-paid`, { body: {} }), 200);
        else if (r < 0.85)
          await json(await t.api(`/api/v1/orders/${id}/cancel`, { body: {} }), 200);
      }
      // Folded once here, so later changes meet rows in the rollups as well as new deltas.
      await foldReportDeltas(db());
      const paid = (
        await db().query<{ id: string; total_cents: string }>(
          `SELECT id, total_cents::text FROM orders WHERE event_id = $1 AND status = 'confirmed'
         AND total_cents > 0 ORDER BY id LIMIT 3`,
          [eventId],
        )
      ).rows;
      for (const o of paid)
        await json(
          await t.api(`/api/v1/orders/${o.id}/refunds`, {
            body: { amountCents: Math.floor(Number(o.total_cents) / 2) },
          }),
          201,
        );
      await json(
        await t.api(`/api/v1/events/${eventId}/attendees/import`, {
          body: {
            rows: Array.from({ length: 15 }, (_, i) => ({
              line: i + 2,
              name: `Imported ${i}`,
              email: `imported-${i}@example.org`,
              ticketType: 'Early',
              answers: { [diet]: 'Raw' },
            })),
          },
        }),
        200,
      );
      for (let i = 0; i < 5; i++) {
        const res = await registerRaw(t, eventId, {
          ticketTypeId: types.tiny,
          quantity: 1,
          attendee: { name: `Tiny ${i}`, email: `tiny-${i}@example.org` },
          joinWaitlist: true,
        });
        expect([201, 202]).toContain(res.status);
      }
      // Spread the sales over ten days (a writer moving orders in time is an UPDATE like any other).
      await db().query(
        `UPDATE orders SET created_at = timestamptz '2027-03-01T00:00:00Z'
         + (abs(hashtext(id::text)) % 864000) * interval '1 second'
       WHERE event_id = $1`,
        [eventId],
      );
      // Scan every third valid ticket, one of them twice; then revoke one that was admitted.
      const valid = new Set(
        (
          await db().query<{ token: string }>(
            `SELECT token FROM tickets WHERE event_id = $1 AND status = 'valid'`,
            [eventId],
          )
        ).rows.map((r) => r.token),
      );
      const scanned = tokens.filter((tok) => valid.has(tok)).filter((_, i) => i % 3 === 0);
      for (const [i, token] of [...scanned, scanned[0]!].entries())
        await json(
          await t.api(`/api/v1/events/${eventId}/checkins`, {
            body: { token, gate: i % 2 ? 'North' : 'South' },
          }),
          200,
        );
      const admittedTicket = (
        await db().query<{ id: string }>(
          `SELECT ticket_id AS id FROM checkin_scans WHERE event_id = $1 AND result = 'admitted' LIMIT 1`,
          [eventId],
        )
      ).rows[0]!.id;
      await json(await t.api(`/api/v1/tickets/${admittedTicket}/revoke`, { body: {} }), 200);
      await adapter.catchUp?.(t);
      direct = adapter.direct?.(t);
      await direct?.catchUp();
    }, 120_000);
    afterAll(async () => {
      await t?.stop();
    });

    async function expectSalesPerDayMatchRawOrders() {
      const raw = (
        await db().query<{
          created_at: Date;
          quantity: number;
          total_cents: string;
          refunded_cents: string;
          channel: string;
        }>(
          `SELECT o.created_at, o.quantity, o.total_cents::text, o.refunded_cents::text,
                CASE WHEN EXISTS (SELECT 1 FROM tickets t JOIN ticket_history h ON h.ticket_id = t.id
                                  WHERE t.order_id = o.id AND h.details ->> 'source' = 'import') THEN 'import'
                     WHEN o.promo_code_id = $2 THEN 'access_code' ELSE 'portal' END AS channel
         FROM orders o WHERE o.event_id = $1 AND o.status = 'confirmed'`,
          [eventId, partnerCode],
        )
      ).rows;
      const tickets = new Map<string, number>();
      const revenue = new Map<string, number>();
      const byChannel = new Map<string, number>();
      for (const o of raw) {
        add(tickets, localDay(o.created_at), o.quantity);
        add(revenue, localDay(o.created_at), Number(o.total_cents) - Number(o.refunded_cents));
        add(byChannel, o.channel, o.quantity);
      }
      const sales = await report('sales', '?bucket=day');
      expect(sales.timezone).toBe(TZ);
      const got = { tickets: new Map<string, number>(), revenue: new Map<string, number>() };
      const gotChannel = new Map<string, number>();
      for (const r of sales.rows) {
        const day = String(r.bucket).slice(0, 10);
        // The bucket starts at the local midnight.
        expect(localDay(new Date(String(r.bucket_start)))).toBe(day);
        expect(new Date(String(r.bucket_start)).getUTCMinutes()).toBe(30);
        add(got.tickets, day, Number(r.tickets));
        add(got.revenue, day, Number(r.revenue_cents));
        add(gotChannel, String(r.channel), Number(r.tickets));
      }
      expect(tickets.size).toBeGreaterThan(5);
      expect(Object.fromEntries(got.tickets)).toEqual(Object.fromEntries(tickets));
      expect(Object.fromEntries(got.revenue)).toEqual(Object.fromEntries(revenue));
      expect(Object.fromEntries(gotChannel)).toEqual(Object.fromEntries(byChannel));
      expect([...byChannel.keys()].sort()).toEqual(['access_code', 'import', 'portal']);
    }

    it('counts tickets and revenue per local day and per channel as the raw orders say', async () => {
      await expectSalesPerDayMatchRawOrders();
    });

    it('stays exact once the waiting deltas are folded into the rollups', async () => {
      const before = await report('sales', '?bucket=week');
      await foldReportDeltas(db());
      const pending = await db().query<{ n: number }>(
        'SELECT count(*)::int AS n FROM report_order_deltas WHERE event_id = $1',
        [eventId],
      );
      expect(pending.rows[0]!.n).toBe(0);
      expect((await report('sales', '?bucket=week')).rows).toEqual(before.rows);
      await expectSalesPerDayMatchRawOrders();
    });

    it('buckets by local hour and by local week (weeks start on Monday)', async () => {
      const hourly = await report('sales', '?bucket=hour');
      const weekly = await report('sales', '?bucket=week');
      const sum = (r: Report) => r.rows.reduce((n, x) => n + Number(x.tickets), 0);
      expect(sum(hourly)).toBe(sum(weekly));
      for (const r of weekly.rows) {
        const start = new Date(String(r.bucket_start));
        const weekday = new Intl.DateTimeFormat('en-US', { timeZone: TZ, weekday: 'short' }).format(
          start,
        );
        expect(weekday).toBe('Mon');
      }
      for (const r of hourly.rows) expect(String(r.bucket)).toMatch(/T\d\d:00$/);
    });

    it('counts orders by status, refunds, and code use as the raw rows say', async () => {
      const statuses = (
        await db().query<{ status: string; n: number; tickets: number }>(
          `SELECT status, count(*)::int AS n, sum(quantity)::int AS tickets FROM orders
         WHERE event_id = $1 GROUP BY status`,
          [eventId],
        )
      ).rows;
      const byStatus = await report('orders-by-status');
      for (const s of statuses) {
        const row = byStatus.rows.find((r) => r.status === s.status)!;
        expect([row.orders, row.tickets]).toEqual([s.n, s.tickets]);
      }
      const refunds = (
        await db().query<{ n: number; cents: string }>(
          `SELECT count(*)::int AS n, sum(r.amount_cents)::text AS cents FROM refunds r
         JOIN orders o ON o.id = r.order_id WHERE o.event_id = $1`,
          [eventId],
        )
      ).rows[0]!;
      const refundReport = await report('refunds');
      expect(refundReport.rows.reduce((n, r) => n + Number(r.refunds), 0)).toBe(3);
      expect(refundReport.rows.reduce((n, r) => n + Number(r.amount_cents), 0)).toBe(
        Number(refunds.cents),
      );
      const codes = await report('promo-codes');
      const partnerOrders = (
        await db().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM orders WHERE promo_code_id = $1 AND status = 'confirmed'`,
          [partnerCode],
        )
      ).rows[0]!.n;
      const partner = codes.rows.find((r) => r.code === 'PARTNER')!;
      expect(partner.kind).toBe('access');
      expect(partner.orders).toBe(partnerOrders);
      expect(codes.rows.find((r) => r.code === 'SAVE10')!.kind).toBe('promo');
    });

    it('counts each choice answered by confirmed orders, options nobody chose included', async () => {
      const raw = (
        await db().query<{ answers: Record<string, unknown> }>(
          `SELECT answers FROM orders WHERE event_id = $1 AND status = 'confirmed'`,
          [eventId],
        )
      ).rows;
      const expected = new Map<string, number>();
      for (const o of raw)
        for (const [q, v] of Object.entries(o.answers))
          if (q === diet || q === newsletter) add(expected, `${q}:${String(v)}`, 1);
      const answers = await report('answers');
      const got = new Map<string, number>();
      for (const r of answers.rows)
        if (Number(r.orders) > 0)
          add(got, `${String(r.question_id)}:${String(r.answer)}`, Number(r.orders));
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
      expect(answers.rows.map((r) => r.question)).not.toContain('Company');
      expect(answers.rows.filter((r) => r.question === 'Diet').map((r) => r.answer)).toEqual([
        'Vegan',
        'Vegetarian',
        'Omnivore',
        'Raw',
      ]);
    });

    it('counts no-shows as valid tickets never admitted, a revoked admission left out', async () => {
      const raw = (
        await db().query<{ type: string; registered: number; admitted: number }>(
          `SELECT t.ticket_type_id AS type, count(*)::int AS registered,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM checkin_scans s WHERE s.ticket_id = t.id
                  AND s.result = 'admitted' AND s.direction = 'entry'))::int AS admitted
         FROM tickets t WHERE t.event_id = $1 AND t.status = 'valid' GROUP BY 1`,
          [eventId],
        )
      ).rows;
      const noShows = await report('no-shows');
      for (const r of raw) {
        const row = noShows.rows.find((x) => x.ticket_type_id === r.type)!;
        expect([row.registered, row.admitted, row.no_shows]).toEqual([
          r.registered,
          r.admitted,
          r.registered - r.admitted,
        ]);
      }
      const total = noShows.rows.at(-1)!;
      expect(total.ticket_type).toBe('Total');
      expect(total.admitted).toBe(raw.reduce((n, r) => n + r.admitted, 0));
      expect(Number(total.admitted)).toBeGreaterThan(5);
    });

    it('reports the waitlist’s length and conversion', async () => {
      const w = await report('waitlist');
      const tiny = w.rows.find((r) => r.ticket_type_id === types.tiny)!;
      expect([tiny.waiting, tiny.joined, tiny.claimed, tiny.conversion]).toEqual([3, 3, 0, 0]);
    });

    it('answers CSV when asked by Accept or ?format=csv, with the JSON columns as header', async () => {
      const json1 = await report('sales');
      for (const init of [{ headers: { accept: 'text/csv' } }, {}]) {
        const q = 'headers' in init ? '' : '?format=csv';
        const res = await t.api(`/api/v1/events/${eventId}/reports/sales${q}`, init);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
        const lines = (await res.text()).split('\r\n').filter(Boolean);
        expect(lines[0]).toBe(json1.columns.join(','));
        expect(lines).toHaveLength(json1.rows.length + 1);
      }
    });

    it('refuses an unknown kind or bucket with 400, and another organization’s event with 404', async () => {
      const bad = await t.api(`/api/v1/events/${eventId}/reports/everything`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { code: string }).code).toBe('validation_failed');
      expect((await t.api(`/api/v1/events/${eventId}/reports/sales?bucket=month`)).status).toBe(
        400,
      );
      const other = await t.api(`/api/v1/events/${eventId}/reports/sales`, {
        token: await otherOrganizationToken(t),
      });
      expect(other.status).toBe(404);
    });

    if (adapter.catchUp || adapter.direct)
      it('gives the same rows as the PostgreSQL rollups, for every kind and bucket', async () => {
        const rollups = createPostgresReportSource(db());
        const window = { from: '2027-03-02T00:00:00Z', to: '2027-03-09T10:20:00Z' };
        for (const k of REPORT_KINDS)
          for (const bucket of ['hour', 'day', 'week'] as const)
            for (const w of [{}, window]) {
              const q = new URLSearchParams({ bucket, ...w }).toString();
              const fromAdapter = await report(k, `?${q}`);
              const expected = await getReport(
                db(),
                rollups,
                await principal(),
                eventId,
                k,
                bucket,
                w,
              );
              expect(fromAdapter.rows).toEqual(expected.rows);
              if (w !== window) expect(fromAdapter.rows.length).toBeGreaterThan(0);
            }
      });
  });
}

describe('reports under concurrent registrations [postgres]', () => {
  let t: TestServer;
  afterAll(async () => {
    await t?.stop();
  });

  it('loses no sale while registrations and folds run at the same time', async () => {
    t = await startTestServer('postgres');
    const eventId = (await createEvent(t)).id;
    const typeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
    let folding = true;
    const folds = (async () => {
      while (folding) await foldReportDeltas(t.server.db, 5);
    })();
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        registerRaw(t, eventId, {
          ticketTypeId: typeId,
          quantity: 1 + (i % 2),
          attendee: { name: `R ${i}`, email: `r-${i}@example.org` },
        }),
      ),
    );
    folding = false;
    await folds;
    expect(results.every((r) => r.status === 201)).toBe(true);
    const sales = await json<Report>(await t.api(`/api/v1/events/${eventId}/reports/sales`), 200);
    expect(sales.rows.reduce((n, r) => n + Number(r.tickets), 0)).toBe(180);
    expect(sales.rows.reduce((n, r) => n + Number(r.orders), 0)).toBe(120);
  }, 60_000);
});
