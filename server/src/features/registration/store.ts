import type { Queryable } from '../../platform/db/db.js';
import type { Question } from './answers.js';
import type { PhoneField } from './phone.js';
import { consentDocuments, type ConsentDocument, type ConsentRecord } from '../branding/consent.js';

// SQL of registration: what a sale reads about its event, and the order it writes.

export interface SaleContext {
  eventId: string;
  eventArchived: boolean;
  eventEndsAt: Date;
  paymentProvider: 'manual' | 'stripe';
  holdMinutes: number;
  maxTicketsPerEmail: number | null;
  maxHoldsPerEmail: number | null;
  maxHoldsPerIp: number | null;
  maxWaitlistPerIp: number | null;
  /** Registration needs a solved proof-of-work challenge. */
  proofOfWork: boolean;
  /** Whether the event asks for the buyer's phone, and the country national numbers are read in. */
  phone: { field: PhoneField; region: string | null };
  ticketTypeId: string;
  ticketTypeName: string;
  ticketTypeArchived: boolean;
  priceCents: number;
  currency: string;
  maxPerOrder: number;
  salesStart: Date | null;
  salesEnd: Date | null;
  /** Sold only with an access code that names the type. */
  hidden: boolean;
  /** Seats free when read (capacity.ts, availableSeats): for failing fast, not for deciding. */
  availableSeats: number;
  /** The questions that apply to this ticket type, in display order. */
  questions: Question[];
  /** The documents the buyer must agree to (the event's terms and privacy links). */
  consentDocuments: ConsentDocument[];
}

// The event's live questions that apply to ticket type $2, as one JSON array in display order.
const QUESTIONS_OF_TYPE = `
  SELECT coalesce(json_agg(json_build_object('id', id, 'label', label, 'kind', kind,
                                             'required', required, 'options', options)
                           ORDER BY position, created_at), '[]')
  FROM questions
  WHERE event_id = $1 AND archived_at IS NULL AND (ticket_type_ids IS NULL OR $2::uuid = ANY (ticket_type_ids))`;

/** All a sale reads before it writes, in one statement: the terms, the free seats, the questions. */
export async function loadSaleContext(
  db: Queryable,
  eventId: string,
  ticketTypeId: string,
): Promise<SaleContext | undefined> {
  const { rows } = await db.query<{
    event_archived: boolean;
    ends_at: Date;
    payment_provider: 'manual' | 'stripe';
    hold_minutes: number;
    max_tickets_per_email: number | null;
    max_holds_per_email: number | null;
    max_holds_per_ip: number | null;
    max_waitlist_per_ip: number | null;
    proof_of_work: boolean;
    attendee_phone: PhoneField;
    phone_region: string | null;
    name: string;
    type_archived: boolean;
    price_cents: number;
    currency: string;
    max_per_order: number;
    sales_start: Date | null;
    sales_end: Date | null;
    hidden: boolean;
    available: number;
    questions: Question[];
    terms_url: string | null;
    privacy_url: string | null;
  }>(
    `SELECT e.archived_at IS NOT NULL AS event_archived, e.ends_at, e.payment_provider, e.hold_minutes,
            e.max_tickets_per_email, e.max_holds_per_email, e.max_holds_per_ip,
            e.max_waitlist_per_ip, e.proof_of_work, e.attendee_phone, e.phone_region, tt.name, tt.archived_at IS NOT NULL AS type_archived, tt.price_cents,
            tt.currency, tt.max_per_order, tt.sales_start, tt.sales_end, tt.hidden, s.available,
            (${QUESTIONS_OF_TYPE}) AS questions,
            e.branding->>'termsUrl' AS terms_url, e.branding->>'privacyUrl' AS privacy_url
     FROM ticket_types tt JOIN events e ON e.id = tt.event_id
       JOIN available_seats(ARRAY[$2::uuid]) s ON s.ticket_type_id = tt.id
     WHERE tt.id = $2 AND tt.event_id = $1`,
    [eventId, ticketTypeId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    eventId,
    eventArchived: r.event_archived,
    eventEndsAt: r.ends_at,
    paymentProvider: r.payment_provider,
    holdMinutes: r.hold_minutes,
    maxTicketsPerEmail: r.max_tickets_per_email,
    maxHoldsPerEmail: r.max_holds_per_email,
    maxHoldsPerIp: r.max_holds_per_ip,
    maxWaitlistPerIp: r.max_waitlist_per_ip,
    proofOfWork: r.proof_of_work,
    phone: { field: r.attendee_phone, region: r.phone_region },
    ticketTypeId,
    ticketTypeName: r.name,
    ticketTypeArchived: r.type_archived,
    priceCents: Number(r.price_cents),
    currency: r.currency,
    maxPerOrder: r.max_per_order,
    salesStart: r.sales_start,
    salesEnd: r.sales_end,
    hidden: r.hidden,
    availableSeats: r.available,
    questions: r.questions,
    consentDocuments: consentDocuments({ termsUrl: r.terms_url, privacyUrl: r.privacy_url }),
  };
}

/** The event's questions that apply to this ticket type. */
export async function loadQuestions(
  db: Queryable,
  eventId: string,
  ticketTypeId: string,
): Promise<Question[]> {
  const { rows } = await db.query<{ questions: Question[] }>(
    `SELECT (${QUESTIONS_OF_TYPE}) AS questions`,
    [eventId, ticketTypeId],
  );
  return rows[0]!.questions;
}

export interface PromoRow {
  id: string;
  discountKind: 'percent' | 'fixed' | null;
  discountValue: number | null;
  /** Reserved seats not yet used, when read. */
  reserveLeft: number;
  validFrom: Date | null;
  validUntil: Date | null;
  ticketTypeIds: string[] | null;
}

export async function findPromoCode(
  db: Queryable,
  eventId: string,
  code: string,
): Promise<PromoRow | undefined> {
  const { rows } = await db.query<{
    id: string;
    discount_kind: 'percent' | 'fixed' | null;
    discount_value: number | null;
    reserve_left: number;
    valid_from: Date | null;
    valid_until: Date | null;
    ticket_type_ids: string[] | null;
  }>(
    `SELECT id, discount_kind, discount_value, reserve_left, valid_from, valid_until, ticket_type_ids FROM promo_codes
     WHERE event_id = $1 AND upper(code) = upper($2) AND archived_at IS NULL`,
    [eventId, code],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      discountKind: r.discount_kind,
      discountValue: r.discount_value,
      reserveLeft: r.reserve_left,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      ticketTypeIds: r.ticket_type_ids,
    }
  );
}

/** One use of a promo code, unless it has none left. */
export async function usePromoCode(tx: Queryable, promoId: string): Promise<boolean> {
  const r = await tx.query(
    `UPDATE promo_codes SET uses = uses + 1, updated_at = now()
     WHERE id = $1 AND (max_uses IS NULL OR uses < max_uses) RETURNING 1`,
    [promoId],
  );
  return r.rowCount === 1;
}

/** Takes `n` seats from the code's reserve (they are held already), unless fewer are left. */
export async function takeFromReserve(tx: Queryable, promoId: string, n: number): Promise<boolean> {
  const r = await tx.query(
    `UPDATE promo_codes SET reserve_left = reserve_left - $2, updated_at = now()
     WHERE id = $1 AND reserve_left >= $2 RETURNING 1`,
    [promoId, n],
  );
  return r.rowCount === 1;
}

/**
 * Seats these orders took from a live code's reserve go back to it (they stay held, so the public
 * cannot take them); an archived code's go to the public. Returns how many went back, so the
 * caller releases only the rest. The orders are locked by the caller; promo rows are locked here,
 * before the caller touches capacity rows, as registration does.
 */
export async function returnReservedSeats(
  tx: Queryable,
  orderIds: readonly string[],
): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `WITH back AS (
       UPDATE orders o SET reserved_seats = 0
       FROM orders old JOIN promo_codes p ON p.id = old.promo_code_id AND p.archived_at IS NULL
       WHERE o.id = old.id AND old.id = ANY($1::uuid[]) AND old.reserved_seats > 0
       RETURNING old.promo_code_id, old.reserved_seats
     ), codes AS (
       UPDATE promo_codes p SET reserve_left = p.reserve_left + b.n, updated_at = now()
       FROM (SELECT promo_code_id, sum(reserved_seats)::int AS n FROM back GROUP BY promo_code_id) b
       WHERE p.id = b.promo_code_id RETURNING b.n
     )
     SELECT coalesce(sum(n), 0)::int AS n FROM codes`,
    [orderIds],
  );
  return rows[0]!.n;
}

/**
 * Gives back the promo code uses of orders that ended without being kept (cancelled, expired), so
 * a limited code is not used up by orders that never happened. Called before the seats go back:
 * promo code rows are locked before capacity rows, as registration does.
 */
export async function returnPromoUses(tx: Queryable, orderIds: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE promo_codes p SET uses = greatest(p.uses - o.n, 0), updated_at = now()
     FROM (SELECT promo_code_id, count(*)::int AS n FROM orders
           WHERE id = ANY($1::uuid[]) AND promo_code_id IS NOT NULL
           GROUP BY promo_code_id) o
     WHERE p.id = o.promo_code_id`,
    [orderIds],
  );
}

/**
 * Tickets this email already has in live orders of the event. The caller first takes a lock on
 * (event, email), so two concurrent orders from one email are counted one after the other.
 */
export async function ticketsHeldByEmail(
  tx: Queryable,
  eventId: string,
  email: string,
): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lanyard.email:' || $1 || ':' || $2))`, [
    eventId,
    email,
  ]);
  const { rows } = await tx.query<{ n: number }>(
    `SELECT coalesce(sum(quantity), 0)::int AS n FROM orders
     WHERE event_id = $1 AND email_normalized = $2 AND status IN ('pending_payment', 'confirmed')`,
    [eventId, email],
  );
  return rows[0]!.n;
}

export interface NewOrder {
  id: string;
  eventId: string;
  ticketTypeId: string;
  quantity: number;
  attendeeName: string;
  attendeeEmail: string;
  emailNormalized: string;
  answers: Record<string, unknown>;
  promoCodeId: string | null;
  /** Seats taken from the promo code's reserve (then claimSeats is false). */
  reservedSeats: number;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  currency: string;
  status: 'pending_payment' | 'confirmed';
  paymentMethod: 'free' | 'manual' | 'stripe';
  holdExpiresAt: Date | null;
  accessKeyHash: string;
  /** The client address that placed it (null: staff, a waitlist claim). */
  clientIp?: string | null;
  /** E.164. */
  phone?: string | null;
  smsOptIn?: boolean;
  locale?: string | null;
  consent?: ConsentRecord | null;
  /**
   * Take the order's seats at COMMIT (a sale): the same statement inserts the seat claim
   * (capacity.ts), sold for a confirmed order, held for one pending payment. False when the seats
   * are taken already (a waitlist offer's).
   */
  claimSeats: boolean;
}

/** Writes the order and, when asked, its seat claim: one round trip for both. */
export async function insertOrder(tx: Queryable, o: NewOrder): Promise<void> {
  await tx.query(
    `WITH placed AS (
       INSERT INTO orders (id, event_id, ticket_type_id, quantity, attendee_name, attendee_email, email_normalized,
         answers, promo_code_id, subtotal_cents, discount_cents, total_cents, currency, status, payment_method,
         hold_expires_at, access_key_hash, reserved_seats, client_ip, attendee_phone, sms_opt_in,
         locale, consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17, $19, $20,
               $21, $22, $23, $24::jsonb)
       RETURNING ticket_type_id, quantity, status
     )
     INSERT INTO seat_claims (ticket_type_id, seats, state)
     SELECT ticket_type_id, quantity, CASE status WHEN 'confirmed' THEN 'sold' ELSE 'held' END
     FROM placed WHERE $18`,
    [
      o.id,
      o.eventId,
      o.ticketTypeId,
      o.quantity,
      o.attendeeName,
      o.attendeeEmail,
      o.emailNormalized,
      JSON.stringify(o.answers),
      o.promoCodeId,
      o.subtotalCents,
      o.discountCents,
      o.totalCents,
      o.currency,
      o.status,
      o.paymentMethod,
      o.holdExpiresAt,
      o.accessKeyHash,
      o.claimSeats,
      o.reservedSeats,
      o.clientIp ?? null,
      o.phone ?? null,
      o.smsOptIn ?? false,
      o.locale ?? null,
      o.consent ? JSON.stringify(o.consent) : null,
    ],
  );
}

/** Whether the event asks for a phone, and its default country (undefined: no such event). */
export async function loadPhonePolicy(
  db: Queryable,
  eventId: string,
): Promise<SaleContext['phone'] | undefined> {
  const { rows } = await db.query<SaleContext['phone']>(
    `SELECT attendee_phone AS field, phone_region AS region FROM events WHERE id = $1`,
    [eventId],
  );
  return rows[0];
}

/** The event's cap on waitlist places per client address (undefined: no such event). */
export async function loadRushCaps(
  db: Queryable,
  eventId: string,
): Promise<{ maxWaitlistPerIp: number | null } | undefined> {
  const { rows } = await db.query<{ max_waitlist_per_ip: number | null }>(
    `SELECT max_waitlist_per_ip FROM events WHERE id = $1`,
    [eventId],
  );
  return rows[0] && { maxWaitlistPerIp: rows[0].max_waitlist_per_ip };
}
