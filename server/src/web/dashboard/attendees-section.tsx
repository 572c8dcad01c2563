import { AttendeeDetail } from './attendee-detail.js';
import { AttendeesSearch } from './attendees-search.js';
import type { SectionProps } from './sections.js';

/** The attendee list with its search, or one attendee's ticket when the path names one. */
export function AttendeesSection({ event, base, item }: SectionProps) {
  return item === undefined ? (
    <AttendeesSearch event={event} base={base} />
  ) : (
    <AttendeeDetail key={item} event={event} ticketId={item} />
  );
}
