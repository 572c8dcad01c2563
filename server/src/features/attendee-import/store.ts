import type { Queryable } from '../../platform/db/db.js';
import type { ImportQuestion, KnownTicketType } from './rows.js';

// All SQL of the bulk import. A batch's rows go in with one statement, however many rows, and
// without a parameter-count limit.

export interface ImportContext {
  archived: boolean;
  ticketTypes: KnownTicketType[];
  questions: ImportQuestion[];
}

export async function loadImportContext(
  db: Queryable,
  organizationId: string,
  eventId: string,
): Promise<ImportContext | undefined> {
  const { rows: events } = await db.query<{ archived: boolean }>(
    'SELECT archived_at IS NOT NULL AS archived FROM events WHERE id = $1 AND organization_id = $2',
    [eventId, organizationId],
  );
  if (!events[0]) return undefined;
  const { rows: types } = await db.query<{ id: string; name: string; currency: string }>(
    `SELECT id, name, currency FROM ticket_types WHERE event_id = $1 AND archived_at IS NULL
     ORDER BY position, created_at, id`,
    [eventId],
  );
  const { rows: questions } = await db.query<ImportQuestion & Record<string, unknown>>(
    `SELECT id, label, kind, required, options, ticket_type_ids AS "ticketTypeIds"
     FROM questions WHERE event_id = $1 AND archived_at IS NULL ORDER BY position, created_at`,
    [eventId],
  );
  return { archived: events[0].archived, ticketTypes: types, questions };
}

/** Serializes imports into one event, so two runs of the same file cannot both write a row. */
export async function lockEventImports(tx: Queryable, eventId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lanyard.import:' || $1))`, [eventId]);
}

/** (email, ticket type) pairs among `emails` that already hold a live order for the event. */
export async function liveOrderKeys(
  db: Queryable,
  eventId: string,
  emailsNormalized: string[],
): Promise<{ email: string; ticketTypeId: string }[]> {
  const { rows } = await db.query<{ email_normalized: string; ticket_type_id: string }>(
    `SELECT DISTINCT email_normalized, ticket_type_id FROM orders
     WHERE event_id = $1 AND email_normalized = ANY($2::text[])
       AND status IN ('confirmed', 'pending_payment')`,
    [eventId, emailsNormalized],
  );
  return rows.map((r) => ({ email: r.email_normalized, ticketTypeId: r.ticket_type_id }));
}

export interface NewCompOrder {
  orderId: string;
  ticketId: string;
  ticketTypeId: string;
  name: string;
  email: string;
  emailNormalized: string;
  answers: Record<string, string | boolean>;
  currency: string;
  accessKeyHash: string;
  token: string;
  kid: string;
}

/**
 * Confirmed free orders of one ticket each, their valid tickets and the tickets' first history
 * entry, in one statement: the rows travel as one JSON parameter (JSON.stringify is far cheaper
 * than encoding a dozen text arrays), and the foreign keys are checked at the statement's end.
 */
export async function insertCompOrders(
  tx: Queryable,
  eventId: string,
  orders: NewCompOrder[],
  actor: string,
): Promise<void> {
  await tx.query(
    `WITH r AS (
       SELECT * FROM json_to_recordset($2::json) AS r("orderId" uuid, "ticketId" uuid,
         "ticketTypeId" uuid, name text, email text, "emailNormalized" text, answers jsonb,
         currency text, "accessKeyHash" text, token text, kid text)
     ), new_orders AS (
       INSERT INTO orders (id, event_id, ticket_type_id, quantity, attendee_name, attendee_email,
         email_normalized, answers, subtotal_cents, total_cents, currency, status, payment_method,
         access_key_hash, channel)
       SELECT "orderId", $1, "ticketTypeId", 1, name, email, "emailNormalized", answers, 0, 0,
         currency, 'confirmed', 'free', "accessKeyHash", 'import'
       FROM r
     ), new_tickets AS (
       INSERT INTO tickets (id, order_id, event_id, ticket_type_id, attendee_name, attendee_email,
         status, token, kid)
       SELECT "ticketId", "orderId", $1, "ticketTypeId", name, email, 'valid', token, kid
       FROM r
     )
     INSERT INTO ticket_history (ticket_id, action, actor, details)
     SELECT "ticketId", 'issued', $3,
       jsonb_build_object('orderId', "orderId", 'status', 'valid', 'source', 'import')
     FROM r`,
    [eventId, JSON.stringify(orders), actor],
  );
}

/** A savepoint, so a failed seat take can be undone without losing the batch. */
export const savepoint = {
  set: (tx: Queryable, name: string) => tx.query(`SAVEPOINT ${name}`),
  rollback: (tx: Queryable, name: string) => tx.query(`ROLLBACK TO SAVEPOINT ${name}`),
  release: (tx: Queryable, name: string) => tx.query(`RELEASE SAVEPOINT ${name}`),
};
