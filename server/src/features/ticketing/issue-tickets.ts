import { randomUUID } from 'node:crypto';
import { signTicketToken } from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';
import { activeSigningKey } from './signing-keys.js';

export type TicketStatus = 'pending' | 'valid' | 'revoked' | 'cancelled';

export interface IssuedTicket {
  id: string;
  token: string;
  status: TicketStatus;
}

export interface IssueRequest {
  orderId: string;
  eventId: string;
  ticketTypeId: string;
  attendeeName: string;
  attendeeEmail: string;
  /** Each ticket's own attendee, by position; the ones not given carry attendeeName/Email. */
  attendees?: readonly { name: string; email: string }[] | undefined;
  count: number;
  /** `pending` until the order is paid, `valid` for free and paid orders. */
  status: 'pending' | 'valid';
  /** Who caused it, for the history: `attendee`, a client id, `system`. */
  actor: string;
}

/**
 * Creates `count` tickets with signed tokens and their first history entry, in the caller's
 * transaction: one statement writes both, so a sale pays one round trip for its tickets.
 */
export async function issueTickets(tx: Queryable, r: IssueRequest): Promise<IssuedTicket[]> {
  const key = await activeSigningKey(tx, r.eventId);
  const tickets = Array.from({ length: r.count }, () => {
    const id = randomUUID();
    const token = signTicketToken(
      { eventId: r.eventId, ticketId: id, ticketTypeId: r.ticketTypeId, revision: 0 },
      key,
    );
    return { id, token, status: r.status } satisfies IssuedTicket;
  });
  await tx.query(
    `WITH issued AS (
       INSERT INTO tickets (id, order_id, event_id, ticket_type_id, attendee_name, attendee_email, status, token, kid)
       SELECT t.id, $3::uuid, $4::uuid, $5::uuid, t.name, t.email, $8, t.token, $9
       FROM unnest($1::uuid[], $2::text[], $6::text[], $7::text[]) AS t (id, token, name, email)
       RETURNING id
     )
     INSERT INTO ticket_history (ticket_id, action, actor, details)
     SELECT id, 'issued', $10, $11::jsonb FROM issued`,
    [
      tickets.map((t) => t.id),
      tickets.map((t) => t.token),
      r.orderId,
      r.eventId,
      r.ticketTypeId,
      tickets.map((_, i) => r.attendees?.[i]?.name ?? r.attendeeName),
      tickets.map((_, i) => r.attendees?.[i]?.email ?? r.attendeeEmail),
      r.status,
      key.kid,
      r.actor,
      JSON.stringify({ orderId: r.orderId, status: r.status }),
    ],
  );
  return tickets;
}

/** A new token for an existing ticket at `revision`, signed with the event's active key. */
export async function signTicket(
  tx: Queryable,
  t: { eventId: string; ticketId: string; ticketTypeId: string; revision: number },
): Promise<{ token: string; kid: string }> {
  const key = await activeSigningKey(tx, t.eventId);
  const claims = {
    eventId: t.eventId,
    ticketId: t.ticketId,
    ticketTypeId: t.ticketTypeId,
    revision: t.revision,
  };
  return { token: signTicketToken(claims, key), kid: key.kid };
}

/** Appends one history entry per ticket. */
export async function recordHistory(
  tx: Queryable,
  ticketIds: string[],
  action: string,
  actor: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  if (ticketIds.length === 0) return;
  await tx.query(
    `INSERT INTO ticket_history (ticket_id, action, actor, details)
     SELECT id, $2, $3, $4::jsonb FROM unnest($1::uuid[]) AS id`,
    [ticketIds, action, actor, JSON.stringify(details)],
  );
}
