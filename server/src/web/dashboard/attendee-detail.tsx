import { useEffect, useRef, useState } from 'react';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { formatInstant } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { Link } from './link.js';
import { AttendeeActions } from './attendee-actions.js';
import { AttendeeAnswers } from './attendee-answers.js';
import { AttendeeHistory } from './attendee-history.js';
import { AttendeeMessages } from './attendee-messages.js';
import { AttendeeOrder } from './attendee-order.js';
import { AttendeePassages, isInside, type Passage } from './attendee-passages.js';
import { AttendeeQr } from './attendee-qr.js';
import { AttendeeStatus } from './attendee-status.js';
import type { Ticket } from './attendee-types.js';
import { sectionPath } from './sections.js';
import type { OrganizerEvent } from './types.js';

/** One attendee's ticket: its QR code, what can be done to it, its history and its order. */
export function AttendeeDetail({ event, ticketId }: { event: OrganizerEvent; ticketId: string }) {
  const ticketPath = `/api/v1/tickets/${encodeURIComponent(ticketId)}`;
  // Bumped after each action, so the ticket, its history and its order are read again.
  const [version, setVersion] = useState(0);
  const [ticket] = useLoad(() => api<Ticket>(ticketPath), [ticketPath, version]);
  const passagesPath = `/api/v1/events/${encodeURIComponent(event.id)}/tickets/${encodeURIComponent(ticketId)}/passages`;
  const [passages] = useLoad(
    async () => (await api<{ items: Passage[] }>(passagesPath)).items,
    [passagesPath, version],
  );
  const back = (
    <p className="breadcrumb">
      <Link to={sectionPath(event.id, 'attendees')}>All attendees</Link>
    </p>
  );
  if (ticket.state === 'loading') return <Loading what="ticket" />;
  if (ticket.state === 'error')
    return (
      <>
        {back}
        <LoadError error={ticket.error} what="ticket" />
      </>
    );
  const t = ticket.data;
  if (t.eventId !== event.id)
    return (
      <>
        {back}
        <Notice tone="error">This ticket belongs to another event.</Notice>
      </>
    );
  return (
    <>
      {back}
      <div className="attendee-detail">
        <TicketPanel
          ticket={t}
          timezone={event.timezone}
          inside={passages.state === 'ok' && isInside(passages.data)}
        />
        <AttendeeActions
          ticket={t}
          ticketPath={ticketPath}
          onChanged={() => setVersion((v) => v + 1)}
        />
        <AttendeePassages
          eventId={event.id}
          ticketId={t.id}
          valid={t.status === 'valid'}
          timezone={event.timezone}
          passages={passages}
          onChanged={() => setVersion((v) => v + 1)}
        />
        <AttendeeAnswers ticket={t} onChanged={() => setVersion((v) => v + 1)} />
        <AttendeeHistory ticketPath={ticketPath} timezone={event.timezone} version={version} />
        <AttendeeOrder
          eventId={event.id}
          orderId={t.orderId}
          ticketId={t.id}
          timezone={event.timezone}
          version={version}
        />
        <AttendeeMessages
          ticketId={t.id}
          orderId={t.orderId}
          timezone={event.timezone}
          version={version}
        />
      </div>
    </>
  );
}

function TicketPanel({
  ticket: t,
  timezone,
  inside,
}: {
  ticket: Ticket;
  timezone: string;
  inside: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Reached from the list, the clicked link is gone: the attendee's name takes the focus.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <section aria-labelledby="attendee-heading" className="panel attendee-ticket">
      <div className="panel-head">
        <h2 id="attendee-heading" tabIndex={-1} ref={heading}>
          {t.attendee.name}
        </h2>
        <AttendeeStatus status={t.status} checkedIn={inside} />
      </div>
      <div className="attendee-ticket-body">
        <AttendeeQr ticket={t} />
        <dl className="ticket-facts">
          <div>
            <dt>Email</dt>
            <dd>{t.attendee.email}</dd>
          </div>
          <div>
            <dt>Ticket type</dt>
            <dd>{t.ticketTypeName}</dd>
          </div>
          <div>
            <dt>Ticket id</dt>
            <dd className="attendee-id">{t.id}</dd>
          </div>
          <div>
            <dt>Revision</dt>
            <dd>{t.revision}</dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>{formatInstant(t.updatedAt, timezone)}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
