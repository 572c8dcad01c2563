import type { PublicEvent } from '../../features/portal/schema.js';
import { formatEventDates } from '../lib/format.js';

// The words this component adds, together for the translation catalog.
export const EVENT_SUMMARY_TEXT = { organizer: 'By' };

/** When and where (dates in the event's time zone), and by whom when the organizer says. */
export function EventWhenWhere({ event }: { event: PublicEvent }) {
  return (
    <dl className="when-where">
      <div>
        <dt>When</dt>
        <dd>
          <time dateTime={event.startsAt}>
            {formatEventDates(event.startsAt, event.endsAt, event.timezone)}
          </time>
        </dd>
      </div>
      {event.venue ? (
        <div>
          <dt>Where</dt>
          <dd>{event.venue}</dd>
        </div>
      ) : null}
      {event.branding.organizerName ? (
        <div>
          <dt>{EVENT_SUMMARY_TEXT.organizer}</dt>
          <dd>{event.branding.organizerName}</dd>
        </div>
      ) : null}
    </dl>
  );
}
