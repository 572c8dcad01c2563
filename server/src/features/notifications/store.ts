import type { Queryable } from '../../platform/db/db.js';
import { timeOrderedUuid } from '../../platform/time-ordered-uuid.js';
import type { MessageKind } from './messages/kinds.js';

// All SQL of the message log, which is also the dispatcher's queue.

export type MessageStatus = 'queued' | 'failed' | 'sent' | 'dead';
export type Channel = 'email' | 'sms';

/** A message about to be queued: who gets which kind, and the data its template renders. */
export interface NewMessage {
  kind: MessageKind;
  channel?: Channel;
  eventId: string | null;
  orderId?: string | null;
  ticketId?: string | null;
  recipient: string;
  recipientName: string;
  data: Record<string, unknown>;
  outboxId?: string | null;
  resendOf?: string | null;
}

export interface MessageRecord {
  id: string;
  outboxId: string | null;
  kind: MessageKind;
  channel: Channel;
  eventId: string | null;
  orderId: string | null;
  ticketId: string | null;
  recipient: string;
  recipientName: string;
  data: Record<string, unknown>;
  subject: string | null;
  status: MessageStatus;
  attempts: number;
  availableAt: Date;
  providerId: string | null;
  lastError: string | null;
  resendOf: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

// Every query names the table `m`.
const COLUMNS = `m.id, m.outbox_id::text AS "outboxId", m.kind, m.channel, m.event_id AS "eventId",
  m.order_id AS "orderId", m.ticket_id AS "ticketId", m.recipient,
  m.recipient_name AS "recipientName", m.data, m.subject, m.status, m.attempts,
  m.available_at AS "availableAt", m.provider_id AS "providerId", m.last_error AS "lastError",
  m.resend_of AS "resendOf", m.created_at AS "createdAt", m.sent_at AS "sentAt"`;

/**
 * Queues messages; one already queued for the same outbox message, kind and recipient is left as
 * it is, so a redelivered outbox message queues nothing twice. A mail takes along the event's own
 * subject and intro of its kind in its language (the reader's, else the event's default:
 * `messageLanguage`), fixed from then on. Returns how
 * many were new.
 */
export async function insertMessages(
  q: Queryable,
  messages: readonly NewMessage[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO notification_messages
       (id, outbox_id, kind, channel, event_id, order_id, ticket_id, recipient, recipient_name,
        data, resend_of)
     SELECT u.id, u.outbox_id, u.kind, u.channel, u.event_id, u.order_id, u.ticket_id, u.recipient,
            u.recipient_name,
            CASE WHEN t.event_id IS NULL THEN u.data
                 ELSE u.data || jsonb_build_object('custom', jsonb_strip_nulls(
                        jsonb_build_object('subject', t.subject, 'intro', t.intro))) END,
            u.resend_of
       FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::uuid[], $6::uuid[],
                   $7::uuid[], $8::text[], $9::text[], $10::jsonb[], $11::uuid[])
              AS u (id, outbox_id, kind, channel, event_id, order_id, ticket_id, recipient,
                    recipient_name, data, resend_of)
       LEFT JOIN message_texts t
              ON u.channel = 'email' AND t.event_id = u.event_id AND t.kind = u.kind
             AND t.lang = coalesce(u.data->>'lang', u.data->'event'->>'language', 'en')
     ON CONFLICT (outbox_id, kind, recipient) WHERE outbox_id IS NOT NULL DO NOTHING`,
    [
      messages.map(() => timeOrderedUuid()),
      messages.map((m) => m.outboxId ?? null),
      messages.map((m) => m.kind),
      messages.map((m) => m.channel ?? 'email'),
      messages.map((m) => m.eventId),
      messages.map((m) => m.orderId ?? null),
      messages.map((m) => m.ticketId ?? null),
      messages.map((m) => m.recipient),
      messages.map((m) => m.recipientName),
      messages.map((m) => JSON.stringify(m.data)),
      messages.map((m) => m.resendOf ?? null),
    ],
  );
  return rowCount;
}

/** Queues one message and returns it (a resend: no outbox message behind it). */
export async function insertMessageReturning(q: Queryable, m: NewMessage): Promise<MessageRecord> {
  const { rows } = await q.query<Record<string, unknown>>(
    `INSERT INTO notification_messages AS m
       (id, kind, channel, event_id, order_id, ticket_id, recipient, recipient_name, data, resend_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING ${COLUMNS}`,
    [
      timeOrderedUuid(),
      m.kind,
      m.channel ?? 'email',
      m.eventId,
      m.orderId ?? null,
      m.ticketId ?? null,
      m.recipient,
      m.recipientName,
      JSON.stringify(m.data),
      m.resendOf ?? null,
    ],
  );
  return rows[0] as unknown as MessageRecord;
}

/**
 * Leases up to `limit` due messages of a channel for `leaseMs` and counts the attempt. SKIP LOCKED
 * lets other dispatchers lease other rows; a dispatcher that dies leaves its lease to run out.
 */
export async function claimDueMessages(
  q: Queryable,
  channel: Channel,
  limit: number,
  leaseMs: number,
): Promise<MessageRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `UPDATE notification_messages m
     SET available_at = now() + $3 * interval '1 millisecond', attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM notification_messages
       WHERE status IN ('queued', 'failed') AND channel = $1 AND available_at <= now()
       ORDER BY available_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [channel, limit, leaseMs],
  );
  return rows as unknown as MessageRecord[];
}

/** Records a send; the attempt number keeps a lease that ran out from recording twice. */
export async function markSent(
  q: Queryable,
  m: { id: string; attempts: number; subject: string; providerId: string },
): Promise<void> {
  await q.query(
    `UPDATE notification_messages
     SET status = 'sent', sent_at = now(), subject = $3, provider_id = $4, last_error = NULL
     WHERE id = $1 AND attempts = $2 AND status IN ('queued', 'failed')`,
    [m.id, m.attempts, m.subject, m.providerId],
  );
}

/** Records a failed attempt: the reason, and either the next attempt's time or the dead letter. */
export async function markFailed(
  q: Queryable,
  m: {
    id: string;
    attempts: number;
    subject: string | null;
    error: string;
    retryInMs: number;
    dead: boolean;
  },
): Promise<void> {
  await q.query(
    `UPDATE notification_messages
     SET status = CASE WHEN $5 THEN 'dead' ELSE 'failed' END, last_error = $3,
         subject = coalesce($6, subject),
         available_at = now() + $4 * interval '1 millisecond'
     WHERE id = $1 AND attempts = $2 AND status IN ('queued', 'failed')`,
    [m.id, m.attempts, m.error.slice(0, 2000), m.retryInMs, m.dead, m.subject],
  );
}

/** A message with the organization its event belongs to, for access checks. */
export async function findMessage(
  q: Queryable,
  id: string,
): Promise<(MessageRecord & { organizationId: string | null }) | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT ${COLUMNS}, e.organization_id AS "organizationId"
     FROM notification_messages m LEFT JOIN events e ON e.id = m.event_id
     WHERE m.id = $1`,
    [id],
  );
  return rows[0] as (MessageRecord & { organizationId: string | null }) | undefined;
}

export interface MessageFilter {
  organizationId: string;
  eventId?: string | undefined;
  orderId?: string | undefined;
  ticketId?: string | undefined;
  status?: MessageStatus | undefined;
  limit: number;
}

/** The log, newest first, of the organization's events, narrowed by the filter. */
export async function listMessages(q: Queryable, f: MessageFilter): Promise<MessageRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT ${COLUMNS}
     FROM notification_messages m JOIN events e ON e.id = m.event_id
     WHERE e.organization_id = $1
       AND ($2::uuid IS NULL OR m.event_id = $2)
       AND ($3::uuid IS NULL OR m.order_id = $3)
       AND ($4::uuid IS NULL OR m.ticket_id = $4 OR m.order_id = (SELECT order_id FROM tickets WHERE id = $4))
       AND ($5::text IS NULL OR m.status = $5)
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT $6`,
    [
      f.organizationId,
      f.eventId ?? null,
      f.orderId ?? null,
      f.ticketId ?? null,
      f.status ?? null,
      f.limit,
    ],
  );
  return rows as unknown as MessageRecord[];
}

/**
 * Puts a dead message back in the queue for a fresh round of attempts, to `recipient` when given
 * (an address fixed meanwhile). Returns whether it was dead.
 */
export async function requeueDead(q: Queryable, id: string, recipient?: string): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE notification_messages
     SET status = 'queued', attempts = 0, available_at = now(), recipient = coalesce($2, recipient)
     WHERE id = $1 AND status = 'dead'`,
    [id, recipient ?? null],
  );
  return rowCount > 0;
}

/** Requeues every dead message of the organization's events (of one event when given). */
export async function requeueAllDead(
  q: Queryable,
  organizationId: string,
  eventId: string | undefined,
): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE notification_messages m
     SET status = 'queued', attempts = 0, available_at = now()
     FROM events e
     WHERE e.id = m.event_id AND e.organization_id = $1 AND ($2::uuid IS NULL OR m.event_id = $2)
       AND m.status = 'dead'`,
    [organizationId, eventId ?? null],
  );
  return rowCount;
}

/** Gives an order a new access key hash (one nobody held a key for). */
export async function replaceOrderKeyHash(
  q: Queryable,
  orderId: string,
  hash: string,
): Promise<void> {
  await q.query(`UPDATE orders SET access_key_hash = $2 WHERE id = $1`, [orderId, hash]);
}

/** Deletes outbox rows delivered longer ago than `hours`; returns how many. */
export async function pruneDeliveredOutbox(q: Queryable, hours: number): Promise<number> {
  const { rowCount } = await q.query(
    `DELETE FROM outbox WHERE delivered_at < now() - $1 * interval '1 hour'`,
    [hours],
  );
  return rowCount;
}
