import type { Client, estypes } from '@elastic/elasticsearch';
import type { Queryable } from '../../platform/db/db.js';
import { bulk, createIndex, elasticsearch } from '../../platform/search/elasticsearch-writes.js';
import type { DocumentKind, ReportDocuments, ReportIndex } from './report-documents.js';
import type { ReportSource } from './report-source.js';
import type { Bucket } from './schema.js';
import * as store from './store.js';

// Composite buckets per request while paging through an aggregation.
const PAGE = 1_000;

const keyword = { type: 'keyword' } as const;
const long = { type: 'long' } as const;
const date = { type: 'date' } as const;
const MAPPINGS: Record<DocumentKind, Record<string, estypes.MappingProperty>> = {
  orders: {
    orderId: keyword,
    eventId: keyword,
    ticketTypeId: keyword,
    channel: keyword,
    status: keyword,
    promoCodeId: keyword,
    createdAt: date,
    quantity: long,
    totalCents: long,
    discountCents: long,
    refundedCents: long,
    answers: keyword,
  },
  refunds: {
    refundId: keyword,
    orderId: keyword,
    eventId: keyword,
    createdAt: date,
    amountCents: long,
  },
  tickets: {
    ticketId: keyword,
    eventId: keyword,
    ticketTypeId: keyword,
    status: keyword,
    admitted: { type: 'boolean' },
  },
  waitlist: { entryId: keyword, eventId: keyword, ticketTypeId: keyword, status: keyword },
};
const KEY: { [k in DocumentKind]: (doc: ReportDocuments[k][number]) => string } = {
  orders: (d) => d.orderId,
  refunds: (d) => d.refundId,
  tickets: (d) => d.ticketId,
  waitlist: (d) => d.entryId,
};

/** Index names of each document kind under a prefix (`lanyard-report` on a server). */
export const reportIndexNames = (prefix: string): Record<DocumentKind, string> => ({
  orders: `${prefix}-orders`,
  refunds: `${prefix}-refunds`,
  tickets: `${prefix}-tickets`,
  waitlist: `${prefix}-waitlist`,
});

/**
 * Reports from Elasticsearch: one document per order, refund, ticket and waitlist entry (fed by
 * the report indexer and `lanyard search reindex`), figures from aggregations over them. Names,
 * options and order come from the catalog in PostgreSQL through the same statements as the
 * default source (store.ts, `...From`), so both give the same rows. Time buckets: date_histogram
 * with calendar_interval and the event's time_zone; store.ts turns each bucket's start back into
 * local time, which also merges the two hours of a DST fall-back as PostgreSQL does.
 */
export function createElasticsearchReports(
  url: string,
  prefix: string,
  db: Queryable,
): ReportSource & ReportIndex {
  const names = reportIndexNames(prefix);
  let ready: Promise<Client> | undefined;
  const connect = () =>
    (ready ??= elasticsearch().then(async ({ Client }) => {
      const client = new Client({ node: url });
      for (const kind of Object.keys(names) as DocumentKind[])
        await createIndex(client, {
          index: names[kind],
          mappings: { dynamic: 'strict', properties: MAPPINGS[kind] },
        });
      return client;
    }));

  const all = async (
    kind: DocumentKind,
    filter: estypes.QueryDslQueryContainer[],
    sources: Record<string, estypes.AggregationsCompositeAggregationSource>[],
    aggs: Record<string, estypes.AggregationsAggregationContainer> = {},
  ) => composite(await connect(), names[kind], filter, sources, aggs);

  return {
    async index(documents) {
      const operations = (Object.keys(names) as DocumentKind[]).flatMap((kind) =>
        (documents[kind] ?? []).flatMap((doc) => [
          { index: { _index: names[kind], _id: (KEY[kind] as (d: unknown) => string)(doc) } },
          doc,
        ]),
      );
      if (operations.length > 0) await bulk(await connect(), operations);
    },

    async sales(eventId, bucket, tz, w) {
      const rows = await all(
        'orders',
        [term('eventId', eventId), term('status', 'confirmed'), ...window(w)],
        [
          localBucket(bucket, tz),
          terms('ticket_type_id', 'ticketTypeId'),
          terms('channel', 'channel'),
        ],
        { tickets: sum('quantity'), total: sum('totalCents'), refunded: sum('refundedCents') },
      );
      const figures = rows.map((b) => ({
        slot: new Date(Number(b.key.slot)).toISOString(),
        ticket_type_id: String(b.key.ticket_type_id),
        channel: String(b.key.channel),
        orders: b.doc_count,
        tickets: value(b, 'tickets'),
        revenue: value(b, 'total') - value(b, 'refunded'),
      }));
      return store.salesRowsFrom(db, figures, bucket, tz);
    },

    async ordersByStatus(eventId) {
      const rows = await all('orders', [term('eventId', eventId)], [terms('status', 'status')], {
        tickets: sum('quantity'),
        total: sum('totalCents'),
        refunded: sum('refundedCents'),
      });
      const figures = rows.map((b) => ({
        status: String(b.key.status),
        orders: b.doc_count,
        tickets: value(b, 'tickets'),
        total_cents: value(b, 'total'),
        refunded_cents: value(b, 'refunded'),
      }));
      return store.ordersByStatusRowsFrom(db, figures);
    },

    async refunds(eventId, bucket, tz, w) {
      const rows = await all(
        'refunds',
        [term('eventId', eventId), ...window(w)],
        [localBucket(bucket, tz)],
        { amount: sum('amountCents') },
      );
      const figures = rows.map((b) => ({
        slot: new Date(Number(b.key.slot)).toISOString(),
        refunds: b.doc_count,
        amount_cents: value(b, 'amount'),
      }));
      return store.refundRowsFrom(db, figures, bucket, tz);
    },

    async promoCodes(eventId) {
      // Every code any order holds counts as used; the sums are of confirmed orders only.
      const rows = await all(
        'orders',
        [term('eventId', eventId), { exists: { field: 'promoCodeId' } }],
        [terms('promo_code_id', 'promoCodeId')],
        {
          confirmed: {
            filter: term('status', 'confirmed'),
            aggs: {
              tickets: sum('quantity'),
              discount: sum('discountCents'),
              total: sum('totalCents'),
              refunded: sum('refundedCents'),
            },
          },
        },
      );
      const figures = rows.map((b) => {
        const c = b.confirmed as unknown as AggBucket;
        return {
          promo_code_id: String(b.key.promo_code_id),
          orders: c.doc_count,
          tickets: value(c, 'tickets'),
          discount_cents: value(c, 'discount'),
          revenue_cents: value(c, 'total') - value(c, 'refunded'),
        };
      });
      return store.promoCodeRowsFrom(db, eventId, figures);
    },

    async answers(eventId) {
      const rows = await all(
        'orders',
        [term('eventId', eventId), term('status', 'confirmed')],
        [terms('answer', 'answers')],
      );
      const figures = rows.map((b) => {
        const pair = String(b.key.answer);
        const at = pair.indexOf(':');
        return {
          question_id: pair.slice(0, at),
          answer: pair.slice(at + 1),
          orders: b.doc_count,
        };
      });
      return store.answerRowsFrom(db, eventId, figures);
    },

    async waitlist(eventId) {
      const rows = await all(
        'waitlist',
        [term('eventId', eventId)],
        [terms('ticket_type_id', 'ticketTypeId'), terms('status', 'status')],
      );
      const figures = rows.map((b) => ({
        ticket_type_id: String(b.key.ticket_type_id),
        status: String(b.key.status),
        entries: b.doc_count,
      }));
      return store.waitlistRowsFrom(db, figures);
    },

    async attendance(eventId) {
      const rows = await all(
        'tickets',
        [term('eventId', eventId), term('status', 'valid')],
        [terms('ticket_type_id', 'ticketTypeId')],
        { admitted: { filter: term('admitted', true) } },
      );
      const figures = rows.map((b) => ({
        ticket_type_id: String(b.key.ticket_type_id),
        valid_tickets: b.doc_count,
        admitted_tickets: (b.admitted as unknown as AggBucket).doc_count,
      }));
      return store.attendanceRowsFrom(db, eventId, figures);
    },
  };
}

type AggBucket = estypes.AggregationsCompositeBucket;

const term = (field: string, v: string | boolean): estypes.QueryDslQueryContainer => ({
  term: { [field]: v },
});
const terms = (name: string, field: string) => ({ [name]: { terms: { field } } });
const sum = (field: string): estypes.AggregationsAggregationContainer => ({ sum: { field } });
const value = (b: AggBucket, name: string) =>
  Math.round((b[name] as estypes.AggregationsSumAggregate | undefined)?.value ?? 0);

// Local hour, day or week (weeks start on Monday, as date_trunc's do), keyed by its start instant.
const localBucket = (bucket: Bucket, tz: string) => ({
  slot: { date_histogram: { field: 'createdAt', calendar_interval: bucket, time_zone: tz } },
});

// The window's ends rounded down to 15 minutes, as report_slot15 does for the rollups.
const slot15 = (d: Date) => new Date(Math.floor(d.getTime() / 900_000) * 900_000).toISOString();
function window(w: store.Window): estypes.QueryDslQueryContainer[] {
  if (!w.from && !w.to) return [];
  return [
    {
      range: {
        createdAt: {
          ...(w.from ? { gte: slot15(w.from) } : {}),
          ...(w.to ? { lt: slot15(w.to) } : {}),
        },
      },
    },
  ];
}

/** Every bucket of a composite aggregation, page after page. */
async function composite(
  client: Client,
  index: string,
  filter: estypes.QueryDslQueryContainer[],
  sources: Record<string, estypes.AggregationsCompositeAggregationSource>[],
  aggs: Record<string, estypes.AggregationsAggregationContainer>,
): Promise<AggBucket[]> {
  const out: AggBucket[] = [];
  let after: estypes.AggregationsCompositeAggregateKey | undefined;
  do {
    const res = await client.search({
      index,
      size: 0,
      query: { bool: { filter } },
      aggs: { c: { composite: { size: PAGE, sources, ...(after ? { after } : {}) }, aggs } },
    });
    const c = res.aggregations?.c as estypes.AggregationsCompositeAggregate | undefined;
    const buckets = (c?.buckets ?? []) as AggBucket[];
    out.push(...buckets);
    after = buckets.length === PAGE ? c?.after_key : undefined;
  } while (after);
  return out;
}
