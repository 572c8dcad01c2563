// Stripe Checkout sends the buyer back to /orders/{orderId}, a URL without the access key (the
// server never has the key, only its hash). Before leaving for Stripe, the portal notes in this
// tab's sessionStorage which keyed page to return to; the return page reads it back.

type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = (orderId: string) => `lanyard.checkout.${orderId}`;
// Only portal pages of this origin: a stored value never sends the buyer elsewhere.
const PORTAL_PAGE = /^\/[to]\/[\w-]+\?key=[\w%-]+$/;

export function rememberCheckout(store: SessionStore, orderId: string, returnTo: string): void {
  try {
    store.setItem(KEY(orderId), returnTo);
  } catch {
    // Storage refused (private mode, quota): the return page says where to find the ticket.
  }
}

/** The keyed page to go back to, with the checkout outcome added; null when unknown. */
export function recallCheckout(
  store: SessionStore,
  orderId: string,
  outcome: 'success' | 'cancelled',
): string | null {
  let returnTo: string | null = null;
  try {
    returnTo = store.getItem(KEY(orderId));
  } catch {
    return null;
  }
  if (!returnTo || !PORTAL_PAGE.test(returnTo)) return null;
  return `${returnTo}&checkout=${outcome}`;
}
