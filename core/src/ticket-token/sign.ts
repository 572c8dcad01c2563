import { sign } from 'node:crypto';
import { base32Encode } from '../encoding/base32.js';
import { assertEncodableClaims, type TicketClaims } from './claims.js';
import { TOKEN_PREFIX } from './format.js';
import { importSigningKey, type SigningKeyMaterial } from './keys.js';
import { encodePayload } from './payload.js';
import { signedMessage } from './verification.js';

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
