import type { Queryable } from '../../platform/db/db.js';
import type { HistoryEntry, Ticket, TicketStatus } from './schema.js';

// All SQL of ticket administration. Rows are mapped to the API shapes here and nowhere else.

/** A ticket with what access checks need: its organization and the hash of the key that opens it. */
export interface TicketRecord extends Ticket {
  organizationId: string;
  /** The ticket's own key after a transfer, else the order's key. */
  accessKeyHash: string;
}

interface TicketRow {
  id: string;
  order_id: string;
  event_id: string;
  ticket_type_id: string;
  ticket_type_name: string;
  organization_id: string;
  attendee_name: string;
  attendee_email: string;
  status: TicketStatus;
  revision: number;
  token: string;
  kid: string;
  access_key_hash: string;
  answers: Record<string, string | boolean>;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

const TICKET_COLUMNS = `t.id, t.order_id, t.event_id, t.ticket_type_id, tt.name AS ticket_type_name, e.organization_id,
         t.attendee_name, t.attendee_email, t.status, t.revision, t.token, t.kid,
         coalesce(t.access_key_hash, o.access_key_hash) AS access_key_hash, o.answers, t.created_at,
         t.updated_at`;
const TICKET_FROM = `
  FROM tickets t
  JOIN ticket_types tt ON tt.id = t.ticket_type_id
  JOIN events e ON e.id = t.event_id
  JOIN orders o ON o.id = t.order_id`;

function toRecord(r: TicketRow): TicketRecord {
  return {
    id: r.id,
    status: r.status,
    token: r.token,
    revision: r.revision,
    kid: r.kid,
    eventId: r.event_id,
    ticketTypeId: r.ticket_type_id,
    ticketTypeName: r.ticket_type_name,
    orderId: r.order_id,
    attendee: { name: r.attendee_name, email: r.attendee_email },
    answers: r.answers,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    organizationId: r.organization_id,
    accessKeyHash: r.access_key_hash,
  };
}

/** The API shape, without the access fields. */
export function toTicket(r: TicketRecord): Ticket {
  const { organizationId: _o, accessKeyHash: _k, ...ticket } = r;
  return ticket;
}

/** `forUpdate` locks the ticket row (only it) until the transaction ends. */
export async function findTicket(
  db: Queryable,
  ticketId: string,
  forUpdate = false,
): Promise<TicketRecord | undefined> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} ${TICKET_FROM} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`,
    [ticketId],
  );
  return rows[0] && toRecord(rows[0]);
}

export async function setStatus(tx: Queryable, ticketId: string, status: TicketStatus) {
  await tx.query('UPDATE tickets SET status = $2, updated_at = now() WHERE id = $1', [
    ticketId,
    status,
  ]);
}

export interface NewToken {
  revision: number;
  token: string;
  kid: string;
}

export async function replaceToken(tx: Queryable, ticketId: string, t: NewToken): Promise<void> {
  await tx.query(
    'UPDATE tickets SET revision = $2, token = $3, kid = $4, updated_at = now() WHERE id = $1',
    [ticketId, t.revision, t.token, t.kid],
  );
}

export async function changeHolder(
  tx: Queryable,
  ticketId: string,
  t: NewToken & { name: string; email: string; accessKeyHash: string },
): Promise<void> {
  await tx.query(
    `UPDATE tickets SET revision = $2, token = $3, kid = $4, attendee_name = $5, attendee_email = $6,
       access_key_hash = $7, updated_at = now()
     WHERE id = $1`,
    [ticketId, t.revision, t.token, t.kid, t.name, t.email, t.accessKeyHash],
  );
}

export async function setAttendee(
  tx: Queryable,
  ticketId: string,
  a: { name: string; email: string },
): Promise<void> {
  await tx.query(
    `UPDATE tickets SET attendee_name = $2, attendee_email = $3, updated_at = now() WHERE id = $1`,
    [ticketId, a.name, a.email],
  );
}

/** Replaces the answers of the ticket's order (answers are given once per order). */
export async function setOrderAnswers(
  tx: Queryable,
  orderId: string,
  answers: Record<string, string | boolean>,
): Promise<void> {
  await tx.query(`UPDATE orders SET answers = $2::jsonb, updated_at = now() WHERE id = $1`, [
    orderId,
    JSON.stringify(answers),
  ]);
}

export async function listHistory(db: Queryable, ticketId: string): Promise<HistoryEntry[]> {
  const { rows } = await db.query<{
    at: Date;
    action: string;
    actor: string;
    details: Record<string, unknown>;
  }>('SELECT at, action, actor, details FROM ticket_history WHERE ticket_id = $1 ORDER BY id', [
    ticketId,
  ]);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    actor: r.actor,
    details: r.details,
  }));
}

/** Whether the event exists in the organization; `forUpdate` locks its row. */
export async function eventInOrganization(
  db: Queryable,
  organizationId: string,
  eventId: string,
  forUpdate = false,
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM events WHERE id = $1 AND organization_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [eventId, organizationId],
  );
  return rows.length === 1;
}

export interface TicketCursor {
  /** created_at in microseconds since the epoch, as a decimal string. */
  createdUs: string;
  id: string;
}

/** Oldest first, keyset pagination on (created_at, id): tickets sold meanwhile land on later pages. */
export async function listTickets(
  db: Queryable,
  eventId: string,
  opts: { limit: number; after?: TicketCursor | undefined; status?: TicketStatus | undefined },
): Promise<{ ticket: Ticket; cursor: TicketCursor }[]> {
  const { rows } = await db.query<TicketRow & { created_us: string }>(
    `SELECT ${TICKET_COLUMNS}, (extract(epoch FROM t.created_at) * 1000000)::bigint::text AS created_us
     ${TICKET_FROM}
     WHERE t.event_id = $1
       AND ($2::text IS NULL OR t.status = $2)
       AND ($3::bigint IS NULL
            OR (t.created_at, t.id) > (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid))
     ORDER BY t.created_at, t.id
     LIMIT $5`,
    [
      eventId,
      opts.status ?? null,
      opts.after?.createdUs ?? null,
      opts.after?.id ?? null,
      opts.limit,
    ],
  );
  return rows.map((r) => ({
    ticket: toTicket(toRecord(r)),
    cursor: { createdUs: r.created_us, id: r.id },
  }));
}
