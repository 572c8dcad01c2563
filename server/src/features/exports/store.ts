import type { Queryable } from '../../platform/db/db.js';

// All SQL of the exports: keyset pages over (created_at, id), so an export of any size holds one
// page in memory and sees rows in a stable order.

export interface PageKey {
  /** created_at in microseconds since the epoch (rows of one transaction share it to the µs). */
  createdUs: string;
  id: string;
}

const after = `($2::bigint IS NULL
  OR (x.created_at, x.id) > (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3::uuid))`;
const pageKey = `(extract(epoch FROM x.created_at) * 1000000)::bigint::text AS _created, x.id AS _id`;

const QUERIES = {
  attendees: `
    SELECT x.id AS ticket_id, x.attendee_name AS name, x.attendee_email AS email, tt.name AS ticket_type,
           x.status, x.order_id, o.status AS order_status, o.answers::text AS answers,
           to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
           ${pageKey}
    FROM tickets x JOIN ticket_types tt ON tt.id = x.ticket_type_id JOIN orders o ON o.id = x.order_id
    WHERE x.event_id = $1 AND ${after}
    ORDER BY x.created_at, x.id LIMIT $4`,
  orders: `
    SELECT x.id AS order_id, x.status, x.attendee_name AS name, x.attendee_email AS email,
           x.attendee_phone AS phone,
           tt.name AS ticket_type, x.quantity, x.subtotal_cents::int8::text AS subtotal_cents,
           x.discount_cents::int8::text AS discount_cents, x.total_cents::int8::text AS total_cents,
           x.refunded_cents::int8::text AS refunded_cents, x.currency, x.payment_method,
           pc.code AS promo_code,
           to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
           ${pageKey}
    FROM orders x JOIN ticket_types tt ON tt.id = x.ticket_type_id
    LEFT JOIN promo_codes pc ON pc.id = x.promo_code_id
    WHERE x.event_id = $1 AND ${after}
    ORDER BY x.created_at, x.id LIMIT $4`,
  // Every scan, refusals included, in the order the server received them.
  checkins: `
    SELECT x.scan_id, x.ticket_id, t.attendee_name AS name, t.attendee_email AS email,
           tt.name AS ticket_type, coalesce(l.name, CASE WHEN x.list_id = x.event_id THEN 'Default' END) AS list,
           x.gate, x.direction, x.result, x.reason, x.origin, d.name AS device,
           to_char(x.scanned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS scanned_at,
           to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at,
           ${pageKey}
    FROM (SELECT s.*, s.received_at AS created_at, s.scan_id AS id FROM checkin_scans s
          WHERE s.event_id = $1) x
    LEFT JOIN tickets t ON t.id = x.ticket_id
    LEFT JOIN ticket_types tt ON tt.id = t.ticket_type_id
    LEFT JOIN checkin_lists l ON l.id = x.list_id
    LEFT JOIN devices d ON d.id = x.device_id
    WHERE ${after}
    ORDER BY x.created_at, x.id LIMIT $4`,
} as const;

export type StoredExport = keyof typeof QUERIES;

export async function eventExists(
  db: Queryable,
  organizationId: string,
  eventId: string,
): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM events WHERE id = $1 AND organization_id = $2', [
    eventId,
    organizationId,
  ]);
  return rows.length === 1;
}

/** Whether a table exists yet (check-in arrives with its own migration). */
export async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
    table,
  ]);
  return rows[0]?.t != null;
}

export async function exportPage(
  db: Queryable,
  kind: StoredExport,
  eventId: string,
  from: PageKey | undefined,
  limit: number,
): Promise<{ rows: Record<string, unknown>[]; next: PageKey | undefined }> {
  const { rows } = await db.query<Record<string, unknown> & { _created: string; _id: string }>(
    QUERIES[kind],
    [eventId, from?.createdUs ?? null, from?.id ?? null, limit],
  );
  const last = rows.at(-1);
  return {
    rows: rows.map(({ _created: _c, _id: _i, ...rest }) => rest),
    next: last && rows.length === limit ? { createdUs: last._created, id: last._id } : undefined,
  };
}

/** The event's questions, live ones first, each in the organizer's order. */
export async function eventQuestions(
  db: Queryable,
  eventId: string,
): Promise<{ id: string; label: string }[]> {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT id, label FROM questions WHERE event_id = $1
     ORDER BY archived_at IS NOT NULL, position, created_at, id`,
    [eventId],
  );
  return rows;
}
