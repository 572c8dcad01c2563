import { useEffect, useState } from 'react';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { recallCheckout } from '../lib/checkout-memory.js';
import { navigate } from '../router.js';

/** Where Stripe Checkout sends the buyer back: on to the ticket page they paid from. */
export function CheckoutReturnPage({
  orderId,
  outcome,
}: {
  orderId: string;
  outcome: string | null;
}) {
  const result = outcome === 'cancelled' ? 'cancelled' : 'success';
  const [target] = useState(() => recallCheckout(window.sessionStorage, orderId, result));
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  if (target) return null;
  return (
    <>
      <PageHeading title={result === 'success' ? 'Payment finished' : 'Payment cancelled'}>
        {result === 'success' ? 'Payment finished' : 'Payment cancelled'}
      </PageHeading>
      <Notice>
        {result === 'success'
          ? 'Thank you. Your ticket becomes valid as soon as the payment is confirmed. Open it from the ticket link you kept or from your email.'
          : 'Nothing was charged. Open your ticket link again to pay while your seats are held.'}
      </Notice>
    </>
  );
}
