import type { Order } from '../../features/orders/schema.js';
import type { PublicEvent } from '../../features/portal/schema.js';
import { call } from '../api.js';
import { CalendarButton, icsFileName } from '../components/calendar-button.js';
import { EventWhenWhere } from '../components/event-summary.js';
import { KeepLink } from '../components/keep-link.js';
import { LoadError, Loading } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { PaymentDue } from '../components/payment-due.js';
import { TicketCard } from '../components/ticket-card.js';
import { keyedPath } from '../router.js';
import { useLoad } from '../use-load.js';
import { usePolling } from '../use-polling.js';

/** An order of several tickets: each with its QR and its own link, to hand on to its holder. */
export function OrderPage({
  orderId,
  accessKey,
  checkout,
}: {
  orderId: string;
  accessKey: string | null;
  checkout: string | null;
}) {
  const [loaded, reload] = useLoad(async () => {
    const order = (
      await call<Order>(`/api/v1/orders/${encodeURIComponent(orderId)}`, { accessKey })
    ).body;
    const event = await call<PublicEvent>(`/api/v1/public/events/${order.eventId}`).then(
      (r) => r.body,
      () => null,
    );
    return { order, event };
  }, [orderId, accessKey]);
  usePolling(
    checkout === 'success' &&
      loaded.state === 'ok' &&
      loaded.data.order.status === 'pending_payment',
    reload,
  );
  if (loaded.state === 'loading') return <Loading what="your order" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} what="order" />;
  const { order, event } = loaded.data;
  const key = accessKey ?? '';
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">Your order · {order.quantity} tickets</p>
        <PageHeading title={event ? `Order · ${event.name}` : 'Your order'}>
          {event?.name ?? 'Your order'}
        </PageHeading>
        {event ? <EventWhenWhere event={event} /> : null}
      </header>
      <PaymentDue
        order={order}
        accessKey={accessKey}
        timeZone={event?.timezone ?? 'UTC'}
        returnTo={keyedPath('o', order.id, key)}
        outcome={checkout}
      />
      <div className="ticket-list">
        {order.tickets.map((t, i) => (
          <TicketCard
            key={t.id}
            ticket={{
              id: t.id,
              status: t.status,
              holder: t.attendee?.name,
              typeName: `${order.ticketTypeName} · ${i + 1} of ${order.tickets.length}`,
            }}
            accessKey={accessKey}
            footer={
              t.attendee ? (
                <a className="ticket-link" href={keyedPath('t', t.id, key)}>
                  Open this ticket on its own
                </a>
              ) : (
                <p className="hint">Transferred to someone else.</p>
              )
            }
          />
        ))}
      </div>
      {order.invoices.length > 0 ? (
        <section className="order-invoices" aria-labelledby="order-invoices-h">
          <h2 id="order-invoices-h">Invoices</h2>
          <ul>
            {order.invoices.map((i) => (
              <li key={i.id}>
                <a
                  href={`/api/v1/orders/${encodeURIComponent(order.id)}/${i.kind === 'invoice' ? 'invoice' : 'credit-note'}.pdf?key=${encodeURIComponent(key)}`}
                >
                  {i.kind === 'invoice' ? 'Invoice' : 'Credit note'} {i.number} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {event && order.status !== 'cancelled' ? (
        <div className="actions">
          <CalendarButton
            fileName={icsFileName(event.name)}
            entry={{
              uid: `${order.id}@lanyard`,
              title: event.name,
              startsAt: event.startsAt,
              endsAt: event.endsAt,
              location: event.venue,
            }}
          />
        </div>
      ) : null}
      <KeepLink url={`${window.location.origin}${keyedPath('o', order.id, key)}`} what="order" />
    </>
  );
}
