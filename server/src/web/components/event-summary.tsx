import type { PublicEvent } from '../../features/portal/schema.js';
import { formatEventDates } from '../lib/format.js';

/** When and where: dates in the event's time zone. */
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
    </dl>
  );
}
