import { useState } from 'react';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { formatInstant, formatMoney } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import type { Order } from './attendee-types.js';
import { Link } from './link.js';
import { OrderActions } from './order-actions.js';
import { OrderInvoices } from './order-invoices.js';
import { ORDER_STATUS, PAYMENT_METHOD } from './order-labels.js';
import { sectionPath } from './sections.js';
import type { OrganizerEvent } from './types.js';

const CONSENT_DOCUMENT = { terms: 'the terms', privacy: 'the privacy notice' } as const;

/** One order: what was bought and paid, its tickets, payments and refunds, and what to do next. */
export function OrderDetail({ event, orderId }: { event: OrganizerEvent; orderId: string }) {
  const path = `/api/v1/orders/${encodeURIComponent(orderId)}`;
  const [version, setVersion] = useState(0);
  const [order] = useLoad(() => api<Order>(path), [path, version]);
  const back = (
    <p className="breadcrumb">
      <Link to={sectionPath(event.id, 'orders')}>All orders</Link>
    </p>
  );
  if (order.state === 'loading') return <Loading what="order" />;
  if (order.state === 'error')
    return (
      <>
        {back}
        <LoadError error={order.error} what="order" />
      </>
    );
  const o = order.data;
  if (o.eventId !== event.id)
    return (
      <>
        {back}
        <Notice tone="error">This order belongs to another event.</Notice>
      </>
    );
  const money = (cents: number) => formatMoney(cents, o.currency);
  return (
    <>
      {back}
      <div className="attendee-detail">
        <section aria-labelledby="order-heading" className="panel">
          <h2 id="order-heading">Order {o.reference}</h2>
          <dl className="ticket-facts">
            <div>
              <dt>Status</dt>
              <dd>{ORDER_STATUS[o.status]}</dd>
            </div>
            <div>
              <dt>Bought by</dt>
              <dd>
                {o.attendee.name} ({o.attendee.email})
              </dd>
            </div>
            <div>
              <dt>Tickets</dt>
              <dd>
                {o.quantity} × {o.ticketTypeName}
              </dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd>
                {money(o.totalCents)}
                {o.discountCents > 0 ? ` (discount ${money(o.discountCents)})` : ''} ·{' '}
                {PAYMENT_METHOD[o.paymentMethod]}
              </dd>
            </div>
            <div>
              <dt>Paid</dt>
              <dd>
                {money(o.paidCents)}
                {o.refundedCents > 0 ? ` · ${money(o.refundedCents)} refunded` : ''}
                {o.refundDueCents > 0 ? ` · ${money(o.refundDueCents)} due back` : ''}
              </dd>
            </div>
            {o.status === 'pending_payment' && o.holdExpiresAt ? (
              <div>
                <dt>Seats held until</dt>
                <dd>{formatInstant(o.holdExpiresAt, event.timezone)}</dd>
              </div>
            ) : null}
            <div>
              <dt>Ordered</dt>
              <dd>{formatInstant(o.createdAt, event.timezone)}</dd>
            </div>
            {o.consent ? (
              <div>
                <dt>Agreed to</dt>
                <dd>
                  {o.consent.documents.map((d, i) => (
                    <span key={d.document}>
                      {i > 0 ? ' and ' : ''}
                      <a href={d.url} rel="noopener noreferrer">
                        {CONSENT_DOCUMENT[d.document]}
                      </a>
                    </span>
                  ))}{' '}
                  at {formatInstant(o.consent.at, event.timezone)}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Order id</dt>
              <dd className="attendee-id">{o.id}</dd>
            </div>
          </dl>
          <h3>Tickets</h3>
          <ul className="attendee-others">
            {o.tickets.map((t) => (
              <li key={t.id}>
                <Link to={sectionPath(event.id, 'attendees', t.id)}>
                  {t.attendee?.name ?? `Ticket ${t.id.slice(0, 8)}`}
                </Link>{' '}
                · {t.status}
              </li>
            ))}
          </ul>
          {o.payments.length > 0 ? (
            <>
              <h3>Payments</h3>
              <ul className="attendee-others">
                {o.payments.map((p) => (
                  <li key={p.id}>
                    {formatInstant(p.createdAt, event.timezone)} · {money(p.amountCents)} ·{' '}
                    {PAYMENT_METHOD[p.provider]} · {p.status}
                    {p.providerRef ? ` · ${p.providerRef}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {o.refunds.length > 0 ? (
            <>
              <h3>Refunds</h3>
              <ul className="attendee-others">
                {o.refunds.map((r) => (
                  <li key={r.id}>
                    {formatInstant(r.createdAt, event.timezone)} · {money(r.amountCents)} ·{' '}
                    {r.status}
                    {r.reason ? ` · ${r.reason}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <OrderInvoices order={o} timezone={event.timezone} />
        </section>
        <OrderActions order={o} onChanged={() => setVersion((v) => v + 1)} />
      </div>
    </>
  );
}
