import { ticketTokenSha256, type KnownTicket } from '@lanyard/core';
import type { TicketFacts } from './scan-store.js';

/**
 * The rule's view of a stored ticket. A cancelled ticket is refused like a revoked one; a ticket
 * still awaiting payment, or one of another event, is not a ticket the door knows.
 */
export function toKnownTicket(
  t: TicketFacts | undefined,
  eventId: string,
): KnownTicket | undefined {
  if (!t || t.eventId !== eventId.toLowerCase() || t.status === 'pending') return undefined;
  return {
    id: t.id,
    status: t.status === 'valid' ? 'valid' : 'revoked',
    ticketTypeId: t.ticketTypeId,
    revision: t.revision,
    attendeeName: t.attendeeName,
  };
}

/** What a replay is compared by; the scanned text itself is not kept. */
export const scannedTextDigest = ticketTokenSha256;
