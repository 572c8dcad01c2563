import { createHash, timingSafeEqual, verify } from 'node:crypto';
import { base32Decode } from '../encoding/base32.js';
import type { TicketClaims, VerifiedTicketClaims } from './claims.js';
import { checkValidityWindow } from './validity.js';
import { TICKET_TOKEN_MAX_LENGTH, TOKEN_PREFIX } from './format.js';
import type { PublicKeyring } from './keyring.js';
import { readClaims, splitToken, type DecodedToken, type LayoutProblem } from './payload.js';
import { signedMessage } from './sign.js';

/** Why a token was refused before its claims could be trusted. */
export type TokenRejection = 'malformed' | 'unknown_key' | 'bad_signature';
/** Why an authentic token was refused: its claims are known and returned. */
export type TokenClaimsRejection = 'wrong_event' | 'not_yet_valid' | 'expired';
/** Every reason verifyTicketToken can give. */
export type TokenFailureReason = TokenRejection | TokenClaimsRejection;

/** Finer cause of `malformed`, for logs; not meant for screens. */
export type MalformedDetail =
  | 'not_a_string'
  | 'too_long'
  | 'bad_prefix'
  | 'unsupported_version'
  | 'bad_encoding'
  | LayoutProblem;

/** Outcome of verifying a token; verifyTicketToken returns it and never throws. */
export type TokenVerification =
  | { ok: true; claims: VerifiedTicketClaims }
  | { ok: false; reason: 'malformed'; detail: MalformedDetail }
  | { ok: false; reason: 'unknown_key'; kid: string }
  | { ok: false; reason: 'bad_signature'; kid: string }
  | { ok: false; reason: TokenClaimsRejection; claims: VerifiedTicketClaims };

/** Options of verifyTicketToken. */
export interface VerifyOptions {
  /** Public keys trusted to sign tickets. */
  keys: PublicKeyring;
  /** When given, a token of another event is refused as `wrong_event`. */
  eventId?: string;
  /** The instant the validity window is checked against; default: now. */
  now?: Date;
  /** Seconds of clock difference forgiven at both ends of the validity window; default 0. */
  clockToleranceSeconds?: number;
  /**
   * sha256 (hex, see ticketTokenSha256) of the token the issuer stored for the ticket the scanned
   * text names, as the server's ticket row and a kiosk's synced cache hold it. Text hashing to it
   * is that very token, signed when it was issued, so the Ed25519 check, the dearest step, is
   * skipped; its key must still be trusted and every other check runs. Any other text is verified
   * in full, so refusals keep their reasons.
   */
  issuedTokenSha256?: string;
}

const VERSIONED_PREFIX = /^LY\d+:/;

function malformed(detail: MalformedDetail): TokenVerification {
  return { ok: false, reason: 'malformed', detail };
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

/**
 * The claims a token's text carries, read WITHOUT checking its signature: only to find which
 * ticket's stored token to compare it with before verifyTicketToken. Never trust them as such.
 */
export function peekTicketClaims(token: unknown): TicketClaims | undefined {
  const decoded = decode(token);
  return typeof decoded === 'string' ? undefined : readClaims(decoded);
}

function decode(token: unknown): DecodedToken | MalformedDetail {
  if (typeof token !== 'string') return 'not_a_string';
  if (token.length > TICKET_TOKEN_MAX_LENGTH) return 'too_long';
  if (!token.startsWith(TOKEN_PREFIX)) {
    return VERSIONED_PREFIX.test(token) ? 'unsupported_version' : 'bad_prefix';
  }
  const bytes = base32Decode(token, TOKEN_PREFIX.length);
  if (!bytes) return 'bad_encoding';
  return splitToken(bytes);
}

function isIssuedToken(token: string, issuedSha256: string | undefined): boolean {
  if (issuedSha256 === undefined) return false;
  const issued = Buffer.from(issuedSha256, 'hex');
  const scanned = createHash('sha256').update(token).digest();
  return issued.length === scanned.length && timingSafeEqual(issued, scanned);
}

function verifyOrThrow(token: unknown, options: VerifyOptions): TokenVerification {
  const decoded = decode(token);
  if (typeof decoded === 'string') return malformed(decoded);

  const key = options.keys.get(decoded.kid);
  if (!key) return { ok: false, reason: 'unknown_key', kid: decoded.kid };
  if (
    !isIssuedToken(token as string, options.issuedTokenSha256) &&
    !verify(null, signedMessage(decoded.payload), key, decoded.signature)
  ) {
    return { ok: false, reason: 'bad_signature', kid: decoded.kid };
  }

  const claims: VerifiedTicketClaims = { ...readClaims(decoded), kid: decoded.kid };
  if (options.eventId !== undefined && options.eventId.toLowerCase() !== claims.eventId) {
    return { ok: false, reason: 'wrong_event', claims };
  }
  const window = checkValidityWindow(
    claims,
    options.now ?? new Date(),
    options.clockToleranceSeconds ?? 0,
  );
  if (window !== 'valid') return { ok: false, reason: window, claims };
  return { ok: true, claims };
}
