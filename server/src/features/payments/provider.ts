// The payment provider port. An event sells through one provider; `free` orders need none. The
// use cases never call a provider inside a database transaction: they read, commit, then call.

export type ProviderName = 'free' | 'manual' | 'stripe';

/** What a provider needs to collect an order's amount online. */
export interface CheckoutOrder {
  orderId: string;
  eventId: string;
  description: string;
  amountCents: number;
  currency: string;
  email: string;
  /** The seats are held until then; the checkout should not outlive it by much. */
  holdExpiresAt: Date;
  successUrl: string;
  cancelUrl: string;
}

/** An online checkout the attendee is sent to. */
export interface Checkout {
  /** The provider's id for it (a Stripe Checkout Session id), stored as the payment's provider_ref. */
  providerRef: string;
  url: string;
  expiresAt: Date;
}

export interface RefundRequest {
  /** provider_ref of the payment being refunded. */
  paymentRef: string;
  amountCents: number;
  /** Sent to the provider so that a retried refund is applied once. */
  idempotencyKey: string;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /** Whether money moves through the provider (a refund then needs its API after commit). */
  readonly online: boolean;
  /** Starts an online checkout for an order. */
  startCheckout(order: CheckoutOrder): Promise<Checkout>;
  /** The checkout if it can still be paid, so a second request reuses it; undefined otherwise. */
  openCheckout(providerRef: string): Promise<Checkout | undefined>;
  /** Sends money back; returns the provider's refund id (null when money moves outside Lanyard). */
  refund(request: RefundRequest): Promise<{ providerRef: string | null }>;
}

/** The providers this server runs with, chosen once at start-up from config. */
export interface PaymentProviders {
  get(name: ProviderName): PaymentProvider;
}
