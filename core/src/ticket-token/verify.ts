import { createHash, timingSafeEqual, verify } from 'node:crypto';
import type { PublicKeyring } from './keyring.js';
import {
  checkClaims,
  decodeToken,
  malformed,
  signedMessage,
  type ClaimChecks,
  type TokenVerification,
} from './verification.js';

export {
  peekTicketClaims,
  type MalformedDetail,
  type TokenClaimsRejection,
  type TokenFailureReason,
  type TokenRejection,
  type TokenVerification,
} from './verification.js';

/** Options of verifyTicketToken. */
export interface VerifyOptions extends ClaimChecks {
  /** Public keys trusted to sign tickets. */
  keys: PublicKeyring;
  /**
   * sha256 (hex, see ticketTokenSha256) of the token the issuer stored for the ticket the scanned
   * text names, as the server's ticket row and a kiosk's synced cache hold it. Text hashing to it
   * is that very token, signed when it was issued, so the Ed25519 check, the dearest step, is
   * skipped; its key must still be trusted and every other check runs. Any other text is verified
   * in full, so refusals keep their reasons.
   */
  issuedTokenSha256?: string;
}

/**
 * Checks a scanned token: shape, key, Ed25519 signature, then event and validity window. Every
 * claim it returns was signed. Never throws, whatever `token` is.
 */
export function verifyTicketToken(token: unknown, options: VerifyOptions): TokenVerification {
  try {
    return verifyOrThrow(token, options);
  } catch {
    // Only a misbehaving crypto backend can land here; refusing is the safe answer.
    return malformed('bad_encoding');
  }
}

/** sha256 of a token's text, as hex: what a ticket row and a kiosk's cache keep of its token. */
export function ticketTokenSha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function isIssuedToken(token: string, issuedSha256: string | undefined): boolean {
  if (issuedSha256 === undefined) return false;
  const issued = Buffer.from(issuedSha256, 'hex');
  const scanned = createHash('sha256').update(token).digest();
  return issued.length === scanned.length && timingSafeEqual(issued, scanned);
}

function verifyOrThrow(token: unknown, options: VerifyOptions): TokenVerification {
  const decoded = decodeToken(token);
  if (typeof decoded === 'string') return malformed(decoded);

  const key = options.keys.get(decoded.kid);
  if (!key) return { ok: false, reason: 'unknown_key', kid: decoded.kid };
  if (
    !isIssuedToken(token as string, options.issuedTokenSha256) &&
    !verify(null, signedMessage(decoded.payload), key, decoded.signature)
  ) {
    return { ok: false, reason: 'bad_signature', kid: decoded.kid };
  }
  return checkClaims(decoded, options);
}
