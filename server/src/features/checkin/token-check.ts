import { verifyTicketToken, type TokenVerification } from '@lanyard/core';
import type { KeyringCache } from './keyring-cache.js';

/** Verifies scanned text against the event's keys, re-reading them once for an unknown kid. */
export async function verifyScannedText(
  keyrings: KeyringCache,
  eventId: string,
  text: string,
): Promise<TokenVerification> {
  const first = verifyTicketToken(text, { keys: await keyrings.get(eventId) });
  if (first.ok || first.reason !== 'unknown_key') return first;
  const fresh = await keyrings.refresh(eventId);
  return fresh ? verifyTicketToken(text, { keys: fresh }) : first;
}

/** The ticket a verification names, when it is an authentic token of this event. */
export function ticketNamed(v: TokenVerification, eventId: string): string | undefined {
  if (!('claims' in v)) return undefined;
  return v.claims.eventId === eventId.toLowerCase() ? v.claims.ticketId : undefined;
}
