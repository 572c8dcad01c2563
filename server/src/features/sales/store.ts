import type { Queryable } from '../../platform/db/db.js';

// The SQL of the sales monitor: the figures in one statement, so the ticket types and the revenue
// always add up; the sales over time in a second. The snapshot reads both, and the seats
// available (registration's rule), in one read-only transaction that sees one state of the data.

/** Makes the rest of the transaction see one state of the data; must be its first statement. */
export async function readOneSnapshot(tx: Queryable): Promise<void> {
  await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

/** A ticket type's figures; the single row of an event without ticket types has a null id. */
export interface SalesRow {
  id: string | null;
  name: string;
  currency: string;
  price_cents: string;
  quantity: number;
  sold: number;
  held: number;
  revenue_cents: string;
  timezone: string;
  [k: string]: unknown;
}

// Revenue is what confirmed orders brought in, less what was refunded. The LEFT JOIN on the event
// keeps one row (with a NULL id) for an event without ticket types, to tell it from "not found".
// Revenue is summed over the event's own orders (orders_event_created), not every order.
const SALES = `
SELECT t.id, t.name, t.currency, t.price_cents::text, t.quantity, t.sold, t.held, e.timezone,
       COALESCE(r.cents, 0)::text AS revenue_cents
FROM events e
LEFT JOIN ticket_types t ON t.event_id = e.id AND t.archived_at IS NULL
LEFT JOIN (SELECT o.ticket_type_id, sum(o.total_cents - o.refunded_cents) AS cents FROM orders o
           WHERE o.event_id = $1 AND o.status = 'confirmed' GROUP BY o.ticket_type_id) r
       ON r.ticket_type_id = t.id
WHERE e.id = $1 AND e.organization_id = $2
ORDER BY t.position, t.created_at, t.id`;

/** No rows when the event is not the organization's. */
export async function salesRows(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<SalesRow[]> {
  return (await db.query<SalesRow>(SALES, [eventId, organizationId])).rows;
}

/** One bucket's confirmed sales in one currency, as the query returns them. */
export interface TimelineRow {
  unit: 'hour' | 'day' | 'week' | 'month';
  at: Date;
  currency: string;
  tickets: number;
  cents: string;
  [k: string]: unknown;
}

// Confirmed orders of the listed ticket types, like `sold` and the revenue: held, expired and cancelled ones do not count.
// The unit follows the span of sales so the chart has at most 48 points; buckets start at the
// event's midnight or hour (date_trunc in its time zone). Orders have no confirmation time, so a
// paid order counts from when it was placed.
const TIMELINE = `
WITH sold AS (
  SELECT o.created_at, o.currency, o.quantity, o.total_cents - o.refunded_cents AS cents, e.timezone
  FROM orders o JOIN events e ON e.id = o.event_id
  JOIN ticket_types t ON t.id = o.ticket_type_id AND t.archived_at IS NULL
  WHERE o.event_id = $1 AND e.organization_id = $2 AND o.status = 'confirmed'
), span AS (
  SELECT CASE WHEN max(created_at) - min(created_at) < interval '48 hours' THEN 'hour'
              WHEN max(created_at) - min(created_at) < interval '48 days' THEN 'day'
              WHEN max(created_at) - min(created_at) < interval '48 weeks' THEN 'week'
              ELSE 'month' END AS unit
  FROM sold
)
SELECT span.unit, date_trunc(span.unit, sold.created_at, sold.timezone) AS at, sold.currency,
       sum(sold.quantity)::int AS tickets, sum(sold.cents)::text AS cents
FROM sold CROSS JOIN span
GROUP BY 1, 2, 3
ORDER BY 2, 3`;

/** Confirmed sales per bucket and currency, oldest first; no rows before the first sale. */
export async function timelineRows(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<TimelineRow[]> {
  return (await db.query<TimelineRow>(TIMELINE, [eventId, organizationId])).rows;
}
