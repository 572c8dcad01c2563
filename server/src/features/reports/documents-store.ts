import type { Queryable } from '../../platform/db/db.js';
import type {
  DocumentKind,
  OrderDocument,
  RefundDocument,
  ReportDocuments,
  TicketDocument,
  WaitlistDocument,
} from './report-documents.js';

// The SQL that reads report documents (report-documents.ts) as the rows are now, by id, and the
// ids of a table in key order for a backfill. Money is bigint: read as text, sent as numbers.

const ORDERS = `
SELECT o.id AS "orderId", o.event_id AS "eventId", o.ticket_type_id AS "ticketTypeId", o.channel,
       o.status, o.promo_code_id AS "promoCodeId", o.created_at AS "createdAt", o.quantity,
       o.total_cents::text AS "totalCents", o.discount_cents::text AS "discountCents",
       o.refunded_cents::text AS "refundedCents",
       ARRAY(SELECT q.id || ':' || a.value FROM jsonb_each_text(o.answers) a
             JOIN questions q ON q.id::text = a.key AND q.kind IN ('choice', 'checkbox')
             ORDER BY 1) AS answers
FROM orders o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id`;

const REFUNDS = `
SELECT r.id AS "refundId", r.order_id AS "orderId", o.event_id AS "eventId",
       r.created_at AS "createdAt", r.amount_cents::text AS "amountCents"
FROM refunds r JOIN orders o ON o.id = r.order_id
WHERE r.id = ANY($1::uuid[]) OR r.order_id = ANY($2::uuid[]) ORDER BY r.id`;

const TICKETS = `
SELECT t.id AS "ticketId", t.event_id AS "eventId", t.ticket_type_id AS "ticketTypeId", t.status,
       EXISTS (SELECT 1 FROM report_admitted_tickets a WHERE a.ticket_id = t.id) AS admitted
FROM tickets t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id`;

const WAITLIST = `
SELECT w.id AS "entryId", w.event_id AS "eventId", w.ticket_type_id AS "ticketTypeId", w.status
FROM waitlist_entries w WHERE w.id = ANY($1::uuid[]) OR w.event_id = ANY($2::uuid[]) ORDER BY w.id`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export async function orderDocuments(
  db: Queryable,
  orderIds: readonly string[],
): Promise<OrderDocument[]> {
  if (orderIds.length === 0) return [];
  const { rows } = await db.query<Record<string, unknown>>(ORDERS, [orderIds]);
  return rows.map((r) => ({
    ...(r as unknown as OrderDocument),
    createdAt: iso(r.createdAt),
    totalCents: Number(r.totalCents),
    discountCents: Number(r.discountCents),
    refundedCents: Number(r.refundedCents),
  }));
}

/** Refunds by id, and every refund of the given orders. */
export async function refundDocuments(
  db: Queryable,
  refundIds: readonly string[],
  orderIds: readonly string[] = [],
): Promise<RefundDocument[]> {
  if (refundIds.length === 0 && orderIds.length === 0) return [];
  const { rows } = await db.query<Record<string, unknown>>(REFUNDS, [refundIds, orderIds]);
  return rows.map((r) => ({
    ...(r as unknown as RefundDocument),
    createdAt: iso(r.createdAt),
    amountCents: Number(r.amountCents),
  }));
}

export async function ticketDocuments(
  db: Queryable,
  ticketIds: readonly string[],
): Promise<TicketDocument[]> {
  if (ticketIds.length === 0) return [];
  return (await db.query<TicketDocument & Record<string, unknown>>(TICKETS, [ticketIds])).rows;
}

/** Waitlist entries by id, and every entry of the given events. */
export async function waitlistDocuments(
  db: Queryable,
  entryIds: readonly string[],
  eventIds: readonly string[] = [],
): Promise<WaitlistDocument[]> {
  if (entryIds.length === 0 && eventIds.length === 0) return [];
  const { rows } = await db.query<WaitlistDocument & Record<string, unknown>>(WAITLIST, [
    entryIds,
    eventIds,
  ]);
  return rows;
}

/** The documents of one kind with these ids. */
export async function documentsOf<K extends DocumentKind>(
  db: Queryable,
  kind: K,
  ids: readonly string[],
): Promise<ReportDocuments[K]> {
  const read: { [k in DocumentKind]: () => Promise<ReportDocuments[k]> } = {
    orders: () => orderDocuments(db, ids),
    refunds: () => refundDocuments(db, ids),
    tickets: () => ticketDocuments(db, ids),
    waitlist: () => waitlistDocuments(db, ids),
  };
  return read[kind]() as Promise<ReportDocuments[K]>;
}

// Each kind's table and how a row names its event (a refund through its order).
const PAGES: Record<DocumentKind, string> = {
  tickets: 'SELECT x.id FROM tickets x WHERE ($1::uuid IS NULL OR x.event_id = $1)',
  orders: 'SELECT x.id FROM orders x WHERE ($1::uuid IS NULL OR x.event_id = $1)',
  refunds: `SELECT x.id FROM refunds x JOIN orders o ON o.id = x.order_id
            WHERE ($1::uuid IS NULL OR o.event_id = $1)`,
  waitlist: 'SELECT x.id FROM waitlist_entries x WHERE ($1::uuid IS NULL OR x.event_id = $1)',
};

/** The next `limit` ids of a kind after `after` in key order, of one event or all. */
export async function nextIds(
  db: Queryable,
  kind: DocumentKind,
  eventId: string | null,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `${PAGES[kind]} AND ($2::uuid IS NULL OR x.id > $2) ORDER BY x.id LIMIT $3`,
    [eventId, after, limit],
  );
  return rows.map((r) => r.id);
}

/** Orders named directly, and the orders of these tickets. */
export async function ordersOf(
  db: Queryable,
  orderIds: readonly string[],
  ticketIds: readonly string[],
): Promise<string[]> {
  if (orderIds.length === 0 && ticketIds.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM orders WHERE id = ANY($1::uuid[])
     UNION SELECT order_id FROM tickets WHERE id = ANY($2::uuid[]) ORDER BY 1`,
    [orderIds, ticketIds],
  );
  return rows.map((r) => r.id);
}

/** Records that this server keeps an index outside PostgreSQL (migration 0026). */
export async function registerSearchFeed(db: Queryable, name: string): Promise<void> {
  await db.query('INSERT INTO search_feeds (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
}
