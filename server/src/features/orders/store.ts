import type { ConsentRecord } from '../branding/consent.js';
import type { Queryable } from '../../platform/db/db.js';
import type { TicketCursor } from '../ticketing/store.js';
import { paymentReference } from './payment-reference.js';
import type { OrderStatus, OrderSummary, Payment, Refund } from './schema.js';

// All SQL that reads and changes orders as a whole. Rows are mapped to the API shapes here.

/** An order with what access checks and the payment use cases need. */
export interface OrderRecord extends OrderSummary {
  organizationId: string;
  eventName: string;
  accessKeyHash: string;
}

interface OrderRow {
  id: string;
  event_id: string;
  event_name: string;
  organization_id: string;
  ticket_type_id: string;
  ticket_type_name: string;
  status: OrderStatus;
  quantity: number;
  attendee_name: string;
  attendee_email: string;
  attendee_phone: string | null;
  sms_opt_in: boolean;
  locale: string | null;
  consent: ConsentRecord | null;
  subtotal_cents: string;
  discount_cents: string;
  total_cents: string;
  paid_cents: string;
  refunded_cents: string;
  currency: string;
  payment_method: OrderSummary['paymentMethod'];
  hold_expires_at: Date | null;
  access_key_hash: string;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

// Paid is the sum of succeeded payments; they only change under the order's row lock.
const ORDER_COLUMNS = `o.id, o.event_id, e.name AS event_name, e.organization_id, o.ticket_type_id,
    tt.name AS ticket_type_name, o.status, o.quantity, o.attendee_name, o.attendee_email,
    o.attendee_phone, o.sms_opt_in, o.locale, o.consent, o.subtotal_cents, o.discount_cents, o.total_cents, o.refunded_cents, o.currency, o.payment_method,
    o.hold_expires_at, o.access_key_hash, o.created_at, o.updated_at,
    (SELECT coalesce(sum(p.amount_cents), 0) FROM payments p
     WHERE p.order_id = o.id AND p.status = 'succeeded') AS paid_cents`;
const ORDER_FROM = `
  FROM orders o
  JOIN events e ON e.id = o.event_id
  JOIN ticket_types tt ON tt.id = o.ticket_type_id`;

function toRecord(r: OrderRow): OrderRecord {
  const total = Number(r.total_cents);
  const paid = Number(r.paid_cents);
  const refunded = Number(r.refunded_cents);
  // What the order keeps: its total while it stands, nothing once it expired or was cancelled.
  const kept = r.status === 'confirmed' ? total : 0;
  return {
    id: r.id,
    eventId: r.event_id,
    ticketTypeId: r.ticket_type_id,
    ticketTypeName: r.ticket_type_name,
    status: r.status,
    reference: paymentReference(r.id),
    quantity: r.quantity,
    attendee: {
      name: r.attendee_name,
      email: r.attendee_email,
      phone: r.attendee_phone,
      smsOptIn: r.sms_opt_in,
      locale: r.locale,
    },
    subtotalCents: Number(r.subtotal_cents),
    discountCents: Number(r.discount_cents),
    totalCents: total,
    paidCents: paid,
    refundedCents: refunded,
    refundDueCents: Math.max(0, paid - refunded - kept),
    currency: r.currency,
    consent: r.consent,
    paymentMethod: r.payment_method,
    holdExpiresAt: r.hold_expires_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    organizationId: r.organization_id,
    eventName: r.event_name,
    accessKeyHash: r.access_key_hash,
  };
}

/** The API shape, without the access fields. */
export function toSummary(r: OrderRecord): OrderSummary {
  const { organizationId: _o, eventName: _e, accessKeyHash: _a, ...summary } = r;
  return summary;
}

/** One order; `forUpdate` locks its row (every change of an order takes this lock first). */
export async function findOrder(
  db: Queryable,
  orderId: string,
  forUpdate = false,
): Promise<OrderRecord | undefined> {
  const { rows } = await db.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} ${ORDER_FROM} WHERE o.id = $1${forUpdate ? ' FOR UPDATE OF o' : ''}`,
    [orderId],
  );
  return rows[0] && toRecord(rows[0]);
}

export async function setStatus(tx: Queryable, orderId: string, status: OrderStatus) {
  // A hold ends with the pending state; an order that left it has no hold any more.
  await tx.query(
    `UPDATE orders SET status = $2, updated_at = now(),
       hold_expires_at = CASE WHEN $2 = 'pending_payment' THEN hold_expires_at END
     WHERE id = $1`,
    [orderId, status],
  );
}

/** Moves the order's tickets in one of `from` to `to`; returns the ids that changed. */
export async function moveTickets(
  tx: Queryable,
  orderId: string,
  from: readonly string[],
  to: string,
): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE tickets SET status = $3, updated_at = now()
     WHERE order_id = $1 AND status = ANY($2::text[]) RETURNING id`,
    [orderId, from, to],
  );
  return rows.map((r) => r.id);
}

export interface OrderTicketRow {
  id: string;
  status: 'pending' | 'valid' | 'revoked' | 'cancelled';
  revision: number;
  attendee: { name: string; email: string };
  transferred: boolean;
}

export async function listOrderTickets(db: Queryable, orderId: string): Promise<OrderTicketRow[]> {
  const { rows } = await db.query<{
    id: string;
    status: OrderTicketRow['status'];
    revision: number;
    attendee_name: string;
    attendee_email: string;
    transferred: boolean;
  }>(
    `SELECT id, status, revision, attendee_name, attendee_email, access_key_hash IS NOT NULL AS transferred
     FROM tickets WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    revision: r.revision,
    attendee: { name: r.attendee_name, email: r.attendee_email },
    transferred: r.transferred,
  }));
}

export async function listPayments(db: Queryable, orderId: string): Promise<Payment[]> {
  const { rows } = await db.query<{
    id: string;
    provider: Payment['provider'];
    provider_ref: string | null;
    amount_cents: string;
    currency: string;
    status: Payment['status'];
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT id, provider, provider_ref, amount_cents, currency, status, created_at, updated_at
     FROM payments WHERE order_id = $1 ORDER BY created_at, id`,
    [orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    providerRef: r.provider_ref,
    amountCents: Number(r.amount_cents),
    currency: r.currency,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function listRefunds(db: Queryable, orderId: string): Promise<Refund[]> {
  const { rows } = await db.query<{
    id: string;
    payment_id: string | null;
    amount_cents: string;
    reason: string | null;
    provider_ref: string | null;
    online: boolean;
    actor: string;
    created_at: Date;
  }>(
    `SELECT r.id, r.payment_id, r.amount_cents, r.reason, r.provider_ref, r.actor, r.created_at,
            coalesce(p.provider = 'stripe', false) AS online
     FROM refunds r LEFT JOIN payments p ON p.id = r.payment_id
     WHERE r.order_id = $1 ORDER BY r.created_at, r.id`,
    [orderId],
  );
  return rows.map((r) => ({
    id: r.id,
    paymentId: r.payment_id,
    amountCents: Number(r.amount_cents),
    reason: r.reason,
    // An online refund is recorded before the provider is asked; its id arrives with the answer.
    status: r.online && r.provider_ref === null ? 'pending' : 'succeeded',
    providerRef: r.provider_ref,
    actor: r.actor,
    createdAt: r.created_at.toISOString(),
  }));
}

/** A search: `like` on the buyer's name and email, or the order id's last 10 hex digits. */
export interface OrderSearch {
  like: string;
  idSuffix: string | undefined;
}

/** Newest first, keyset pagination on (created_at, id). */
export async function listEventOrders(
  db: Queryable,
  eventId: string,
  opts: {
    limit: number;
    after?: TicketCursor | undefined;
    status?: OrderStatus | undefined;
    search?: OrderSearch | undefined;
  },
): Promise<{ order: OrderRecord; cursor: TicketCursor }[]> {
  const { rows } = await db.query<OrderRow & { created_us: string }>(
    `SELECT ${ORDER_COLUMNS}, (extract(epoch FROM o.created_at) * 1000000)::bigint::text AS created_us
     ${ORDER_FROM}
     WHERE o.event_id = $1
       AND ($2::text IS NULL OR o.status = $2)
       AND ($3::bigint IS NULL
            OR (o.created_at, o.id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid))
       AND ($6::text IS NULL OR o.attendee_name ILIKE $6 OR o.attendee_email ILIKE $6
            OR right(o.id::text, 10) = $7)
     ORDER BY o.created_at DESC, o.id DESC
     LIMIT $5`,
    [
      eventId,
      opts.status ?? null,
      opts.after?.createdUs ?? null,
      opts.after?.id ?? null,
      opts.limit,
      opts.search?.like ?? null,
      opts.search?.idSuffix ?? null,
    ],
  );
  return rows.map((r) => ({ order: toRecord(r), cursor: { createdUs: r.created_us, id: r.id } }));
}

/** The organization's orders whose ids end in one of the suffixes (payment references). */
export async function findOrdersByIdSuffix(
  db: Queryable,
  organizationId: string,
  suffixes: readonly string[],
): Promise<OrderRecord[]> {
  if (suffixes.length === 0) return [];
  const { rows } = await db.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} ${ORDER_FROM}
     WHERE right(o.id::text, 10) = ANY($1::text[]) AND e.organization_id = $2`,
    [suffixes, organizationId],
  );
  return rows.map(toRecord);
}

export async function setOrderLocale(
  tx: Queryable,
  orderId: string,
  locale: string,
): Promise<void> {
  await tx.query('UPDATE orders SET locale = $2, updated_at = now() WHERE id = $1', [
    orderId,
    locale,
  ]);
}
