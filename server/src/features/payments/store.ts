import type { Queryable } from '../../platform/db/db.js';
import type { ProviderName } from './provider.js';

// All SQL of payments, refunds and provider webhook deliveries.

export interface PaymentRecord {
  id: string;
  orderId: string;
  provider: ProviderName;
  providerRef: string | null;
  amountCents: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
}

interface PaymentRow {
  id: string;
  order_id: string;
  provider: ProviderName;
  provider_ref: string | null;
  amount_cents: string;
  currency: string;
  status: PaymentRecord['status'];
  [k: string]: unknown;
}

const toPayment = (r: PaymentRow): PaymentRecord => ({
  id: r.id,
  orderId: r.order_id,
  provider: r.provider,
  providerRef: r.provider_ref,
  amountCents: Number(r.amount_cents),
  currency: r.currency,
  status: r.status,
});

const PAYMENT_COLUMNS = 'id, order_id, provider, provider_ref, amount_cents, currency, status';

export async function findPaymentByRef(
  db: Queryable,
  provider: ProviderName,
  providerRef: string,
): Promise<PaymentRecord | undefined> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE provider = $1 AND provider_ref = $2`,
    [provider, providerRef],
  );
  return rows[0] && toPayment(rows[0]);
}

/** The newest checkout still waiting for its money, to reuse instead of opening another. */
export async function pendingCheckout(
  db: Queryable,
  orderId: string,
  provider: ProviderName,
): Promise<PaymentRecord | undefined> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments
     WHERE order_id = $1 AND provider = $2 AND status = 'pending' AND provider_ref IS NOT NULL
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [orderId, provider],
  );
  return rows[0] && toPayment(rows[0]);
}

export interface NewPayment {
  orderId: string;
  provider: ProviderName;
  providerRef: string | null;
  amountCents: number;
  currency: string;
  status: PaymentRecord['status'];
}

/** Inserts a payment; undefined when one with the same provider reference exists already. */
export async function insertPayment(
  tx: Queryable,
  p: NewPayment,
): Promise<PaymentRecord | undefined> {
  const { rows } = await tx.query<PaymentRow>(
    `INSERT INTO payments (order_id, provider, provider_ref, amount_cents, currency, status)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (provider, provider_ref) WHERE provider_ref IS NOT NULL DO NOTHING
     RETURNING ${PAYMENT_COLUMNS}`,
    [p.orderId, p.provider, p.providerRef, p.amountCents, p.currency, p.status],
  );
  return rows[0] && toPayment(rows[0]);
}

/** Moves a payment from `pending`; false when it had already left that state. */
export async function settlePendingPayment(
  tx: Queryable,
  paymentId: string,
  status: 'succeeded' | 'failed' | 'cancelled',
  amountCents?: number,
): Promise<boolean> {
  const r = await tx.query(
    `UPDATE payments SET status = $2, amount_cents = coalesce($3, amount_cents), updated_at = now()
     WHERE id = $1 AND status = 'pending' RETURNING 1`,
    [paymentId, status, amountCents ?? null],
  );
  return r.rowCount === 1;
}

/**
 * Books a refund against the order, in one conditional statement: never more than paid (bounded
 * by the order's total, which the table also enforces) minus already refunded. False: too much.
 */
export async function bookRefund(
  tx: Queryable,
  orderId: string,
  amountCents: number,
): Promise<boolean> {
  const r = await tx.query(
    `UPDATE orders SET refunded_cents = refunded_cents + $2, updated_at = now()
     WHERE id = $1
       AND refunded_cents + $2 <= LEAST(total_cents,
             (SELECT coalesce(sum(amount_cents), 0) FROM payments
              WHERE order_id = $1 AND status = 'succeeded'))
     RETURNING 1`,
    [orderId, amountCents],
  );
  return r.rowCount === 1;
}

/** Gives back a booked refund that the provider refused. */
export async function unbookRefund(tx: Queryable, orderId: string, amountCents: number) {
  await tx.query(
    `UPDATE orders SET refunded_cents = refunded_cents - $2, updated_at = now() WHERE id = $1`,
    [orderId, amountCents],
  );
}

/** Succeeded payments of an order with what is left to refund on each, newest first. */
export async function refundablePayments(
  db: Queryable,
  orderId: string,
): Promise<(PaymentRecord & { refundableCents: number })[]> {
  const { rows } = await db.query<PaymentRow & { refunded: string }>(
    `SELECT p.id, p.order_id, p.provider, p.provider_ref, p.amount_cents, p.currency, p.status,
            (SELECT coalesce(sum(r.amount_cents), 0) FROM refunds r WHERE r.payment_id = p.id) AS refunded
     FROM payments p WHERE p.order_id = $1 AND p.status = 'succeeded'
     ORDER BY p.created_at DESC, p.id DESC`,
    [orderId],
  );
  return rows.map((r) => ({
    ...toPayment(r),
    refundableCents: Number(r.amount_cents) - Number(r.refunded),
  }));
}

export interface NewRefund {
  orderId: string;
  paymentId: string | null;
  amountCents: number;
  reason: string | null;
  providerRef: string | null;
  actor: string;
}

export async function insertRefund(tx: Queryable, r: NewRefund): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO refunds (order_id, payment_id, amount_cents, reason, provider_ref, actor)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [r.orderId, r.paymentId, r.amountCents, r.reason, r.providerRef, r.actor],
  );
  return rows[0]!.id;
}

/** Completes an online refund with the provider's id; false if it was completed or removed already. */
export async function completeRefund(
  tx: Queryable,
  refundId: string,
  providerRef: string,
): Promise<boolean> {
  const r = await tx.query(
    'UPDATE refunds SET provider_ref = $2 WHERE id = $1 AND provider_ref IS NULL RETURNING 1',
    [refundId, providerRef],
  );
  return r.rowCount === 1;
}

/** Removes an online refund the provider refused; false if it was completed meanwhile. */
export async function dropPendingRefund(tx: Queryable, refundId: string): Promise<boolean> {
  const r = await tx.query(
    'DELETE FROM refunds WHERE id = $1 AND provider_ref IS NULL RETURNING 1',
    [refundId],
  );
  return r.rowCount === 1;
}

/** Records a provider's webhook event; false when it was recorded (and applied) before. */
export async function claimWebhookEvent(
  tx: Queryable,
  provider: ProviderName,
  eventId: string,
): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO payment_webhook_events (provider, event_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [provider, eventId],
  );
  return r.rowCount === 1;
}

export interface PendingRefundRow {
  refundId: string;
  orderId: string;
  eventId: string;
  provider: ProviderName;
  paymentRef: string;
  amountCents: number;
  currency: string;
  email: string;
  reason: string | null;
  ticketsCancelled: boolean;
}

/** Online refunds recorded before `before` that the provider has not confirmed yet. */
export async function pendingOnlineRefunds(
  db: Queryable,
  before: Date,
  limit: number,
): Promise<PendingRefundRow[]> {
  const { rows } = await db.query<{
    id: string;
    order_id: string;
    event_id: string;
    provider: ProviderName;
    payment_ref: string;
    amount_cents: string;
    currency: string;
    attendee_email: string;
    reason: string | null;
    cancelled: boolean;
  }>(
    `SELECT r.id, r.order_id, o.event_id, p.provider, p.provider_ref AS payment_ref, r.amount_cents,
            o.currency, o.attendee_email, r.reason, o.status = 'cancelled' AS cancelled
     FROM refunds r
     JOIN payments p ON p.id = r.payment_id
     JOIN orders o ON o.id = r.order_id
     WHERE r.provider_ref IS NULL AND p.provider = 'stripe' AND p.provider_ref IS NOT NULL
       AND r.created_at < $1
     ORDER BY r.created_at LIMIT $2`,
    [before, limit],
  );
  return rows.map((r) => ({
    refundId: r.id,
    orderId: r.order_id,
    eventId: r.event_id,
    provider: r.provider,
    paymentRef: r.payment_ref,
    amountCents: Number(r.amount_cents),
    currency: r.currency,
    email: r.attendee_email,
    reason: r.reason,
    ticketsCancelled: r.cancelled,
  }));
}
