import { base32Length } from '../encoding/base32.js';

/**
 * Wire format, version 1. The token is `LY1:` followed by the base32 of:
 *
 *   flags        1 byte   bit 0: notBefore present, bit 1: expiresAt present, others zero
 *   kid length   1 byte   1..16
 *   kid          n bytes  ASCII [A-Za-z0-9_-]
 *   event id     16 bytes
 *   ticket id    16 bytes
 *   ticket type  16 bytes
 *   revision     2 bytes  big-endian; bumped when a ticket is reissued or transferred
 *   notBefore    4 bytes  unix seconds, big-endian, if flagged
 *   expiresAt    4 bytes  unix seconds, big-endian, if flagged
 *   signature    64 bytes Ed25519 over the ASCII prefix followed by every byte above
 *
 * Signing the prefix too binds the version, so a future format cannot reuse a v1 signature.
 */
export const TOKEN_PREFIX = 'LY1:';
export const FLAG_NOT_BEFORE = 1;
export const FLAG_EXPIRES_AT = 2;
export const KNOWN_FLAGS = FLAG_NOT_BEFORE | FLAG_EXPIRES_AT;
export const KID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;
export const MAX_KID_LENGTH = 16;
/** A raw 32-byte Ed25519 key in base64url without padding. */
export const RAW_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const SIGNATURE_LENGTH = 64;
export const MAX_REVISION = 0xffff;
export const MAX_UNIX_SECONDS = 0xffffffff;

const FIXED_LENGTH = 1 + 1 + 16 * 3 + 2;

/** Byte length of the signed part of a token, signature excluded. */
export function payloadLength(kidLength: number, flags: number): number {
  return (
    FIXED_LENGTH + kidLength + (flags & FLAG_NOT_BEFORE ? 4 : 0) + (flags & FLAG_EXPIRES_AT ? 4 : 0)
  );
}

/**
 * Length in characters of a token with the given shape. The largest v1 token (16-character kid,
 * both times) is 228 characters, inside the 311 a QR code of version 10 holds at error
 * correction M in alphanumeric mode.
 */
export function ticketTokenLength(shape: {
  kidLength: number;
  hasNotBefore: boolean;
  hasExpiresAt: boolean;
}): number {
  const flags =
    (shape.hasNotBefore ? FLAG_NOT_BEFORE : 0) | (shape.hasExpiresAt ? FLAG_EXPIRES_AT : 0);
  return (
    TOKEN_PREFIX.length + base32Length(payloadLength(shape.kidLength, flags) + SIGNATURE_LENGTH)
  );
}

/** No v1 token is longer; anything longer is refused before decoding. */
export const TICKET_TOKEN_MAX_LENGTH = ticketTokenLength({
  kidLength: MAX_KID_LENGTH,
  hasNotBefore: true,
  hasExpiresAt: true,
});
