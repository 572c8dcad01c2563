import Stripe from 'stripe';
import { conflict, DomainError } from '../../platform/errors.js';
import type { Checkout, CheckoutOrder, PaymentProvider, RefundRequest } from './provider.js';

export interface StripeSettings {
  secretKey: string;
  /** Another API base (stripe-mock, tests); unset means api.stripe.com. */
  apiUrl?: string | undefined;
}

// Stripe lets a Checkout Session live from 30 minutes to 24 hours.
const MIN_SESSION_MS = 31 * 60_000;
const MAX_SESSION_MS = 23 * 60 * 60_000;

/** A Stripe client for the settings; the API base can point at a local stand-in. */
export function stripeClient(s: StripeSettings): Stripe {
  const base = s.apiUrl ? new URL(s.apiUrl) : undefined;
  return new Stripe(s.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}

/** Stripe Checkout: one session per payment attempt; refunds through the API. */
export function stripeProvider(stripe: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    online: true,
    async startCheckout(order: CheckoutOrder): Promise<Checkout> {
      const now = Date.now();
      const expiresMs = Math.min(
        Math.max(order.holdExpiresAt.getTime(), now + MIN_SESSION_MS),
        now + MAX_SESSION_MS,
      );
      const session = await call(() =>
        stripe.checkout.sessions.create({
          mode: 'payment',
          client_reference_id: order.orderId,
          customer_email: order.email,
          metadata: { orderId: order.orderId, eventId: order.eventId },
          payment_intent_data: { metadata: { orderId: order.orderId } },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: order.currency.toLowerCase(),
                unit_amount: order.amountCents,
                product_data: { name: order.description },
              },
            },
          ],
          success_url: order.successUrl,
          cancel_url: order.cancelUrl,
          expires_at: Math.floor(expiresMs / 1000),
        }),
      );
      return toCheckout(session);
    },
    async openCheckout(providerRef: string): Promise<Checkout | undefined> {
      const session = await call(() => stripe.checkout.sessions.retrieve(providerRef));
      return session.status === 'open' && session.url ? toCheckout(session) : undefined;
    },
    async refund(r: RefundRequest): Promise<{ providerRef: string }> {
      const session = await call(() => stripe.checkout.sessions.retrieve(r.paymentRef));
      const intent =
        typeof session.payment_intent === 'string'
          ? session.payment_intent
          : session.payment_intent?.id;
      if (!intent) {
        throw conflict('payment_not_refundable', 'Stripe has no payment for this checkout.');
      }
      const refund = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: intent,
            amount: r.amountCents,
            metadata: { refundId: r.idempotencyKey },
          },
          { idempotencyKey: `refund-${r.idempotencyKey}` },
        ),
      );
      if (refund.status === 'failed' || refund.status === 'canceled') {
        throw conflict(
          'refund_refused_by_provider',
          `Stripe answered the refund with ${refund.status}.`,
        );
      }
      return { providerRef: refund.id };
    },
  };
}

function toCheckout(session: Stripe.Checkout.Session): Checkout {
  if (!session.url) {
    throw new DomainError(
      'unavailable',
      'payment_provider_failed',
      'Stripe returned no checkout URL.',
    );
  }
  return {
    providerRef: session.id,
    url: session.url,
    expiresAt: new Date(session.expires_at * 1000),
  };
}

/** Stripe's refusals are conflicts the organizer can read; an unreachable Stripe is a 503. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    if (
      err instanceof Stripe.errors.StripeInvalidRequestError ||
      err instanceof Stripe.errors.StripeCardError
    ) {
      throw conflict('refused_by_provider', `Stripe refused: ${err.message}`);
    }
    const message = err instanceof Error ? err.message : String(err);
    throw new DomainError(
      'unavailable',
      'payment_provider_unavailable',
      `Stripe did not answer: ${message}`,
    );
  }
}
