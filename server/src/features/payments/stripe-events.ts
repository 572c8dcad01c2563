import type Stripe from 'stripe';
import { invalid } from '../../platform/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a Stripe event means for Lanyard. */
export type StripeNotice =
  | { kind: 'paid'; sessionId: string; orderId: string; amountCents: number; currency: string }
  | { kind: 'checkout_ended'; sessionId: string; status: 'failed' | 'cancelled' }
  | { kind: 'ignored' };

/**
 * Verifies a webhook delivery with Stripe's own signature check over the exact bytes received;
 * anything that fails is `invalid_signature` (400), so Stripe shows the delivery as failed.
 */
export function verifyStripeEvent(
  stripe: Stripe,
  rawBody: Buffer | undefined,
  signature: string | string[] | undefined,
  secret: string,
): Stripe.Event {
  if (!rawBody || typeof signature !== 'string') {
    throw invalid('invalid_signature', 'The Stripe-Signature header or the body is missing.');
  }
  try {
    return stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw invalid('invalid_signature', 'The Stripe signature does not match this delivery.');
  }
}

/**
 * Reads the events Lanyard acts on: a Checkout Session paid (at once, or later for delayed
 * methods), and one that expired or whose delayed payment failed. Everything else is ignored.
 */
export function readStripeEvent(event: Stripe.Event): StripeNotice {
  // Signed by Stripe, yet read defensively: a shape we do not expect is ignored, never a 500.
  const object: unknown = (event as { data?: { object?: unknown } }).data?.object;
  if (
    typeof object !== 'object' ||
    object === null ||
    typeof (object as { id?: unknown }).id !== 'string'
  ) {
    return { kind: 'ignored' };
  }
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const s = event.data.object;
      // `completed` with `unpaid` is a delayed method (a bank debit): its outcome comes later.
      if (s.payment_status !== 'paid') return { kind: 'ignored' };
      const orderId = s.metadata?.orderId || s.client_reference_id;
      const ref = typeof orderId === 'string' ? orderId : '';
      if (!UUID.test(ref) || typeof s.amount_total !== 'number' || typeof s.currency !== 'string') {
        return { kind: 'ignored' };
      }
      return {
        kind: 'paid',
        sessionId: s.id,
        orderId: ref,
        amountCents: s.amount_total,
        currency: s.currency.toUpperCase(),
      };
    }
    case 'checkout.session.expired':
      return { kind: 'checkout_ended', sessionId: event.data.object.id, status: 'cancelled' };
    case 'checkout.session.async_payment_failed':
      return { kind: 'checkout_ended', sessionId: event.data.object.id, status: 'failed' };
    default:
      return { kind: 'ignored' };
  }
}
