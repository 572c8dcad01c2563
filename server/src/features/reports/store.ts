import type { Queryable } from '../../platform/db/db.js';
import type { Bucket } from './schema.js';

// The SQL of reports. Every figure reads a rollup (migration 0022) UNION ALL the deltas the fold
// job has not moved into it yet, in one statement, so a report is exact at its snapshot whatever
// the fold's lag. Local buckets: date_trunc on the slot's local time in the event's time zone,
// then back to an instant (DST-safe: the local midnight of that day).

const NIL = '00000000-0000-0000-0000-000000000000';

/** The event's time zone, or undefined when it is not the organization's. */
export async function eventTimezone(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<string | undefined> {
  const r = await db.query<{ timezone: string }>(
    'SELECT timezone FROM events WHERE id = $1 AND organization_id = $2',
    [eventId, organizationId],
  );
  return r.rows[0]?.timezone;
}

const ORDERS = `(SELECT slot, ticket_type_id, channel, status, promo_code_id, orders, tickets, total_cents,
                        discount_cents, refunded_cents
                 FROM report_orders WHERE event_id = $1
                 UNION ALL
                 SELECT slot, ticket_type_id, channel, status, promo_code_id, orders, tickets, total_cents,
                        discount_cents, refunded_cents
                 FROM report_order_deltas WHERE event_id = $1)`;

const local = (col: string) => `date_trunc($2, ${col} AT TIME ZONE $3)`;

// Each report's statement takes its figures from a source: the rollups (the default) or rows
// computed elsewhere (Elasticsearch aggregations, elasticsearch-source.ts) handed in as JSON. The
// statement around it adds names, options and order from the catalog, the same for both.
const given = (param: string, columns: string) =>
  `(SELECT * FROM jsonb_to_recordset(${param}::jsonb) AS g(${columns}))`;
const windowed = (col: string) =>
  `${col} >= coalesce(report_slot15($4), '-infinity') AND ${col} < coalesce(report_slot15($5), 'infinity')`;

// Revenue is what confirmed orders brought in less what was refunded of them, as on the monitor.
// Summed by slot first (no time zone work per rollup row), then by local bucket per slot.
const SALES_BY_SLOT = `
  SELECT x.slot, x.ticket_type_id, x.channel, sum(x.orders) AS orders, sum(x.tickets) AS tickets,
         sum(x.total_cents - x.refunded_cents) AS revenue
  FROM ${ORDERS} x
  WHERE x.status = 'confirmed' AND ${windowed('x.slot')}
  GROUP BY 1, 2, 3`;
const sales = (bySlot: string) => `
WITH by_slot AS (${bySlot}
), by_bucket AS (
  SELECT ${local('slot')} AS local, ticket_type_id, channel, sum(orders) AS orders,
         sum(tickets) AS tickets, sum(revenue) AS revenue
  FROM by_slot GROUP BY 1, 2, 3
  HAVING sum(orders) <> 0 OR sum(tickets) <> 0 OR sum(revenue) <> 0
)
SELECT b.local AT TIME ZONE $3 AS bucket_start, to_char(b.local, 'YYYY-MM-DD"T"HH24:MI') AS bucket,
       b.ticket_type_id, t.name AS ticket_type, b.channel, t.currency, b.orders::int AS orders,
       b.tickets::int AS tickets, b.revenue::text AS revenue_cents
FROM by_bucket b JOIN ticket_types t ON t.id = b.ticket_type_id
ORDER BY 1, 4, 5`;
const SALES = sales(SALES_BY_SLOT);
const SALES_GIVEN = sales(
  `SELECT * FROM ${given('$1', 'slot timestamptz, ticket_type_id uuid, channel text, orders bigint, tickets bigint, revenue bigint')} g`,
);

/** An optional window of time [from, to) the report covers. */
export interface Window {
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function salesRows(
  db: Queryable,
  eventId: string,
  bucket: Bucket,
  tz: string,
  w: Window,
) {
  return (await db.query(SALES, [eventId, bucket, tz, w.from ?? null, w.to ?? null])).rows;
}

/** Confirmed orders by local bucket start (an instant), ticket type and channel. */
export interface SalesFigure {
  slot: string;
  ticket_type_id: string;
  channel: string;
  orders: number;
  tickets: number;
  revenue: number;
}

/** The sales report's rows from figures already bucketed and windowed elsewhere. */
export async function salesRowsFrom(
  db: Queryable,
  figures: readonly SalesFigure[],
  bucket: Bucket,
  tz: string,
) {
  return (await db.query(SALES_GIVEN, [JSON.stringify(figures), bucket, tz])).rows;
}

const byStatus = (orders: string) => `
SELECT s.status, coalesce(sum(x.orders), 0)::int AS orders, coalesce(sum(x.tickets), 0)::int AS tickets,
       coalesce(sum(x.total_cents), 0)::text AS total_cents,
       coalesce(sum(x.refunded_cents), 0)::text AS refunded_cents
FROM unnest(ARRAY['pending_payment', 'confirmed', 'expired', 'cancelled']) WITH ORDINALITY s(status, n)
LEFT JOIN ${orders} x ON x.status = s.status
GROUP BY s.status, s.n ORDER BY s.n`;
const BY_STATUS = byStatus(ORDERS);
const BY_STATUS_GIVEN = byStatus(
  given(
    '$1',
    'status text, orders bigint, tickets bigint, total_cents bigint, refunded_cents bigint',
  ),
);

export async function ordersByStatusRows(db: Queryable, eventId: string) {
  return (await db.query(BY_STATUS, [eventId])).rows;
}

/** Orders of one status, with their tickets and money. */
export interface StatusFigure {
  status: string;
  orders: number;
  tickets: number;
  total_cents: number;
  refunded_cents: number;
}

export async function ordersByStatusRowsFrom(db: Queryable, figures: readonly StatusFigure[]) {
  return (await db.query(BY_STATUS_GIVEN, [JSON.stringify(figures)])).rows;
}

const refunds = (bySlot: string) => `
SELECT (${local('x.slot')} AT TIME ZONE $3) AS bucket_start,
       to_char(${local('x.slot')}, 'YYYY-MM-DD"T"HH24:MI') AS bucket,
       sum(x.refunds)::int AS refunds, sum(x.amount_cents)::text AS amount_cents
FROM ${bySlot} x
GROUP BY 1, 2 ORDER BY 1`;
const REFUNDS = refunds(`
  (SELECT slot, refunds, amount_cents FROM
     (SELECT slot, refunds, amount_cents FROM report_refunds WHERE event_id = $1
      UNION ALL SELECT slot, refunds, amount_cents FROM report_refund_deltas WHERE event_id = $1) r
   WHERE ${windowed('r.slot')})`);
const REFUNDS_GIVEN = refunds(given('$1', 'slot timestamptz, refunds bigint, amount_cents bigint'));

export async function refundRows(
  db: Queryable,
  eventId: string,
  bucket: Bucket,
  tz: string,
  w: Window,
) {
  return (await db.query(REFUNDS, [eventId, bucket, tz, w.from ?? null, w.to ?? null])).rows;
}

/** Refunds made in one local bucket (its start, an instant). */
export interface RefundFigure {
  slot: string;
  refunds: number;
  amount_cents: number;
}

export async function refundRowsFrom(
  db: Queryable,
  figures: readonly RefundFigure[],
  bucket: Bucket,
  tz: string,
) {
  return (await db.query(REFUNDS_GIVEN, [JSON.stringify(figures), bucket, tz])).rows;
}

// Every live code, and archived ones that were used. uses/max_uses are the code's own counter
// (orders that hold it, pending ones included); the sums are confirmed orders only.
const USED = `
  SELECT x.promo_code_id,
         sum(x.orders) FILTER (WHERE x.status = 'confirmed') AS orders,
         sum(x.tickets) FILTER (WHERE x.status = 'confirmed') AS tickets,
         sum(x.discount_cents) FILTER (WHERE x.status = 'confirmed') AS discount_cents,
         sum(x.total_cents - x.refunded_cents) FILTER (WHERE x.status = 'confirmed') AS revenue_cents
  FROM ${ORDERS} x WHERE x.promo_code_id <> '${NIL}' GROUP BY 1`;
const codes = (used: string) => `
WITH used AS (${used}
)
SELECT p.id AS code_id, p.code,
       CASE WHEN p.discount_kind IS NULL THEN 'access' ELSE 'promo' END AS kind,
       p.uses, p.max_uses, p.reserved_seats, p.reserve_left,
       coalesce(u.orders, 0)::int AS orders, coalesce(u.tickets, 0)::int AS tickets,
       coalesce(u.discount_cents, 0)::text AS discount_cents,
       coalesce(u.revenue_cents, 0)::text AS revenue_cents
FROM promo_codes p LEFT JOIN used u ON u.promo_code_id = p.id
WHERE p.event_id = $1 AND (p.archived_at IS NULL OR u.promo_code_id IS NOT NULL)
ORDER BY coalesce(u.tickets, 0) DESC, upper(p.code)`;
const CODES = codes(USED);
const CODES_GIVEN = codes(
  `SELECT * FROM ${given('$2', 'promo_code_id uuid, orders bigint, tickets bigint, discount_cents bigint, revenue_cents bigint')} g`,
);

export async function promoCodeRows(db: Queryable, eventId: string) {
  return (await db.query(CODES, [eventId])).rows;
}

/** One code's orders of any status (so it counts as used), with the confirmed ones' sums. */
export interface CodeFigure {
  promo_code_id: string;
  orders: number;
  tickets: number;
  discount_cents: number;
  revenue_cents: number;
}

export async function promoCodeRowsFrom(
  db: Queryable,
  eventId: string,
  figures: readonly CodeFigure[],
) {
  return (await db.query(CODES_GIVEN, [eventId, JSON.stringify(figures)])).rows;
}

// Each option of each choice question and both answers of a checkbox, counted even when nobody
// chose it; an answer no longer among the options (edited since) is listed too.
const COUNTS = `
  SELECT question_id, answer, sum(orders) AS orders FROM (
    SELECT question_id, answer, orders FROM report_answers WHERE event_id = $1
    UNION ALL SELECT question_id, answer, orders FROM report_answer_deltas WHERE event_id = $1) x
  GROUP BY 1, 2`;
const answers = (counts: string) => `
WITH counts AS (${counts}
), options AS (
  SELECT q.id, q.label, q.position, o.answer, o.n
  FROM questions q CROSS JOIN LATERAL (
    SELECT value AS answer, n FROM jsonb_array_elements_text(q.options) WITH ORDINALITY a(value, n)
    WHERE q.kind = 'choice'
    UNION ALL SELECT v, n FROM unnest(ARRAY['true', 'false']) WITH ORDINALITY b(v, n) WHERE q.kind = 'checkbox'
  ) o
  WHERE q.event_id = $1 AND q.kind IN ('choice', 'checkbox')
)
SELECT q.id AS question_id, q.label AS question, coalesce(o.answer, c.answer) AS answer,
       coalesce(c.orders, 0)::int AS orders
FROM options o
FULL JOIN counts c ON c.question_id = o.id AND c.answer = o.answer
JOIN questions q ON q.id = coalesce(o.id, c.question_id)
WHERE q.archived_at IS NULL OR c.orders > 0
ORDER BY q.position, q.created_at, q.id, o.n NULLS LAST, 3`;
const ANSWERS = answers(COUNTS);
const ANSWERS_GIVEN = answers(
  `SELECT * FROM ${given('$2', 'question_id uuid, answer text, orders bigint')} g`,
);

export async function answerRows(db: Queryable, eventId: string) {
  return (await db.query(ANSWERS, [eventId])).rows;
}

/** Confirmed orders that gave one answer to one question. */
export interface AnswerFigure {
  question_id: string;
  answer: string;
  orders: number;
}

export async function answerRowsFrom(
  db: Queryable,
  eventId: string,
  figures: readonly AnswerFigure[],
) {
  return (await db.query(ANSWERS_GIVEN, [eventId, JSON.stringify(figures)])).rows;
}

const waitlist = (entries: string) => `
SELECT x.ticket_type_id, t.name AS ticket_type,
       sum(x.entries) FILTER (WHERE x.status = 'waiting') AS waiting,
       sum(x.entries) FILTER (WHERE x.status = 'offered') AS offered,
       sum(x.entries) FILTER (WHERE x.status = 'claimed') AS claimed,
       sum(x.entries) FILTER (WHERE x.status = 'expired') AS expired,
       sum(x.entries) FILTER (WHERE x.status = 'cancelled') AS cancelled
FROM ${entries} x
JOIN ticket_types t ON t.id = x.ticket_type_id
GROUP BY 1, 2, t.position, t.created_at ORDER BY t.position, t.created_at, 1`;
const WAITLIST = waitlist(`
  (SELECT ticket_type_id, status, entries FROM report_waitlist WHERE event_id = $1
   UNION ALL SELECT ticket_type_id, status, entries FROM report_waitlist_deltas WHERE event_id = $1)`);
const WAITLIST_GIVEN = waitlist(given('$1', 'ticket_type_id uuid, status text, entries bigint'));

export async function waitlistRows(db: Queryable, eventId: string) {
  return (await db.query(WAITLIST, [eventId])).rows;
}

/** Waitlist entries of one ticket type in one status. */
export interface WaitlistFigure {
  ticket_type_id: string;
  status: string;
  entries: number;
}

export async function waitlistRowsFrom(db: Queryable, figures: readonly WaitlistFigure[]) {
  return (await db.query(WAITLIST_GIVEN, [JSON.stringify(figures)])).rows;
}

const attendance = (byType: string) => `
SELECT t.id AS ticket_type_id, t.name AS ticket_type,
       coalesce(sum(x.valid_tickets), 0)::int AS registered,
       coalesce(sum(x.admitted_tickets), 0)::int AS admitted
FROM ticket_types t
LEFT JOIN ${byType} x ON x.ticket_type_id = t.id
WHERE t.event_id = $1
GROUP BY t.id, t.name, t.position, t.created_at ORDER BY t.position, t.created_at, t.id`;
const ATTENDANCE = attendance(`
  (SELECT ticket_type_id, valid_tickets, admitted_tickets FROM report_attendance WHERE event_id = $1
   UNION ALL
   SELECT ticket_type_id, valid_tickets, admitted_tickets FROM report_attendance_deltas
   WHERE event_id = $1)`);
const ATTENDANCE_GIVEN = attendance(
  given('$2', 'ticket_type_id uuid, valid_tickets bigint, admitted_tickets bigint'),
);

export async function attendanceRows(db: Queryable, eventId: string) {
  return (await db.query(ATTENDANCE, [eventId])).rows;
}

/** Valid tickets of one type, and how many of them were admitted. */
export interface AttendanceFigure {
  ticket_type_id: string;
  valid_tickets: number;
  admitted_tickets: number;
}

export async function attendanceRowsFrom(
  db: Queryable,
  eventId: string,
  figures: readonly AttendanceFigure[],
) {
  return (await db.query(ATTENDANCE_GIVEN, [eventId, JSON.stringify(figures)])).rows;
}
