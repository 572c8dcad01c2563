import type { Queryable } from '../../platform/db/db.js';
import type { KnownTicketType } from './rows.js';

// All SQL of the bulk import. Rows go in with one INSERT ... SELECT FROM unnest(...) per table and
// batch: a handful of statements however many rows, and no parameter-count limit.

export interface ImportContext {
  archived: boolean;
  ticketTypes: KnownTicketType[];
  questionIds: Set<string>;
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
  const { rows: questions } = await db.query<{ id: string }>(
    'SELECT id FROM questions WHERE event_id = $1 AND archived_at IS NULL',
    [eventId],
  );
  return {
    archived: events[0].archived,
    ticketTypes: types,
    questionIds: new Set(questions.map((q) => q.id)),
  };
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
  answers: Record<string, string>;
  currency: string;
  accessKeyHash: string;
  token: string;
  kid: string;
}

/** Confirmed free orders of one ticket each, their valid tickets and the tickets' first history entry. */
export async function insertCompOrders(
  tx: Queryable,
  eventId: string,
  orders: NewCompOrder[],
  actor: string,
): Promise<void> {
  const col = <K extends keyof NewCompOrder>(k: K) => orders.map((o) => o[k]);
  await tx.query(
    `INSERT INTO orders (id, event_id, ticket_type_id, quantity, attendee_name, attendee_email,
       email_normalized, answers, subtotal_cents, total_cents, currency, status, payment_method,
       access_key_hash)
     SELECT o.id, $1, o.ticket_type_id, 1, o.name, o.email, o.email_normalized, o.answers::jsonb, 0, 0,
       o.currency, 'confirmed', 'free', o.access_key_hash
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       AS o(id, ticket_type_id, name, email, email_normalized, answers, currency, access_key_hash)`,
    [
      eventId,
      col('orderId'),
      col('ticketTypeId'),
      col('name'),
      col('email'),
      col('emailNormalized'),
      orders.map((o) => JSON.stringify(o.answers)),
      col('currency'),
      col('accessKeyHash'),
    ],
  );
  await tx.query(
    `INSERT INTO tickets (id, order_id, event_id, ticket_type_id, attendee_name, attendee_email, status, token, kid)
     SELECT t.id, t.order_id, $1, t.ticket_type_id, t.name, t.email, 'valid', t.token, t.kid
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS t(id, order_id, ticket_type_id, name, email, token, kid)`,
    [
      eventId,
      col('ticketId'),
      col('orderId'),
      col('ticketTypeId'),
      col('name'),
      col('email'),
      col('token'),
      col('kid'),
    ],
  );
  await tx.query(
    `INSERT INTO ticket_history (ticket_id, action, actor, details)
     SELECT t.id, 'issued', $3, jsonb_build_object('orderId', t.order_id, 'status', 'valid', 'source', 'import')
     FROM unnest($1::uuid[], $2::uuid[]) AS t(id, order_id)`,
    [col('ticketId'), col('orderId'), actor],
  );
}

/** A savepoint, so a failed seat take can be undone without losing the batch. */
export const savepoint = {
  set: (tx: Queryable, name: string) => tx.query(`SAVEPOINT ${name}`),
  rollback: (tx: Queryable, name: string) => tx.query(`ROLLBACK TO SAVEPOINT ${name}`),
  release: (tx: Queryable, name: string) => tx.query(`RELEASE SAVEPOINT ${name}`),
};
