import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const result = outcome === 'cancelled' ? 'cancelled' : 'success';
  const [target] = useState(() => recallCheckout(window.sessionStorage, orderId, result));
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
  if (target) return null;
  return (
    <>
      <PageHeading title={t(`checkout.${result === 'success' ? 'finished' : 'cancelled'}`)}>
        {t(`checkout.${result === 'success' ? 'finished' : 'cancelled'}`)}
      </PageHeading>
      <Notice>{t(`checkout.${result === 'success' ? 'finishedText' : 'cancelledText'}`)}</Notice>
    </>
  );
}
