import { useTranslation } from 'react-i18next';
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
import { useEventLanguages } from '../i18n/event-languages.js';
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
  const { t } = useTranslation();
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
  useEventLanguages(loaded.state === 'ok' ? loaded.data.event?.languages : undefined, {
    orderId,
    accessKey,
  });
  if (loaded.state === 'loading') return <Loading what={t('load.loadingWhat.order')} />;
  if (loaded.state === 'error')
    return <LoadError error={loaded.error} what={t('load.what.order')} />;
  const { order, event } = loaded.data;
  const key = accessKey ?? '';
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">{t('order.eyebrow', { count: order.quantity })}</p>
        <PageHeading title={event ? t('order.title', { event: event.name }) : t('order.yours')}>
          {event?.name ?? t('order.yours')}
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
        {order.tickets.map((ticket, i) => (
          <TicketCard
            key={ticket.id}
            ticket={{
              id: ticket.id,
              status: ticket.status,
              holder: ticket.attendee?.name,
              typeName: t('order.position', {
                type: order.ticketTypeName,
                number: i + 1,
                total: order.tickets.length,
              }),
            }}
            accessKey={accessKey}
            footer={
              ticket.attendee ? (
                <a className="ticket-link" href={keyedPath('t', ticket.id, key)}>
                  {t('order.openTicket')}
                </a>
              ) : (
                <p className="hint">{t('order.transferred')}</p>
              )
            }
          />
        ))}
      </div>
      {order.invoices.length > 0 ? (
        <section className="order-invoices" aria-labelledby="order-invoices-h">
          <h2 id="order-invoices-h">{t('order.invoices')}</h2>
          <ul>
            {order.invoices.map((i) => (
              <li key={i.id}>
                <a
                  href={`/api/v1/orders/${encodeURIComponent(order.id)}/${i.kind === 'invoice' ? 'invoice' : 'credit-note'}.pdf?key=${encodeURIComponent(key)}`}
                >
                  {i.kind === 'invoice'
                    ? t('order.invoice', { number: i.number })
                    : t('order.creditNote', { number: i.number })}
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
