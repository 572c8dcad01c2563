import { peekTicketClaims, verifyTicketToken, type TokenVerification } from '@lanyard/core';
import type { KeyringCache } from './keyring-cache.js';

/**
 * Verifies scanned text against the event's keys, re-reading them once for an unknown kid. Text
 * equal to the ticket's stored token (`issuedTokenSha256`) needs no signature check.
 */
export async function verifyScannedText(
  keyrings: KeyringCache,
  eventId: string,
  text: string,
  issuedTokenSha256?: string,
): Promise<TokenVerification> {
  const options = { issuedTokenSha256 };
  const first = verifyTicketToken(text, { ...options, keys: await keyrings.get(eventId) });
  if (first.ok || first.reason !== 'unknown_key') return first;
  const fresh = await keyrings.refresh(eventId);
  return fresh ? verifyTicketToken(text, { ...options, keys: fresh }) : first;
}

/** The ticket of this event scanned text claims to be, before anything is verified. */
export function ticketClaimedBy(text: string, eventId: string): string | undefined {
  const claims = peekTicketClaims(text);
  return claims?.eventId === eventId.toLowerCase() ? claims.ticketId : undefined;
}

/** The ticket a verification names, when it is an authentic token of this event. */
export function ticketNamed(v: TokenVerification, eventId: string): string | undefined {
  if (!('claims' in v)) return undefined;
  return v.claims.eventId === eventId.toLowerCase() ? v.claims.ticketId : undefined;
}
