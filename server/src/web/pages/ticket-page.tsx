import { useTranslation } from 'react-i18next';
import type { PublicEvent } from '../../features/portal/schema.js';
import type { Order } from '../../features/orders/schema.js';
import type { Ticket } from '../../features/ticketing/schema.js';
import { call } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { AttendeeForm } from '../components/attendee-form.js';
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

interface TicketPageData {
  ticket: Ticket;
  /** null when the event is no longer public (archived). */
  event: PublicEvent | null;
  /** Loaded only while the ticket awaits payment. */
  order: Order | null;
  /** Whether the event has a released programme to link to. */
  programme: boolean;
}

/** One ticket, opened by its access key: the QR, the calendar file, the link to come back. */
export function TicketPage({
  ticketId,
  accessKey,
  checkout,
}: {
  ticketId: string;
  accessKey: string | null;
  /** `?checkout=` when coming back from Stripe Checkout. */
  checkout: string | null;
}) {
  const { t } = useTranslation();
  const [loaded, reload] = useLoad(async (): Promise<TicketPageData> => {
    const ticket = (
      await call<Ticket>(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, { accessKey })
    ).body;
    const [event, order, programme] = await Promise.all([
      call<PublicEvent>(`/api/v1/public/events/${ticket.eventId}`).then(
        (r) => r.body,
        () => null,
      ),
      ticket.status === 'pending'
        ? call<Order>(`/api/v1/orders/${ticket.orderId}`, { accessKey }).then(
            (r) => r.body,
            () => null,
          )
        : null,
      call(`/api/v1/public/events/${ticket.eventId}/agenda`).then(
        () => true,
        () => false,
      ),
    ]);
    return { ticket, event, order, programme };
  }, [ticketId, accessKey]);
  const waiting =
    checkout === 'success' && loaded.state === 'ok' && loaded.data.ticket.status === 'pending';
  usePolling(waiting, reload);
  useEventLanguages(
    loaded.state === 'ok' ? loaded.data.event?.languages : undefined,
    loaded.state === 'ok' ? { orderId: loaded.data.ticket.orderId, accessKey } : undefined,
  );
  if (loaded.state === 'loading') return <Loading what={t('load.loadingWhat.ticket')} />;
  if (loaded.state === 'error')
    return <LoadError error={loaded.error} what={t('load.what.ticket')} />;
  const { ticket, event, order, programme } = loaded.data;
  const path = keyedPath('t', ticket.id, accessKey ?? '');
  const link = `${window.location.origin}${path}`;
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">{t('ticket.eyebrow')}</p>
        <PageHeading title={event ? t('ticket.title', { event: event.name }) : t('ticket.yours')}>
          {event?.name ?? t('ticket.yours')}
        </PageHeading>
        {event ? <EventWhenWhere event={event} /> : null}
      </header>
      <TicketCard
        ticket={{
          id: ticket.id,
          status: ticket.status,
          holder: ticket.attendee.name,
          typeName: ticket.ticketTypeName,
        }}
        accessKey={accessKey}
      />
      {order ? (
        <PaymentDue
          order={order}
          accessKey={accessKey}
          timeZone={event?.timezone ?? 'UTC'}
          returnTo={path}
          outcome={checkout}
        />
      ) : null}
      {event && ticket.status !== 'revoked' && ticket.status !== 'cancelled' ? (
        <div className="actions">
          <CalendarButton
            fileName={icsFileName(event.name)}
            entry={{
              uid: `${ticket.id}@lanyard`,
              title: event.name,
              startsAt: event.startsAt,
              endsAt: event.endsAt,
              location: event.venue,
              url: link,
            }}
          />
          {programme ? (
            <AppLink to={path.replace('?', '/agenda?')} className="button button-secondary">
              {t('ticket.programme')}
            </AppLink>
          ) : null}
        </div>
      ) : null}
      {accessKey && (ticket.status === 'valid' || ticket.status === 'pending') ? (
        <AttendeeForm ticket={ticket} accessKey={accessKey} onSaved={() => reload()} />
      ) : null}
      <KeepLink url={link} what="ticket" />
    </>
  );
}
