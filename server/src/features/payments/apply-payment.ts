import type { Queryable } from '../../platform/db/db.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { conflict } from '../../platform/errors.js';
import { convertHeldToSold, takeSeats } from '../registration/capacity.js';
import { issueInvoice } from '../invoices/issue.js';
import { recordHistory } from '../ticketing/issue-tickets.js';
import type { OrderRecord } from '../orders/store.js';
import * as orders from '../orders/store.js';
import type { ProviderName } from './provider.js';
import * as store from './store.js';

/** Money that arrived for an order: by the organizer's word (manual) or a provider's webhook. */
export interface IncomingPayment {
  provider: ProviderName;
  /** Invoice or receipt number, Stripe Checkout Session id; the same reference is applied once. */
  providerRef: string | null;
  amountCents: number;
  currency: string;
  actor: string;
}

export type PaymentOutcome =
  /** The order is confirmed and its tickets valid. */
  | 'confirmed'
  /** The hold had expired; the seats were free again, so the order is confirmed after all. */
  | 'reinstated'
  /** The money is recorded but the order cannot keep it: it is due back to the buyer. */
  | 'needs_refund'
  /** This payment was applied before; nothing changed. */
  | 'already_applied';

export type RefundCause =
  'sold_out_after_expiry' | 'order_cancelled' | 'already_paid' | 'amount_mismatch';

/**
 * Applies a payment to an order whose row the caller has locked, in the caller's transaction.
 * Awaiting payment: the held seats become sold, the tickets valid. Expired: the seats are taken
 * again if any are left — never beyond capacity. Otherwise the payment is recorded and flagged
 * for refund (`payment.needs_refund`). Every change writes its history and outbox message here.
 */
export async function applyPayment(
  tx: Queryable,
  order: OrderRecord,
  p: IncomingPayment,
): Promise<{ outcome: PaymentOutcome; paymentId: string }> {
  const recorded = await recordPayment(tx, order, p);
  if (!recorded.fresh) return { outcome: 'already_applied', paymentId: recorded.id };

  const covers =
    p.currency.toUpperCase() === order.currency.toUpperCase() &&
    p.amountCents >= order.totalCents - order.paidCents;
  let cause: RefundCause | undefined;
  if (!covers) cause = 'amount_mismatch';
  else if (order.status === 'pending_payment') {
    // A hold past its time that no sweeper has ended still holds its seats: they are sold now.
    await convertHeldToSold(tx, order.ticketTypeId, order.quantity);
    await confirm(tx, order, p, recorded.id, ['pending'], 'paid', false);
    return { outcome: 'confirmed', paymentId: recorded.id };
  } else if (order.status === 'expired') {
    if (await takeSeatsOrNothing(tx, order)) {
      await confirm(tx, order, p, recorded.id, ['pending', 'cancelled'], 'reinstated', true);
      return { outcome: 'reinstated', paymentId: recorded.id };
    }
    cause = 'sold_out_after_expiry';
  } else cause = order.status === 'confirmed' ? 'already_paid' : 'order_cancelled';

  await enqueue(tx, {
    topic: 'payment.needs_refund',
    eventId: order.eventId,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      paymentId: recorded.id,
      provider: p.provider,
      amountCents: p.amountCents,
      currency: p.currency.toUpperCase(),
      cause,
      email: order.attendee.email,
    },
  });
  return { outcome: 'needs_refund', paymentId: recorded.id };
}

/** The payment as `succeeded`; `fresh` is false when this reference was applied before. */
async function recordPayment(
  tx: Queryable,
  order: OrderRecord,
  p: IncomingPayment,
): Promise<{ id: string; fresh: boolean }> {
  const currency = p.currency.toUpperCase();
  const existing = p.providerRef
    ? await store.findPaymentByRef(tx, p.provider, p.providerRef)
    : undefined;
  if (existing && existing.orderId !== order.id) {
    throw conflict(
      'payment_reference_used',
      `Payment reference ${p.providerRef} belongs to another order.`,
    );
  }
  if (existing?.status === 'succeeded') return { id: existing.id, fresh: false };
  if (existing) {
    // A checkout opened earlier (pending, or given up on by the buyer) has now been paid.
    await tx.query(
      `UPDATE payments SET status = 'succeeded', amount_cents = $2, currency = $3, updated_at = now() WHERE id = $1`,
      [existing.id, p.amountCents, currency],
    );
    return { id: existing.id, fresh: true };
  }
  const inserted = await store.insertPayment(tx, {
    orderId: order.id,
    provider: p.provider,
    providerRef: p.providerRef,
    amountCents: p.amountCents,
    currency,
    status: 'succeeded',
  });
  // The order's row lock serializes this order's payments, so a clash is another order's.
  if (!inserted) {
    throw conflict(
      'payment_reference_used',
      `Payment reference ${p.providerRef} belongs to another order.`,
    );
  }
  return { id: inserted.id, fresh: true };
}

/** takeSeats under a savepoint: a partial take (some quotas, not the type) is undone, the rest kept. */
async function takeSeatsOrNothing(tx: Queryable, order: OrderRecord): Promise<boolean> {
  await tx.query('SAVEPOINT late_payment_seats');
  if (await takeSeats(tx, order.ticketTypeId, order.quantity, 'sold')) {
    await tx.query('RELEASE SAVEPOINT late_payment_seats');
    return true;
  }
  await tx.query('ROLLBACK TO SAVEPOINT late_payment_seats');
  return false;
}

async function confirm(
  tx: Queryable,
  order: OrderRecord,
  p: IncomingPayment,
  paymentId: string,
  from: string[],
  action: 'paid' | 'reinstated',
  late: boolean,
): Promise<void> {
  await orders.setStatus(tx, order.id, 'confirmed');
  const ticketIds = await orders.moveTickets(tx, order.id, from, 'valid');
  await recordHistory(tx, ticketIds, action, p.actor, {
    paymentId,
    provider: p.provider,
    ...(late ? { reason: 'late_payment' } : {}),
  });
  const invoiceId = await issueInvoice(tx, order);
  await enqueue(tx, {
    topic: 'registration.confirmed',
    eventId: order.eventId,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      email: order.attendee.email,
      name: order.attendee.name,
      ticketIds,
      paymentId,
      late,
      invoiceId: invoiceId ?? null,
    },
  });
}
