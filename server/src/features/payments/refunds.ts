import type { Db, Queryable } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { conflict, invalid } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { actorName, type Accessor } from '../ticketing/access.js';
import { cancelLockedOrder } from '../orders/cancellation.js';
import { getOrder, openOrder } from '../orders/service.js';
import type { OrderRecord } from '../orders/store.js';
import type { PaymentProviders } from './provider.js';
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
    if (!provider.online) await announceRefund(tx, order, refundId, input);
    return { order, refundId, payment, provider };
  });

  if (booked.provider.online) {
    try {
      const done = await booked.provider.refund({
        paymentRef: booked.payment.providerRef!,
        amountCents: input.amountCents,
        idempotencyKey: booked.refundId,
      });
      await db.transaction(async (tx) => {
        if (await store.completeRefund(tx, booked.refundId, done.providerRef!)) {
          await announceRefund(tx, booked.order, booked.refundId, input);
        }
      });
    } catch (err) {
      log.warn(
        { err, orderId, refundId: booked.refundId },
        'provider refused a refund; undoing it',
      );
      await db.transaction(async (tx) => {
        if (!(await store.dropPendingRefund(tx, booked.refundId))) return;
        await store.unbookRefund(tx, orderId, input.amountCents);
        await enqueue(tx, {
          topic: 'refund.failed',
          eventId: booked.order.eventId,
          aggregateId: orderId,
          payload: { orderId, amountCents: input.amountCents, provider: booked.provider.name },
        });
      });
      throw err;
    }
  }
  return { refundId: booked.refundId, order: await getOrder(db, staff, orderId) };
}

const tooMuch = (refundable: number) =>
  conflict(
    'refund_exceeds_paid',
    `At most ${Math.max(0, refundable)} can be refunded: what was paid, less what was refunded.`,
    { refundableCents: Math.max(0, refundable) },
  );

async function announceRefund(
  tx: Queryable,
  order: OrderRecord,
  refundId: string,
  input: RefundInput,
) {
  await enqueue(tx, {
    topic: 'order.refunded',
    eventId: order.eventId,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      refundId,
      amountCents: input.amountCents,
      currency: order.currency,
      email: order.attendee.email,
      ticketsCancelled: input.cancelTickets,
      reason: input.reason ?? null,
    },
  });
}
