import type { Db, Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../audit/service.js';
import type { Logger } from '../../platform/log.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { conflict, DomainError, invalid } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { actorName, type Accessor } from '../ticketing/access.js';
import { cancelLockedOrder } from '../orders/cancellation.js';
import { getOrder, openOrder } from '../orders/service.js';
import type { PaymentProvider, PaymentProviders } from './provider.js';
import type { RefundInput, RefundResult } from './schema.js';
import * as store from './store.js';

/**
 * Refunds part or all of what an order was paid. One transaction books it with a conditional
 * UPDATE (never more than paid minus refunded) and records it; with `cancelTickets` a full refund
 * also cancels the order. A Stripe payment is then refunded through Stripe after commit, with
 * the refund's id as idempotency key; if Stripe refuses, the booking is undone.
 */
export async function refundOrder(
  db: Db,
  providers: PaymentProviders,
  log: Logger,
  actor: Principal,
  orderId: string,
  input: RefundInput,
): Promise<RefundResult> {
  const staff: Accessor = { kind: 'staff', principal: actor };
  const who = actorName(staff);
  const booked = await db.transaction(async (tx) => {
    const order = await openOrder(tx, staff, orderId, true);
    const refundable = Math.min(order.totalCents, order.paidCents) - order.refundedCents;
    if (input.cancelTickets && input.amountCents !== refundable) {
      throw invalid(
        'cancel_needs_full_refund',
        'cancelTickets: only with a refund of everything paid',
        [
          {
            field: 'cancelTickets',
            message: `needs amountCents = ${refundable}, all that is refundable`,
          },
        ],
      );
    }
    if (!(await store.bookRefund(tx, orderId, input.amountCents))) throw tooMuch(refundable);
    const payment = (await store.refundablePayments(tx, orderId)).find(
      (p) => p.refundableCents >= input.amountCents,
    );
    if (!payment) {
      throw conflict(
        'refund_spans_payments',
        'No single payment of this order covers this amount; refund each payment apart.',
      );
    }
    const provider = providers.get(payment.provider);
    const refundId = await store.insertRefund(tx, {
      orderId,
      paymentId: payment.id,
      amountCents: input.amountCents,
      reason: input.reason ?? null,
      providerRef: null,
      actor: who,
    });
    if (
      input.cancelTickets &&
      (order.status === 'confirmed' || order.status === 'pending_payment')
    ) {
      await cancelLockedOrder(tx, order, who, input.reason ?? 'refunded');
    }
    if (!provider.online) {
      await announceRefund(tx, {
        refundId,
        orderId,
        eventId: order.eventId,
        amountCents: input.amountCents,
        currency: order.currency,
        email: order.attendee.email,
        reason: input.reason ?? null,
        ticketsCancelled: input.cancelTickets,
      });
    }
    // Last: the audit head stays locked until commit, so no row lock is taken after it.
    await appendAudit(tx, actor, {
      action: 'order.refunded',
      objectType: 'order',
      objectId: orderId,
      eventId: order.eventId,
      before: { refundedCents: order.refundedCents, status: order.status },
      after: {
        refundedCents: order.refundedCents + input.amountCents,
        status: input.cancelTickets ? 'cancelled' : order.status,
      },
      details: { refundId, paymentId: payment.id, reason: input.reason ?? null },
    });
    return { order, refundId, payment, provider };
  });

  const pending = booked.provider.online
    ? await finishOnlineRefund(db, booked.provider, log, {
        refundId: booked.refundId,
        orderId,
        eventId: booked.order.eventId,
        paymentRef: booked.payment.providerRef!,
        amountCents: input.amountCents,
        currency: booked.order.currency,
        email: booked.order.attendee.email,
        reason: input.reason ?? null,
        ticketsCancelled: input.cancelTickets,
      })
    : false;
  return { refundId: booked.refundId, pending, order: await getOrder(db, staff, orderId) };
}

/** A refund recorded here and not yet confirmed by the provider. */
export interface PendingRefund {
  refundId: string;
  orderId: string;
  eventId: string;
  paymentRef: string;
  amountCents: number;
  currency: string;
  email: string;
  reason: string | null;
  ticketsCancelled: boolean;
}

/**
 * Asks the provider for a recorded refund (the refund id is the idempotency key, so asking twice
 * refunds once) and completes it. A refusal undoes the booking and is rethrown; no answer leaves
 * the refund pending for the retry job. Returns whether it is still pending.
 */
export async function finishOnlineRefund(
  db: Db,
  provider: PaymentProvider,
  log: Logger,
  r: PendingRefund,
): Promise<boolean> {
  let providerRef: string | null;
  try {
    ({ providerRef } = await provider.refund({
      paymentRef: r.paymentRef,
      amountCents: r.amountCents,
      idempotencyKey: r.refundId,
    }));
  } catch (err) {
    if (!(err instanceof DomainError) || err.kind !== 'conflict') {
      // Stripe may have refunded without our hearing back: only a definite refusal is undone.
      log.warn({ err, refundId: r.refundId }, 'no answer from the provider; refund stays pending');
      return true;
    }
    log.warn({ err, refundId: r.refundId }, 'provider refused a refund; undoing it');
    await db.transaction(async (tx) => {
      if (!(await store.dropPendingRefund(tx, r.refundId))) return;
      await store.unbookRefund(tx, r.orderId, r.amountCents);
      await enqueue(tx, {
        topic: 'refund.failed',
        eventId: r.eventId,
        aggregateId: r.orderId,
        payload: { orderId: r.orderId, amountCents: r.amountCents, reason: err.message },
      });
    });
    throw err;
  }
  await db.transaction(async (tx) => {
    if (await store.completeRefund(tx, r.refundId, providerRef ?? r.refundId)) {
      await announceRefund(tx, r);
    }
  });
  return false;
}

const tooMuch = (refundable: number) =>
  conflict(
    'refund_exceeds_paid',
    `At most ${Math.max(0, refundable)} can be refunded: what was paid, less what was refunded.`,
    { refundableCents: Math.max(0, refundable) },
  );

async function announceRefund(tx: Queryable, r: Omit<PendingRefund, 'paymentRef'>) {
  await enqueue(tx, {
    topic: 'order.refunded',
    eventId: r.eventId,
    aggregateId: r.orderId,
    payload: {
      orderId: r.orderId,
      refundId: r.refundId,
      amountCents: r.amountCents,
      currency: r.currency,
      email: r.email,
      ticketsCancelled: r.ticketsCancelled,
      reason: r.reason,
    },
  });
}
