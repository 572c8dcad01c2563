import { readUuid, writeUuid } from '../encoding/uuid.js';
import type { TicketClaims } from './claims.js';
import {
  FLAG_EXPIRES_AT,
  FLAG_NOT_BEFORE,
  KID_PATTERN,
  KNOWN_FLAGS,
  MAX_KID_LENGTH,
  SIGNATURE_LENGTH,
  payloadLength,
} from './format.js';

/** Serialises claims and kid into the signed bytes; inputs are already validated. */
export function encodePayload(claims: TicketClaims, kid: string): Uint8Array {
  const flags =
    (claims.notBefore !== undefined ? FLAG_NOT_BEFORE : 0) |
    (claims.expiresAt !== undefined ? FLAG_EXPIRES_AT : 0);
  const bytes = new Uint8Array(payloadLength(kid.length, flags));
  const view = new DataView(bytes.buffer);
  let o = 0;
  bytes[o++] = flags;
  bytes[o++] = kid.length;
  for (let i = 0; i < kid.length; i++) bytes[o++] = kid.charCodeAt(i);
  writeUuid(claims.eventId, bytes, o);
  writeUuid(claims.ticketId, bytes, o + 16);
  writeUuid(claims.ticketTypeId, bytes, o + 32);
  o += 48;
  view.setUint16(o, claims.revision ?? 0);
  o += 2;
  if (claims.notBefore !== undefined) {
    view.setUint32(o, claims.notBefore);
    o += 4;
  }
  if (claims.expiresAt !== undefined) view.setUint32(o, claims.expiresAt);
  return bytes;
}

/** The parts of a decoded token; nothing in it is trusted until the signature is checked. */
export interface DecodedToken {
  kid: string;
  /** Signed bytes (payload without signature). */
  payload: Uint8Array;
  signature: Uint8Array;
  /** Offset of the event id inside `payload`. */
  idsOffset: number;
  flags: number;
}

/** Why a byte string is not a v1 token. */
export type LayoutProblem = 'bad_flags' | 'bad_kid' | 'bad_length';

/** Splits the raw bytes of a token into kid, payload and signature, checking the layout only. */
export function splitToken(bytes: Uint8Array): DecodedToken | LayoutProblem {
  if (bytes.length < 2) return 'bad_length';
  const flags = bytes[0]!;
  if ((flags & ~KNOWN_FLAGS) !== 0) return 'bad_flags';
  const kidLength = bytes[1]!;
  if (kidLength < 1 || kidLength > MAX_KID_LENGTH) return 'bad_kid';
  const signedLength = payloadLength(kidLength, flags);
  if (bytes.length !== signedLength + SIGNATURE_LENGTH) return 'bad_length';
  const kid = String.fromCharCode(...bytes.subarray(2, 2 + kidLength));
  if (!KID_PATTERN.test(kid)) return 'bad_kid';
  return {
    kid,
    payload: bytes.subarray(0, signedLength),
    signature: bytes.subarray(signedLength),
    idsOffset: 2 + kidLength,
    flags,
  };
}

/** Reads the claims out of a token whose signature has been verified. */
export function readClaims(token: DecodedToken): TicketClaims & { revision: number } {
  const { payload, idsOffset, flags } = token;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  let o = idsOffset + 48;
  const claims: TicketClaims & { revision: number } = {
    eventId: readUuid(payload, idsOffset),
    ticketId: readUuid(payload, idsOffset + 16),
    ticketTypeId: readUuid(payload, idsOffset + 32),
    revision: view.getUint16(o),
  };
  o += 2;
  if (flags & FLAG_NOT_BEFORE) {
    claims.notBefore = view.getUint32(o);
    o += 4;
  }
  if (flags & FLAG_EXPIRES_AT) claims.expiresAt = view.getUint32(o);
  return claims;
}
