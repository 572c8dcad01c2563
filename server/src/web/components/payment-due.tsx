import { useState } from 'react';
import type { Order } from '../../features/orders/schema.js';
import type { CheckoutResult } from '../../features/payments/schema.js';
import { ApiError, call } from '../api.js';
import { formatInstant, formatPrice } from '../lib/format.js';
import { Notice } from './notice.js';

/** What an unpaid order still needs: a Stripe Checkout redirect, or the organizer's instructions. */
export function PaymentDue({
  order,
  accessKey,
  timeZone,
}: {
  order: Order;
  accessKey: string | null;
  timeZone: string;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (order.status !== 'pending_payment') return null;
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
        <p>
          Pay as the organizer has told you (invoice or at the desk). Your ticket becomes valid as
          soon as the payment is recorded; this page then shows its QR code.
        </p>
      )}
    </section>
  );
}
