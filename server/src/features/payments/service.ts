import type Stripe from 'stripe';
import { appendAudit } from '../audit/service.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { actorName, type Accessor } from '../ticketing/access.js';
import { getOrder, openOrder } from '../orders/service.js';
import * as orders from '../orders/store.js';
import { applyPayment } from './apply-payment.js';
import type { PaymentProviders } from './provider.js';
import type { CheckoutResult, MarkPaidResult } from './schema.js';
import { readStripeEvent, verifyStripeEvent } from './stripe-events.js';
import * as store from './store.js';

// Use cases of payments: one exported function each. A provider is never called inside a
// database transaction: the order is read (or changed) and committed, then the provider is asked.

/**
 * The organizer records that an order was paid (invoice settled, cash at the door). One
 * transaction, under the order's row lock, so two clicks at once make one payment.
 */
export async function markPaid(
  db: Db,
  actor: Principal,
  orderId: string,
  reference: string | undefined,
): Promise<MarkPaidResult> {
  const staff: Accessor = { kind: 'staff', principal: actor };
  const applied = await db.transaction(async (tx) => {
    const order = await openOrder(tx, staff, orderId, true);
    if (order.totalCents === 0) throw conflict('nothing_to_pay', 'This order is free.');
    if (order.status === 'cancelled') {
      throw conflict('order_cancelled', 'This order was cancelled; it cannot be paid.');
    }
    if (order.status === 'confirmed') {
      throw conflict('order_already_paid', 'This order is paid already.');
    }
    const result = await applyPayment(tx, order, {
      provider: 'manual',
      providerRef: reference ?? null,
      // Money already held for an expired order (a late payment) counts towards it.
      amountCents: Math.max(0, order.totalCents - order.paidCents),
      currency: order.currency,
      actor: actorName(staff),
    });
    // Last: the audit head stays locked until commit, so no row lock is taken after it.
    await appendAudit(tx, actor, {
      action: 'order.marked_paid',
      objectType: 'order',
      objectId: orderId,
      eventId: order.eventId,
      before: { status: order.status, paidCents: order.paidCents },
      after: { status: 'confirmed', paidCents: order.totalCents },
      details: { reference: reference ?? null },
    });
    return result;
  });
  return { ...applied, order: await getOrder(db, staff, orderId) };
}

/**
 * An online checkout for an order awaiting payment (Stripe Checkout): an open one is reused,
 * otherwise the provider opens one and it is recorded as a pending payment after it exists.
 */
export async function startCheckout(
  db: Db,
  providers: PaymentProviders,
  publicUrl: string,
  accessor: Accessor,
  orderId: string,
  now = new Date(),
): Promise<CheckoutResult> {
  const order = await openOrder(db, accessor, orderId);
  if (order.status === 'confirmed')
    throw conflict('order_already_paid', 'This order is paid already.');
  if (order.status !== 'pending_payment') {
    throw conflict(`order_${order.status}`, `This order is ${order.status}; it cannot be paid.`);
  }
  const holdExpiresAt = new Date(order.holdExpiresAt!);
  if (holdExpiresAt <= now) {
    throw conflict('hold_expired', 'The seats of this order are no longer held; register again.');
  }
  const provider = providers.get(order.paymentMethod);
  const open = await store.pendingCheckout(db, orderId, provider.name);
  const reused = open?.providerRef ? await provider.openCheckout(open.providerRef) : undefined;
  const back = `${publicUrl}/orders/${orderId}`;
  const checkout =
    reused ??
    (await provider.startCheckout({
      orderId,
      eventId: order.eventId,
      description: `${order.quantity} × ${order.ticketTypeName} — ${order.eventName}`,
      amountCents: order.totalCents - order.paidCents,
      currency: order.currency,
      email: order.attendee.email,
      holdExpiresAt,
      successUrl: `${back}?checkout=success`,
      cancelUrl: `${back}?checkout=cancelled`,
    }));
  if (!reused) {
    await db.transaction((tx) =>
      store.insertPayment(tx, {
        orderId,
        provider: provider.name,
        providerRef: checkout.providerRef,
        amountCents: order.totalCents - order.paidCents,
        currency: order.currency,
        status: 'pending',
      }),
    );
  }
  return {
    provider: 'stripe',
    checkoutUrl: checkout.url,
    expiresAt: checkout.expiresAt.toISOString(),
  };
}

export interface StripeWebhookSetup {
  stripe: Stripe;
  secret: string;
}

/**
 * A Stripe webhook delivery: verified over the exact bytes, then applied in one transaction
 * that also records the event id, so a replay (same id) is applied once.
 */
export async function receiveStripeWebhook(
  db: Db,
  log: Logger,
  setup: StripeWebhookSetup | undefined,
  rawBody: Buffer | undefined,
  signature: string | string[] | undefined,
): Promise<{ received: true; duplicate: boolean }> {
  if (!setup) throw notFound('payment provider', 'stripe');
  const event = verifyStripeEvent(setup.stripe, rawBody, signature, setup.secret);
  const notice = readStripeEvent(event);
  const fresh = await db.transaction(async (tx) => {
    if (!(await store.claimWebhookEvent(tx, 'stripe', event.id))) return false;
    if (notice.kind === 'checkout_ended') {
      const payment = await store.findPaymentByRef(tx, 'stripe', notice.sessionId);
      if (payment) await store.settlePendingPayment(tx, payment.id, notice.status);
    } else if (notice.kind === 'paid') {
      const order = await orders.findOrder(tx, notice.orderId, true);
      if (!order) {
        // Not one of ours (another system on the same Stripe account): acknowledged, ignored.
        log.warn(
          { stripeEvent: event.id, orderId: notice.orderId },
          'stripe payment for an unknown order',
        );
        return true;
      }
      const { outcome } = await applyPayment(tx, order, {
        provider: 'stripe',
        providerRef: notice.sessionId,
        amountCents: notice.amountCents,
        currency: notice.currency,
        actor: 'stripe',
      });
      if (outcome === 'needs_refund') {
        log.warn({ orderId: order.id, stripeEvent: event.id }, 'stripe payment needs a refund');
      }
    }
    return true;
  });
  return { received: true, duplicate: !fresh };
}
