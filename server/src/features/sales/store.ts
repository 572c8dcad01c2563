import type { Queryable } from '../../platform/db/db.js';

// The SQL of the sales monitor: one statement, so the ticket types and the revenue come from one
// snapshot and always add up.

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
  [k: string]: unknown;
}

// Revenue is what confirmed orders brought in, less what was refunded. The LEFT JOIN on the event
// keeps one row (with a NULL id) for an event without ticket types, to tell it from "not found".
const SALES = `
SELECT t.id, t.name, t.currency, t.price_cents::text, t.quantity, t.sold, t.held,
       COALESCE((SELECT sum(o.total_cents - o.refunded_cents) FROM orders o
                 WHERE o.ticket_type_id = t.id AND o.status = 'confirmed'), 0)::text AS revenue_cents
FROM events e
LEFT JOIN ticket_types t ON t.event_id = e.id AND t.archived_at IS NULL
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
