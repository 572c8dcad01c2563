import { useState } from 'react';
import { Notice } from '../components/notice.js';
import { formatInstant, formatMoney } from '../lib/format.js';
import { authorization } from './api.js';
import type { Order } from './attendee-types.js';

/**
 * The order's invoice and credit note, each downloaded as PDF with the organizer's token (a plain
 * link would carry no credential).
 */
export function OrderInvoices({ order, timezone }: { order: Order; timezone: string }) {
  const [failure, setFailure] = useState<string>();
  if (order.invoices.length === 0) return null;
  const download = async (kind: 'invoice' | 'credit_note', number: string) => {
    setFailure(undefined);
    const file = kind === 'invoice' ? 'invoice' : 'credit-note';
    const auth = await authorization();
    const res = await fetch(`/api/v1/orders/${encodeURIComponent(order.id)}/${file}.pdf`, {
      headers: auth ? { authorization: auth } : {},
    });
    if (!res.ok) {
      setFailure('The document could not be downloaded; sign in again and retry.');
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${file}-${number}.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <h3>Invoices</h3>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <ul className="attendee-others">
        {order.invoices.map((i) => (
          <li key={i.id}>
            {i.kind === 'invoice' ? 'Invoice' : 'Credit note'} {i.number} ·{' '}
            {formatMoney(i.totalCents, order.currency)} · {formatInstant(i.issuedAt, timezone)} ·{' '}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void download(i.kind, i.number)}
            >
              Download PDF
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
