import { useRef } from 'react';
import type { PublicEvent } from '../../features/portal/schema.js';
import { call } from '../api.js';
import { EventWhenWhere } from '../components/event-summary.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { TicketsAgainForm } from '../components/tickets-again-form.js';
import { useLoad } from '../use-load.js';
import { RegistrationForm } from './registration-form.js';

/** The public event page: what, when, where, the tickets, and the form to register. */
export function EventPage({ eventId }: { eventId: string }) {
  // After a sale was refused the seats shown are stale: ask past the 5-second shared cache.
  const fresh = useRef(false);
  const [loaded, reload] = useLoad(
    async () =>
      (
        await call<PublicEvent>(`/api/v1/public/events/${encodeURIComponent(eventId)}`, {
          cache: fresh.current ? 'no-cache' : 'default',
        })
      ).body,
    [eventId],
  );
  if (loaded.state === 'loading') return <Loading what="the event" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} what="event" />;
  const event = loaded.data;
  const open = event.ticketTypes.some((t) => t.saleState === 'on_sale' || t.waitlist);
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">Event</p>
        <PageHeading title={event.name}>{event.name}</PageHeading>
        <EventWhenWhere event={event} />
      </header>
      {event.description ? <p className="description">{event.description}</p> : null}
      {open ? (
        <RegistrationForm
          event={event}
          onStale={() => {
            fresh.current = true;
            reload();
          }}
        />
      ) : (
        <Notice>Registration for this event is closed.</Notice>
      )}
      <TicketsAgainForm eventId={event.id} />
    </>
  );
}
