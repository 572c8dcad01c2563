import { useState } from 'react';
import type { Order } from '../../features/orders/schema.js';
import type { CheckoutResult } from '../../features/payments/schema.js';
import { ApiError, call } from '../api.js';
import { rememberCheckout } from '../lib/checkout-memory.js';
import { formatInstant, formatPrice } from '../lib/format.js';
import { Notice } from './notice.js';

/** What an unpaid order still needs: a Stripe Checkout redirect, or the organizer's instructions. */
export function PaymentDue({
  order,
  accessKey,
  timeZone,
  returnTo,
  outcome,
}: {
  order: Order;
  accessKey: string | null;
  timeZone: string;
  /** This page's keyed path, where Stripe's return leads back to. */
  returnTo: string;
  /** `?checkout=` after coming back from Stripe. */
  outcome: string | null;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (order.status !== 'pending_payment') return null;
  if (outcome === 'success') {
    return (
      <Notice tone="success">
        Payment received. Waiting for the confirmation from the payment provider; your QR code
        appears here by itself.
      </Notice>
    );
  }
  const due = formatPrice(order.totalCents - order.paidCents, order.currency);
  const until = order.holdExpiresAt ? formatInstant(order.holdExpiresAt, timeZone) : null;
  const pay = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await call<CheckoutResult>(
        `/api/v1/orders/${encodeURIComponent(order.id)}/checkout`,
        { method: 'POST', accessKey },
      );
      rememberCheckout(window.sessionStorage, order.id, returnTo);
      window.location.assign(res.body.checkoutUrl);
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err.problem.detail : 'The payment page could not be opened.',
      );
      setBusy(false);
    }
  };
  return (
    <section className="payment-due" aria-labelledby="payment-due-h">
      <h2 id="payment-due-h">Payment due: {due}</h2>
      {outcome === 'cancelled' ? <p>The payment was cancelled; nothing was charged.</p> : null}
      {until ? <p>Your seats are held until {until}.</p> : null}
      {order.paymentMethod === 'stripe' ? (
        <>
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void pay()}
          >
            {busy ? 'Opening payment…' : 'Pay now'}
          </button>
        </>
      ) : (
        <>
          <p>
            Pay as the organizer has told you (bank transfer, invoice or at the desk). Your ticket
            becomes valid as soon as the payment is recorded; this page then shows its QR code.
          </p>
          <p>
            With a bank transfer, write this payment reference in its purpose:{' '}
            <strong className="payment-reference">{order.reference}</strong>
          </p>
        </>
      )}
    </section>
  );
}
