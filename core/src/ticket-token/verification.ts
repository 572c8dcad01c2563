import { base32Decode } from '../encoding/base32.js';
import type { TicketClaims, VerifiedTicketClaims } from './claims.js';
import { TICKET_TOKEN_MAX_LENGTH, TOKEN_PREFIX } from './format.js';
import { readClaims, splitToken, type DecodedToken, type LayoutProblem } from './payload.js';
import { checkValidityWindow } from './validity.js';

// The steps of verifying a token that need no crypto library, shared by the Node verifier
// (verify.ts) and the browser's (verify-web.ts).

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

/** What the claims of an authentic token are checked against. */
export interface ClaimChecks {
  /** When given, a token of another event is refused as `wrong_event`. */
  eventId?: string;
  /** The instant the validity window is checked against; default: now. */
  now?: Date;
  /** Seconds of clock difference forgiven at both ends of the validity window; default 0. */
  clockToleranceSeconds?: number;
}

const VERSIONED_PREFIX = /^LY\d+:/;
const PREFIX_BYTES = new TextEncoder().encode(TOKEN_PREFIX);

export function malformed(detail: MalformedDetail): TokenVerification {
  return { ok: false, reason: 'malformed', detail };
}

/** The bytes an Ed25519 signature covers: the version prefix, then the payload. */
export function signedMessage(payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(PREFIX_BYTES.length + payload.length);
  message.set(PREFIX_BYTES);
  message.set(payload, PREFIX_BYTES.length);
  return message;
}

/** A token's text split into its parts, or why it cannot be. Nothing in it is trusted yet. */
export function decodeToken(token: unknown): DecodedToken | MalformedDetail {
  if (typeof token !== 'string') return 'not_a_string';
  if (token.length > TICKET_TOKEN_MAX_LENGTH) return 'too_long';
  if (!token.startsWith(TOKEN_PREFIX)) {
    return VERSIONED_PREFIX.test(token) ? 'unsupported_version' : 'bad_prefix';
  }
  const bytes = base32Decode(token, TOKEN_PREFIX.length);
  if (!bytes) return 'bad_encoding';
  return splitToken(bytes);
}

/**
 * The claims a token's text carries, read WITHOUT checking its signature: only to find which
 * ticket's stored token to compare it with before verifying. Never trust them as such.
 */
export function peekTicketClaims(token: unknown): TicketClaims | undefined {
  const decoded = decodeToken(token);
  return typeof decoded === 'string' ? undefined : readClaims(decoded);
}

/** The checks after the signature: event, then validity window. */
export function checkClaims(decoded: DecodedToken, checks: ClaimChecks): TokenVerification {
  const claims: VerifiedTicketClaims = { ...readClaims(decoded), kid: decoded.kid };
  if (checks.eventId !== undefined && checks.eventId.toLowerCase() !== claims.eventId) {
    return { ok: false, reason: 'wrong_event', claims };
  }
  const window = checkValidityWindow(
    claims,
    checks.now ?? new Date(),
    checks.clockToleranceSeconds ?? 0,
  );
  if (window !== 'valid') return { ok: false, reason: window, claims };
  return { ok: true, claims };
}
