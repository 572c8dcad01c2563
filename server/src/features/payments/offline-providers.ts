import { conflict } from '../../platform/errors.js';
import type { PaymentProvider } from './provider.js';

// Providers without an online checkout: the money, if any, changes hands outside Lanyard.

const noCheckout = (why: string) => () => Promise.reject(conflict('checkout_not_available', why));

/** Free orders: nothing to collect and nothing to give back. */
export const freeProvider: PaymentProvider = {
  name: 'free',
  online: false,
  startCheckout: noCheckout('This order is free; there is nothing to pay.'),
  openCheckout: () => Promise.resolve(undefined),
  refund: () => Promise.resolve({ providerRef: null }),
};

/**
 * Invoice or pay at the door: the organizer marks the order paid, and a refund is recorded here
 * while the organizer pays it back by their own means.
 */
export const manualProvider: PaymentProvider = {
  name: 'manual',
  online: false,
  startCheckout: noCheckout('This event is paid by invoice or at the door, not online.'),
  openCheckout: () => Promise.resolve(undefined),
  refund: () => Promise.resolve({ providerRef: null }),
};
