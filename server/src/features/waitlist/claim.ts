import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { consentRecord } from '../branding/consent.js';
import { validateAnswers } from '../registration/answers.js';
import { convertHeldToSold } from '../registration/capacity.js';
import { placeOrder } from '../registration/place-order.js';
import { priceOrder } from '../registration/pricing.js';
import type { Registration } from '../registration/schema.js';
import * as registrationStore from '../registration/store.js';
import { opens, type Accessor } from '../ticketing/access.js';
import { waitlistPosition } from './join.js';
import { expireOffers } from './offer-expiry.js';
import * as store from './store.js';

export interface ClaimInput {
  answers?: Record<string, unknown> | undefined;
  consent?: boolean | undefined;
}

type ClaimOutcome =
  { kind: 'order'; order: Registration } | { kind: 'expired'; ticketTypeId: string };

const offerExpired = () =>
  conflict('offer_expired', 'This waitlist offer has expired; the seats went to the next in line.');

/**
 * Turns a waitlist offer into an order, in one transaction: the entry is locked (of two claims at
 * once, the second sees it claimed), answers are checked as at registration, and the order and
 * tickets are written as registration writes them. The offer's held seats become sold for a free
 * ticket; for a priced one they stay held by the new pending_payment order for the event's hold
 * time. A claim after the offer's time releases it to the next in line and answers `offer_expired`.
 */
export async function claimOffer(
  db: Db,
  accessor: Accessor,
  entryId: string,
  input: ClaimInput,
  opts: { now?: Date } = {},
): Promise<Registration> {
  const now = opts.now ?? new Date();
  const outcome = await db.transaction(async (tx): Promise<ClaimOutcome> => {
    const entry = await store.findEntry(tx, entryId, true);
    if (!entry || !opens(accessor, entry)) throw notFound('waitlist entry', entryId);
    if (entry.status === 'offered' && entry.offerExpiresAt! <= now) {
      return { kind: 'expired', ticketTypeId: entry.ticketTypeId };
    }
    if (entry.status !== 'offered') await refuse(tx, entry);
    return { kind: 'order', order: await convert(tx, entry, input, now) };
  });
  if (outcome.kind === 'order') return outcome.order;
  // After the claim's transaction, which only read: end the offer and pass its seats on.
  await expireOffers(db, { ticketTypeId: outcome.ticketTypeId, now });
  throw offerExpired();
}

async function refuse(tx: Queryable, entry: store.EntryRow): Promise<never> {
  switch (entry.status) {
    case 'waiting': {
      const position = await waitlistPosition(tx, entry.ticketTypeId, entry.queuePosition);
      throw conflict(
        'offer_not_made',
        `No seat has been offered to this entry yet; it is number ${position} in line.`,
        { position },
      );
    }
    case 'claimed':
      throw conflict('offer_already_claimed', 'This waitlist offer has already been claimed.', {
        orderId: entry.claimedOrderId,
      });
    case 'expired':
      throw offerExpired();
    default:
      throw conflict('waitlist_entry_cancelled', 'This entry has left the waitlist.');
  }
}

async function convert(
  tx: Queryable,
  entry: store.EntryRow,
  input: ClaimInput,
  now: Date,
): Promise<Registration> {
  const sale = await registrationStore.loadSaleContext(tx, entry.eventId, entry.ticketTypeId);
  if (!sale) throw notFound('ticket type', entry.ticketTypeId);
  if (sale.eventArchived || sale.ticketTypeArchived || now >= sale.eventEndsAt) {
    throw conflict('sales_closed', 'This ticket type is no longer on sale.');
  }
  const answered = validateAnswers(
    await registrationStore.loadQuestions(tx, entry.eventId, entry.ticketTypeId),
    input.answers ?? {},
  );
  if (!answered.ok) {
    const first = answered.issues[0]!;
    throw invalid('validation_failed', `${first.field}: ${first.message}`, answered.issues);
  }
  // The order is made now: the buyer agrees now, as at registration.
  const consent = consentRecord(sale.consentDocuments, input.consent, now);
  if (sale.maxTicketsPerEmail !== null) {
    const already = await registrationStore.ticketsHeldByEmail(
      tx,
      entry.eventId,
      entry.emailNormalized,
    );
    if (already + entry.quantity > sale.maxTicketsPerEmail) {
      throw conflict(
        'email_limit_reached',
        `At most ${sale.maxTicketsPerEmail} tickets per email address; this one already has ${already}.`,
      );
    }
  }

  const order = await placeOrder(tx, {
    eventId: entry.eventId,
    ticketTypeId: entry.ticketTypeId,
    quantity: entry.quantity,
    attendee: { name: entry.attendeeName, email: entry.attendeeEmail },
    emailNormalized: entry.emailNormalized,
    phone: entry.phone,
    smsOptIn: entry.smsOptIn,
    locale: entry.locale,
    answers: answered.answers,
    promoCodeId: null,
    price: priceOrder(sale.priceCents, entry.quantity),
    currency: sale.currency,
    paymentProvider: sale.paymentProvider,
    holdMinutes: sale.holdMinutes,
    now,
    claimSeats: false,
    consent,
    announce: { waitlistEntryId: entry.id },
  });
  await store.setStatus(tx, entry.id, 'claimed', order.id);
  // The offer's seats are already taken as held; a free order makes them sold, a priced one keeps
  // them held under its own hold (released by the hold sweeper if unpaid).
  if (order.status === 'confirmed') await convertHeldToSold(tx, entry.ticketTypeId, entry.quantity);
  await enqueue(tx, {
    topic: 'waitlist.claimed',
    eventId: entry.eventId,
    aggregateId: entry.id,
    payload: { waitlistEntryId: entry.id, orderId: order.id, email: entry.attendeeEmail },
  });
  return order;
}
