import type { TokenVerification } from '../ticket-token/verification.js';

/** The key id a check-in by hand is "verified" with: there is no signed token, only staff. */
export const BY_HAND_KID = 'by-hand';

/**
 * A ticket staff chose by hand (the person is known, their QR code is not with them), as the
 * check-in rule sees it: as good as the ticket's current code, so the same rule decides — the
 * list, the window, the entry rule, a revocation — and nothing else is special about it.
 */
export function verifiedByHand(ticket: {
  id: string;
  eventId: string;
  ticketTypeId: string;
  revision?: number | undefined;
}): TokenVerification {
  return {
    ok: true,
    claims: {
      eventId: ticket.eventId.toLowerCase(),
      ticketId: ticket.id.toLowerCase(),
      ticketTypeId: ticket.ticketTypeId.toLowerCase(),
      revision: ticket.revision ?? 0,
      kid: BY_HAND_KID,
    },
  };
}
