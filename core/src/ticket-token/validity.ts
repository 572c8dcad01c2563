import type { TicketClaims } from './claims.js';

// Kept apart from verify.ts so the check-in rule can use it without pulling in node:crypto.
/** Where `at` falls in the claims' validity window (notBefore inclusive, expiresAt exclusive). */
export function checkValidityWindow(
  claims: Pick<TicketClaims, 'notBefore' | 'expiresAt'>,
  at: Date,
  toleranceSeconds = 0,
): 'valid' | 'not_yet_valid' | 'expired' {
  const seconds = at.getTime() / 1000;
  if (claims.notBefore !== undefined && seconds + toleranceSeconds < claims.notBefore)
    return 'not_yet_valid';
  if (claims.expiresAt !== undefined && seconds - toleranceSeconds >= claims.expiresAt)
    return 'expired';
  return 'valid';
}
