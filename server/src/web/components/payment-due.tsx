import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../features/orders/schema.js';
import type { CheckoutResult } from '../../features/payments/schema.js';
import { ApiError, call } from '../api.js';
import { rememberCheckout } from '../lib/checkout-memory.js';
import { useFormatPrice, useLocale } from '../i18n/use-locale.js';
import { formatInstant } from '../lib/format.js';
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
  const { t } = useTranslation();
  const locale = useLocale();
  const price = useFormatPrice();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (order.status !== 'pending_payment') return null;
  if (outcome === 'success') {
    return <Notice tone="success">{t('payment.received')}</Notice>;
  }
  const due = price(order.totalCents - order.paidCents, order.currency);
  const until = order.holdExpiresAt ? formatInstant(order.holdExpiresAt, timeZone, locale) : null;
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
      setFailure(err instanceof ApiError ? err.problem.detail : t('payment.openFailed'));
      setBusy(false);
    }
  };
  return (
    <section className="payment-due" aria-labelledby="payment-due-h">
      <h2 id="payment-due-h">{t('payment.due', { amount: due })}</h2>
      {outcome === 'cancelled' ? <p>{t('payment.cancelled')}</p> : null}
      {until ? <p>{t('payment.heldUntil', { when: until })}</p> : null}
      {order.paymentMethod === 'stripe' ? (
        <>
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void pay()}
          >
            {busy ? t('payment.opening') : t('payment.payNow')}
          </button>
        </>
      ) : (
        <>
          <p>{t('payment.manual')}</p>
          <p>
            {t('payment.reference')}{' '}
            <strong className="payment-reference">{order.reference}</strong>
          </p>
        </>
      )}
    </section>
  );
}
