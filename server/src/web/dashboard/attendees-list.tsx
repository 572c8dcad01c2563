import { formatInstant } from '../lib/format.js';
import { Link } from './link.js';
import { AttendeeStatus } from './attendee-status.js';
import type { AttendeeRow } from './attendee-types.js';
import { sectionPath } from './sections.js';
import type { OrganizerEvent } from './types.js';

/** Attendees as a list of cards: one column on a phone, so nothing scrolls sideways. */
export function AttendeesList({ event, rows }: { event: OrganizerEvent; rows: AttendeeRow[] }) {
  if (rows.length === 0) return null;
  return (
    <ul className="attendee-list">
      {rows.map((r) => (
        <li key={r.ticketId}>
          <span className="attendee-name">
            <Link to={sectionPath(event.id, 'attendees', r.ticketId)}>{r.name}</Link>
          </span>
          <AttendeeStatus status={r.status} checkedIn={r.checkedInAt !== null} />
          <span className="attendee-email">{r.email}</span>
          <span className="attendee-type">
            {r.ticketTypeName}
            {r.checkedInAt ? ` · checked in ${formatInstant(r.checkedInAt, event.timezone)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
