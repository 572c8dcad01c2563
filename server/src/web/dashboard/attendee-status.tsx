import type { TicketStatus } from './attendee-types.js';

const WORDS: Record<TicketStatus, string> = {
  valid: 'Valid',
  pending: 'Awaiting payment',
  revoked: 'Revoked',
  cancelled: 'Cancelled',
};

/** A ticket's status as a badge; the portal's badge colours (red for revoked and cancelled). */
export function AttendeeStatus({ status }: { status: TicketStatus }) {
  return <span className={`badge badge-ticket-${status}`}>{WORDS[status]}</span>;
}
