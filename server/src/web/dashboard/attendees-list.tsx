import { Link } from './link.js';
import { AttendeeStatus } from './attendee-status.js';
import type { AttendeeRow } from './attendee-types.js';
import { sectionPath } from './sections.js';

/** Attendees as a list of cards: one column on a phone, so nothing scrolls sideways. */
export function AttendeesList({ eventId, rows }: { eventId: string; rows: AttendeeRow[] }) {
  if (rows.length === 0) return null;
  return (
    <ul className="attendee-list">
      {rows.map((r) => (
        <li key={r.ticketId}>
          <span className="attendee-name">
            <Link to={sectionPath(eventId, 'attendees', r.ticketId)}>{r.name}</Link>
          </span>
          <AttendeeStatus status={r.status} />
          <span className="attendee-email">{r.email}</span>
          <span className="attendee-type">{r.ticketTypeName}</span>
        </li>
      ))}
    </ul>
  );
}
