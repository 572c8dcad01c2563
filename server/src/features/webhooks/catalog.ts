import { z } from 'zod';
import { Event } from '../events/schema.js';

// The event types integrators can subscribe to, each with the JSON schema of its `data`, and
// the outbox topics they come from. Every `data` carries the ids, the object's current state
// where there is one, and `version`: it grows with every change of the object, so a receiver
// drops a state older than one it has applied (deliveries are at least once, in no set order).

const Uuid = z.uuid();
const Version = z
  .number()
  .int()
  .describe('Grows with every change of the object; ignore a payload older than one applied.');
const Person = z.object({ name: z.string(), email: z.string() });

export const OrderState = z.object({
  id: Uuid,
  status: z.enum(['pending_payment', 'confirmed', 'expired', 'cancelled']),
  ticketTypeId: Uuid,
  quantity: z.number().int(),
  attendee: Person,
  totalCents: z.number().int(),
  refundedCents: z.number().int(),
  currency: z.string(),
  tickets: z.array(
    z.object({ id: Uuid, status: z.enum(['pending', 'valid', 'revoked', 'cancelled']) }),
  ),
});

export const TicketState = z.object({
  id: Uuid,
  orderId: Uuid,
  ticketTypeId: Uuid,
  status: z.enum(['pending', 'valid', 'revoked', 'cancelled']),
  revision: z.number().int(),
  holder: Person,
});

const OrderData = (extra: z.ZodRawShape) =>
  z.object({ eventId: Uuid, orderId: Uuid, version: Version, order: OrderState, ...extra });
const TicketData = (extra: z.ZodRawShape) =>
  z.object({
    eventId: Uuid,
    ticketId: Uuid,
    orderId: Uuid,
    version: Version,
    ticket: TicketState,
    ...extra,
  });

/** Which object a type's `data` describes, so fan-out knows what current state to read. */
export type ObjectKind = 'order' | 'ticket' | 'none';

export interface EventType {
  type: string;
  summary: string;
  object: ObjectKind;
  data: z.ZodObject;
}

export const EVENT_TYPES: readonly EventType[] = [
  {
    type: 'registration.confirmed',
    summary: 'An order is confirmed: free at once, or paid later. Its tickets are valid.',
    object: 'order',
    data: OrderData({ ticketIds: z.array(Uuid) }),
  },
  {
    type: 'order.paid',
    summary: 'A payment confirmed a pending order.',
    object: 'order',
    data: OrderData({ paymentId: Uuid, ticketIds: z.array(Uuid) }),
  },
  {
    type: 'order.cancelled',
    summary: 'An order was cancelled; its tickets are cancelled.',
    object: 'order',
    data: OrderData({ previousStatus: z.string(), reason: z.string().nullable() }),
  },
  {
    type: 'order.refunded',
    summary: 'Money was given back for an order.',
    object: 'order',
    data: OrderData({
      refundId: Uuid,
      amountCents: z.number().int(),
      currency: z.string(),
      ticketsCancelled: z.boolean(),
    }),
  },
  {
    type: 'ticket.transferred',
    summary: 'A ticket moved to another holder; its old token is refused.',
    object: 'ticket',
    data: TicketData({ previousHolder: Person }),
  },
  {
    type: 'ticket.reissued',
    summary: 'A ticket got a new token; the old one is refused.',
    object: 'ticket',
    data: TicketData({}),
  },
  {
    type: 'ticket.revoked',
    summary: 'A ticket was revoked and is refused at every door.',
    object: 'ticket',
    data: TicketData({ reason: z.string().nullable() }),
  },
  {
    type: 'waitlist.offered',
    summary: 'Seats were offered to someone on the waitlist until `offerExpiresAt`.',
    object: 'none',
    data: z.object({
      eventId: Uuid,
      waitlistEntryId: Uuid,
      version: Version,
      ticketTypeId: Uuid,
      name: z.string(),
      email: z.string(),
      quantity: z.number().int(),
      offerExpiresAt: z.string(),
    }),
  },
  {
    type: 'checkin.admitted',
    summary:
      'A ticket was admitted (or let out, `direction: exit`) at a door: online, or an offline scan a kiosk uploaded (`origin: upload`).',
    object: 'ticket',
    data: TicketData({
      scanId: Uuid,
      listId: Uuid,
      gate: z.string().nullable(),
      direction: z.enum(['entry', 'exit']),
      origin: z.enum(['online', 'upload']),
      deviceId: Uuid.nullable(),
      scannedAt: z.string(),
    }),
  },
  {
    type: 'checkin.flagged',
    summary:
      'An offline device let a ticket in that had already been admitted; `duplicateOf` is the admission that counts.',
    object: 'ticket',
    data: TicketData({ scanId: Uuid, listId: Uuid, duplicateOf: Uuid }),
  },
  {
    type: 'event.updated',
    summary: "An event's details changed; `event` is the event as it is now.",
    object: 'none',
    data: z.object({ eventId: Uuid, version: Version, event: Event }),
  },
  {
    type: 'schedule.released',
    summary:
      "A new release of an event's schedule: its number, comment and how many sessions are new, cancelled, moved, renamed or re-staffed (the diff itself: GET /api/v1/events/{eventId}/schedule/diff).",
    object: 'none',
    data: z.object({
      eventId: Uuid,
      version: Version,
      release: z.number().int(),
      comment: z.string(),
      counts: z.record(z.string(), z.number().int()),
    }),
  },
  {
    type: 'webhook.test',
    summary: 'Sent on request ("send a test event") to check a receiver.',
    object: 'none',
    data: z.object({ webhookId: Uuid, message: z.string() }),
  },
];

export const EVENT_TYPE_NAMES: readonly string[] = EVENT_TYPES.map((t) => t.type);

/** The outbox topics fan-out subscribes to; each becomes the webhook type of the same name. */
export const SOURCE_TOPICS = [
  'registration.confirmed',
  'order.cancelled',
  'order.refunded',
  'ticket.transferred',
  'ticket.reissued',
  'ticket.revoked',
  'waitlist.offered',
  'checkin.admitted',
  'checkin.flagged',
  'event.updated',
  'schedule.released',
];

/** The webhook types one outbox message becomes (a paid confirmation is also `order.paid`). */
export function typesOfTopic(topic: string, payload: Record<string, unknown>): string[] {
  if (!SOURCE_TOPICS.includes(topic)) return [];
  return topic === 'registration.confirmed' && payload.paymentId ? [topic, 'order.paid'] : [topic];
}

/** Whether an endpoint subscribed to `wanted` (`*`: all) gets `type`. */
export function wants(wanted: readonly string[], type: string): boolean {
  return wanted.includes('*') || wanted.includes(type);
}

/** The type's entry; undefined for a name not in the catalog. */
export const eventType = (type: string) => EVENT_TYPES.find((t) => t.type === type);

/** The catalog as the OpenAPI document's `webhooks`: each type's full payload schema. */
export function webhookDocs(): { name: string; summary: string; payload: z.ZodType }[] {
  return EVENT_TYPES.map((t) => ({
    name: t.type,
    summary: t.summary,
    payload: z.object({
      type: z.literal(t.type),
      timestamp: z.iso.datetime().describe('When the change happened.'),
      data: t.data,
    }),
  }));
}
