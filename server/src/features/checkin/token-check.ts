import { peekTicketClaims, verifyTicketToken, type TokenVerification } from '@lanyard/core';
import type { KeyringCache } from './keyring-cache.js';

/** What scanned text turned out to be. */
export interface CheckedText {
  verification: TokenVerification;
  /** The ticket it names when it is an authentic token of this event. */
  ticketId: string | undefined;
}

/**
 * Verifies scanned text against the event's keys, re-reading them once for an unknown kid. Text
 * equal to the ticket's stored token (`issuedTokenSha256`) needs no signature check.
 */
export async function checkScannedText(
  keyrings: KeyringCache,
  eventId: string,
  text: string,
  issuedTokenSha256?: string,
): Promise<CheckedText> {
  const options = { issuedTokenSha256 };
  const keys = await keyrings.get(eventId);
  let verification = verifyTicketToken(text, { ...options, keys });
  if (!verification.ok && verification.reason === 'unknown_key') {
    const fresh = await keyrings.refresh(eventId, keys);
    if (fresh) verification = verifyTicketToken(text, { ...options, keys: fresh });
  }
  return { verification, ticketId: ticketNamed(verification, eventId) };
}

/** The ticket of this event scanned text claims to be, before anything is verified. */
export function ticketClaimedBy(text: string, eventId: string): string | undefined {
  const claims = peekTicketClaims(text);
  return claims?.eventId === eventId.toLowerCase() ? claims.ticketId : undefined;
}

/** The ticket a verification names, when it is an authentic token of this event. */
function ticketNamed(v: TokenVerification, eventId: string): string | undefined {
  if (!('claims' in v)) return undefined;
  return v.claims.eventId === eventId.toLowerCase() ? v.claims.ticketId : undefined;
}
