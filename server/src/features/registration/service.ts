import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, DomainError, invalid, notFound } from '../../platform/errors.js';
import { newAccessKey } from '../../platform/access-key.js';
import { enqueue } from '../../platform/bus/outbox.js';
import {
  claimIdempotencyKey,
  requestHash,
  saveResponse,
  type StoredResponse,
} from '../../platform/idempotency/idempotency.js';
import { joinWaitlist } from '../waitlist/join.js';
import { withinWindow } from '../promo-codes/rules.js';
import { validateAnswers } from './answers.js';
import { isSoldOutAtCommit } from './capacity.js';
import { placeOrder } from './place-order.js';
import { releaseExpiredHolds } from './holds.js';
import { priceOrder } from './pricing.js';
import type { Registration, RegistrationInput, Waitlisted } from './schema.js';
import * as store from './store.js';
import type { SaleContext } from './store.js';
import { consentRecord } from '../branding/consent.js';
import { normalizePhone } from './phone.js';
import { rememberAccessKey } from '../notifications/access-keys.js';
import { enforceHoldCaps, enforceWaitlistCap } from './rush-caps.js';

export interface Client {
  ip: string;
  /** Apply the event's per-address and per-email caps (off with RATE_LIMITS=off). */
  fair: boolean;
}

export interface RegisterResult {
  status: 201 | 202;
  body: Registration | Waitlisted;
}

const soldOut = () => conflict('sold_out', 'No seats are left for this ticket type.');
const isSoldOut = (err: unknown) =>
  (err instanceof DomainError && err.code === 'sold_out') || isSoldOutAtCommit(err);

/**
 * Registers an attendee for a ticket type: one transaction validates, prices, writes the order
 * with its seat claim, its tickets and the outbox message; its COMMIT takes the seats with
 * conditional UPDATEs (capacity.ts, seat claims). Sold out
 * means 409, or a waitlist place when asked for. With an Idempotency-Key the first answer is
 * stored and replayed.
 */
export async function register(
  db: Db,
  eventId: string,
  input: RegistrationInput,
  opts: {
    idempotencyKey?: string | undefined;
    now?: Date;
    /** Who asked: the address is kept on the order; `fair` applies the event's per-address caps. */
    client?: Client;
  } = {},
): Promise<RegisterResult> {
  const scope = `registration:${eventId}`;
  const hash = opts.idempotencyKey ? requestHash(input) : '';
  const attempt = () =>
    db.transaction(async (tx) => {
      if (opts.idempotencyKey) {
        const replay = await claimIdempotencyKey(tx, scope, opts.idempotencyKey, hash);
        if (replay) return replay as StoredResponse & RegisterResult;
      }
      const key = opts.idempotencyKey;
      return sell(tx, eventId, input, opts.now ?? new Date(), opts.client, async (result) => {
        if (key) await saveResponse(tx, scope, key, result);
      });
    });
  try {
    return await attempt();
  } catch (err) {
    if (!isSoldOut(err)) throw err;
  }
  // Sold out. Holds past their time may still count as taken if the sweeper is behind: free them
  // and try once more, so a stopped sweeper never turns buyers away from free seats.
  if ((await releaseExpiredHolds(db, { ticketTypeId: input.ticketTypeId })) > 0) {
    try {
      return await attempt();
    } catch (err) {
      if (!isSoldOut(err)) throw err;
    }
  }
  if (!input.joinWaitlist) throw soldOut();
  return db.transaction(async (tx) => {
    if (opts.idempotencyKey) {
      const replay = await claimIdempotencyKey(tx, scope, opts.idempotencyKey, hash);
      if (replay) return replay as StoredResponse & RegisterResult;
    }
    if (opts.client?.fair) {
      const caps = await store.loadRushCaps(tx, eventId);
      await enforceWaitlistCap(tx, eventId, caps?.maxWaitlistPerIp ?? null, opts.client.ip);
    }
    const policy = await store.loadPhonePolicy(tx, eventId);
    const contact = policy ? buyerPhone(policy, input.attendee) : {};
    const access = newAccessKey();
    const place = await joinWaitlist(tx, {
      ...contact,
      eventId,
      ticketTypeId: input.ticketTypeId,
      attendeeName: input.attendee.name,
      attendeeEmail: input.attendee.email,
      emailNormalized: normalizeEmail(input.attendee.email),
      quantity: input.quantity,
      accessKeyHash: access.hash,
      clientIp: opts.client?.ip ?? null,
      locale: input.locale ?? null,
    });
    await rememberAccessKey(tx, place.id, access.key);
    await enqueue(tx, {
      topic: 'waitlist.joined',
      eventId,
      aggregateId: place.id,
      payload: {
        ticketTypeId: input.ticketTypeId,
        email: input.attendee.email,
        position: place.position,
      },
    });
    const result: RegisterResult = {
      status: 202,
      body: {
        status: 'waitlisted',
        waitlistEntryId: place.id,
        position: place.position,
        accessKey: access.key,
      },
    };
    if (opts.idempotencyKey) await saveResponse(tx, scope, opts.idempotencyKey, result);
    return result;
  });
}

async function sell(
  tx: Queryable,
  eventId: string,
  input: RegistrationInput,
  now: Date,
  client: Client | undefined,
  /** Stores the answer for replays, in the transaction whose commit takes the seats. */
  remember: (result: RegisterResult) => Promise<void>,
): Promise<RegisterResult> {
  const sale = await store.loadSaleContext(tx, eventId, input.ticketTypeId);
  if (!sale) throw notFound('ticket type', input.ticketTypeId);
  // An access code is read first: it may unlock a hidden type and hold seats for this order.
  const promo =
    input.promoCode === undefined
      ? undefined
      : await usablePromo(tx, eventId, input.promoCode, sale.ticketTypeId, now);
  // A hidden type is not found without a code that names it: its existence stays private.
  if (sale.hidden && !promo?.ticketTypeIds?.includes(sale.ticketTypeId))
    throw notFound('ticket type', input.ticketTypeId);
  if (sale.eventArchived || sale.ticketTypeArchived || now >= sale.eventEndsAt) {
    throw conflict('sales_closed', 'This ticket type is no longer on sale.');
  }
  if (sale.salesStart && now < sale.salesStart) {
    throw conflict(
      'sales_not_started',
      `Sales for ${sale.ticketTypeName} start at ${sale.salesStart.toISOString()}.`,
    );
  }
  if (sale.salesEnd && now >= sale.salesEnd)
    throw conflict('sales_ended', `Sales for ${sale.ticketTypeName} have ended.`);
  if (input.attendees && input.attendees.length !== input.quantity) {
    throw invalid('validation_failed', `attendees: name one attendee per ticket`, [
      { field: 'attendees', message: `must name ${input.quantity} attendees, one per ticket` },
    ]);
  }
  if (input.quantity > sale.maxPerOrder) {
    throw invalid('validation_failed', `quantity: at most ${sale.maxPerOrder} per order`, [
      { field: 'quantity', message: `must be at most ${sale.maxPerOrder} per order` },
    ]);
  }
  if (input.promoCode !== undefined && !promo) {
    throw invalid('invalid_promo_code', 'This promo code is not valid for this ticket.', [
      { field: 'promoCode', message: 'is not valid for this ticket' },
    ]);
  }
  const contact = buyerPhone(sale.phone, input.attendee);
  const consent = consentRecord(sale.consentDocuments, input.consent, now);
  const reserveCovers = promo !== undefined && promo.reserveLeft >= input.quantity;
  // Fail fast without taking locks; the seat claim's commit is what decides.
  if (!reserveCovers && sale.availableSeats < input.quantity) throw soldOut();

  const answered = validateAnswers(sale.questions, input.answers ?? {});
  if (!answered.ok) {
    throw invalid(
      'validation_failed',
      `${answered.issues[0]!.field}: ${answered.issues[0]!.message}`,
      answered.issues,
    );
  }

  const email = normalizeEmail(input.attendee.email);
  if (sale.maxTicketsPerEmail !== null) {
    const already = await store.ticketsHeldByEmail(tx, eventId, email);
    if (already + input.quantity > sale.maxTicketsPerEmail) {
      throw conflict(
        'email_limit_reached',
        `At most ${sale.maxTicketsPerEmail} tickets per email address; this one already has ${already}.`,
      );
    }
  }

  let reservedSeats = 0;
  if (promo) {
    if (!(await store.usePromoCode(tx, promo.id))) {
      throw conflict('promo_code_exhausted', 'This promo code has been used up.');
    }
    // Both conditional UPDATEs on the code's row: concurrent orders use its reserve one by one.
    if (reserveCovers && (await store.takeFromReserve(tx, promo.id, input.quantity)))
      reservedSeats = input.quantity;
    else if (sale.availableSeats < input.quantity) throw soldOut();
  }

  const price = priceOrder(sale.priceCents, input.quantity, promo);
  // An unpaid order holds seats: what one email or one address may hold at once is capped.
  if (client?.fair && price.totalCents > 0)
    await enforceHoldCaps(tx, eventId, sale, { email, ip: client.ip });
  const body = await placeOrder(tx, {
    eventId,
    ticketTypeId: sale.ticketTypeId,
    quantity: input.quantity,
    attendee: input.attendee,
    attendees: input.attendees,
    emailNormalized: email,
    answers: answered.answers,
    promoCodeId: promo?.id ?? null,
    reservedSeats,
    price,
    currency: sale.currency,
    paymentProvider: sale.paymentProvider,
    holdMinutes: sale.holdMinutes,
    now,
    claimSeats: reservedSeats === 0,
    clientIp: client?.ip ?? null,
    locale: input.locale ?? null,
    ...contact,
    consent,
  });
  const result: RegisterResult = { status: 201, body };
  // If the seats are gone at COMMIT, the rollback takes the stored answer with it.
  await remember(result);
  return result;
}

/** The event's live code spelled `code` that applies to the ticket type now. */
async function usablePromo(
  tx: Queryable,
  eventId: string,
  code: string,
  ticketTypeId: string,
  now: Date,
): Promise<store.PromoRow | undefined> {
  const promo = await store.findPromoCode(tx, eventId, code);
  const fits =
    promo &&
    withinWindow(promo, now) &&
    (!promo.ticketTypeIds || promo.ticketTypeIds.includes(ticketTypeId));
  return fits ? promo : undefined;
}

/** Email as compared for limits and the waitlist: trimmed and lower-cased. */
/**
 * The buyer's phone in E.164 as the event asks for it (off: none is kept), and their SMS consent,
 * which only counts with a phone. A number that cannot exist is a 400 naming `attendee.phone`.
 */
function buyerPhone(
  event: SaleContext['phone'],
  buyer: RegistrationInput['attendee'],
): { phone: string | null; smsOptIn: boolean } {
  const typed = buyer.phone?.trim() ?? '';
  if (event.field === 'off' || (typed === '' && event.field === 'optional')) {
    return { phone: null, smsOptIn: false };
  }
  const fail = (message: string) =>
    invalid('validation_failed', `attendee.phone: ${message}`, [
      { field: 'attendee.phone', message },
    ]);
  if (typed === '') throw fail('is required for this event');
  const parsed = normalizePhone(typed, buyer.phoneRegion ?? event.region);
  if (!parsed.ok) throw fail(parsed.message);
  return { phone: parsed.e164, smsOptIn: buyer.smsOptIn === true };
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
