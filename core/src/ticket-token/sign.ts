import { sign } from 'node:crypto';
import { base32Encode } from '../encoding/base32.js';
import { assertEncodableClaims, type TicketClaims } from './claims.js';
import { TOKEN_PREFIX } from './format.js';
import { importSigningKey, type SigningKeyMaterial } from './keys.js';
import { encodePayload } from './payload.js';

const PREFIX_BYTES = Buffer.from(TOKEN_PREFIX, 'ascii');

/** The bytes an Ed25519 signature covers: the version prefix, then the payload. */
export function signedMessage(payload: Uint8Array): Buffer {
  return Buffer.concat([PREFIX_BYTES, payload]);
}

/**
 * Signs claims into the exact text a ticket's QR code encodes (`LY1:` + base32, at most 228
 * characters). Throws CoreError `invalid_claims` or `invalid_key` on bad input.
 */
export function signTicketToken(claims: TicketClaims, key: SigningKeyMaterial): string {
  assertEncodableClaims(claims);
  const privateKey = importSigningKey(key);
  const payload = encodePayload(claims, key.kid);
  const signature = sign(null, signedMessage(payload), privateKey);
  return TOKEN_PREFIX + base32Encode(Buffer.concat([payload, signature]));
}
