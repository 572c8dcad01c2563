import type { Queryable } from '../../platform/db/db.js';
import type { z } from 'zod';
import type { OrderState, TicketState } from './catalog.js';

// SQL of fan-out: which endpoints hear of an event, the objects' current state, new messages.

export interface Listener {
  endpointId: string;
  eventId: string;
  eventTypes: string[];
}

/** The enabled endpoints of these events' organizations, for all their events or just this one. */
export async function listenersOf(q: Queryable, eventIds: readonly string[]): Promise<Listener[]> {
  const { rows } = await q.query<{ id: string; event_id: string; event_types: string[] }>(
    `SELECT w.id, ev.id AS event_id, w.event_types
       FROM events ev
       JOIN webhook_endpoints w ON w.organization_id = ev.organization_id
      WHERE ev.id = ANY($1::uuid[]) AND w.enabled AND (w.event_id IS NULL OR w.event_id = ev.id)`,
    [eventIds],
  );
  return rows.map((r) => ({ endpointId: r.id, eventId: r.event_id, eventTypes: r.event_types }));
}

type Order = z.infer<typeof OrderState>;
type Ticket = z.infer<typeof TicketState>;

export async function orderStates(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, Order>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ state: Order }>(
    `SELECT json_build_object(
       'id', o.id, 'status', o.status, 'ticketTypeId', o.ticket_type_id, 'quantity', o.quantity,
       'attendee', json_build_object('name', o.attendee_name, 'email', o.attendee_email),
       'totalCents', o.total_cents, 'refundedCents', o.refunded_cents, 'currency', o.currency,
       'tickets', coalesce((SELECT json_agg(json_build_object('id', t.id, 'status', t.status)
                                             ORDER BY t.created_at, t.id)
                              FROM tickets t WHERE t.order_id = o.id), '[]')) AS state
       FROM orders o WHERE o.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.state.id, r.state]));
}

export async function ticketStates(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, Ticket>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ state: Ticket }>(
    `SELECT json_build_object(
       'id', t.id, 'orderId', t.order_id, 'ticketTypeId', t.ticket_type_id, 'status', t.status,
       'revision', t.revision,
       'holder', json_build_object('name', t.attendee_name, 'email', t.attendee_email)) AS state
       FROM tickets t WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.state.id, r.state]));
}

export interface NewMessage {
  id: string;
  endpointId: string;
  outboxId: string | null;
  eventType: string;
  body: string;
}

/** Adds messages; one already made from the same outbox message for the endpoint is kept. */
export async function insertMessages(q: Queryable, messages: readonly NewMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await q.query(
    `INSERT INTO webhook_messages (id, endpoint_id, outbox_id, event_type, body)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::text[], $5::text[])
     ON CONFLICT (outbox_id, endpoint_id, event_type) DO NOTHING`,
    [
      messages.map((m) => m.id),
      messages.map((m) => m.endpointId),
      messages.map((m) => m.outboxId),
      messages.map((m) => m.eventType),
      messages.map((m) => m.body),
    ],
  );
}
