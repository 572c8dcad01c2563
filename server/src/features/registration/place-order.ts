import { randomUUID } from 'node:crypto';
import type { ConsentRecord } from '../branding/consent.js';
import type { Queryable } from '../../platform/db/db.js';
import { newAccessKey } from '../../platform/access-key.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { issueTickets } from '../ticketing/issue-tickets.js';
import { convertHeldToSold } from './capacity.js';
import type { OrderPrice } from './pricing.js';
import type { Registration } from './schema.js';
import * as store from './store.js';
import { rememberAccessKey } from '../notifications/access-keys.js';

export interface OrderToPlace {
  eventId: string;
  ticketTypeId: string;
  quantity: number;
  attendee: { name: string; email: string };
  /** Each ticket's own attendee, by position; default the buyer. */
  attendees?: readonly { name: string; email: string }[] | undefined;
  emailNormalized: string;
  answers: Record<string, unknown>;
  promoCodeId: string | null;
  /** Seats taken from the promo code's reserve, held already (then claimSeats is false). */
  reservedSeats?: number;
  price: OrderPrice;
  currency: string;
  /** How a priced order is paid; a free one is confirmed at once. */
  paymentProvider: 'manual' | 'stripe';
  holdMinutes: number;
  now: Date;
  /** Take the seats when the transaction commits (a sale); false when they are held already. */
  claimSeats: boolean;
  /** The client address that placed it, kept for the fair-rush caps and the holds view. */
  clientIp?: string | null;
  /** The buyer's phone (E.164) and SMS consent, when the event asks for a phone. */
  phone?: string | null;
  smsOptIn?: boolean;
  /** The language the buyer chose (null: the event's default): their messages' language. */
  locale?: string | null;
  /** The documents the buyer agreed to, and when (null: the event asks none). */
  consent?: ConsentRecord | null;
  /** Added to the outbox message, e.g. the waitlist entry an order came from. */
  announce?: Record<string, unknown>;
}

/**
 * Writes an order (confirmed when free, else pending payment with a hold), one ticket per seat and
 * the outbox message, in the caller's transaction. With `claimSeats` the order's seats are taken
 * at COMMIT (capacity.ts, seat claims), which fails the whole transaction when they are gone; a
 * waitlist claim already holds them.
 */
export async function placeOrder(tx: Queryable, o: OrderToPlace): Promise<Registration> {
  const free = o.price.totalCents === 0;
  const orderId = randomUUID();
  const access = newAccessKey();
  const status = free ? 'confirmed' : 'pending_payment';
  const paymentMethod = free ? 'free' : o.paymentProvider;
  const holdExpiresAt = free ? null : new Date(o.now.getTime() + o.holdMinutes * 60_000);
  await store.insertOrder(tx, {
    id: orderId,
    eventId: o.eventId,
    ticketTypeId: o.ticketTypeId,
    quantity: o.quantity,
    attendeeName: o.attendee.name,
    attendeeEmail: o.attendee.email,
    emailNormalized: o.emailNormalized,
    answers: o.answers,
    promoCodeId: o.promoCodeId,
    reservedSeats: o.reservedSeats ?? 0,
    ...o.price,
    currency: o.currency,
    status,
    paymentMethod,
    holdExpiresAt,
    accessKeyHash: access.hash,
    claimSeats: o.claimSeats,
    clientIp: o.clientIp ?? null,
    phone: o.phone ?? null,
    smsOptIn: o.smsOptIn ?? false,
    locale: o.locale ?? null,
    consent: o.consent ?? null,
  });
  await rememberAccessKey(tx, orderId, access.key);
  // Reserved seats are held; a free order keeps them as sold at once.
  if (free && o.reservedSeats) await convertHeldToSold(tx, o.ticketTypeId, o.reservedSeats);
  const tickets = await issueTickets(tx, {
    orderId,
    eventId: o.eventId,
    ticketTypeId: o.ticketTypeId,
    attendeeName: o.attendee.name,
    attendeeEmail: o.attendee.email,
    attendees: o.attendees,
    count: o.quantity,
    status: free ? 'valid' : 'pending',
    actor: 'attendee',
  });
  await enqueue(tx, {
    topic: free ? 'registration.confirmed' : 'registration.pending_payment',
    eventId: o.eventId,
    aggregateId: orderId,
    payload: {
      orderId,
      email: o.attendee.email,
      name: o.attendee.name,
      ticketIds: tickets.map((t) => t.id),
      ...o.announce,
    },
  });
  return {
    id: orderId,
    status,
    eventId: o.eventId,
    ticketTypeId: o.ticketTypeId,
    quantity: o.quantity,
    ...o.price,
    currency: o.currency,
    paymentMethod,
    holdExpiresAt: holdExpiresAt?.toISOString() ?? null,
    accessKey: access.key,
    tickets: tickets.map((t) => ({
      id: t.id,
      token: t.token,
      status: t.status as 'pending' | 'valid',
    })),
  };
}
