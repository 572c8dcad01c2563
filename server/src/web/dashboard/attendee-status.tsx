import type { TicketStatus } from './attendee-types.js';

const WORDS: Record<TicketStatus, string> = {
  valid: 'Valid',
  pending: 'Awaiting payment',
  revoked: 'Revoked',
  cancelled: 'Cancelled',
};

/**
 * A ticket's status as a badge, in the portal's colours (red for revoked and cancelled); a valid
 * ticket that has been admitted says so instead.
 */
export function AttendeeStatus({
  status,
  checkedIn = false,
}: {
  status: TicketStatus;
  checkedIn?: boolean;
}) {
  if (status === 'valid' && checkedIn)
    return <span className="badge badge-ticket-checked-in">Checked in</span>;
  return <span className={`badge badge-ticket-${status}`}>{WORDS[status]}</span>;
}
