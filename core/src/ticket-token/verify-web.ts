import { CoreError } from '../errors.js';
import { KID_PATTERN, RAW_KEY_PATTERN } from './format.js';
import type { PublicKeyMaterial } from './keys.js';
import {
  checkClaims,
  decodeToken,
  malformed,
  signedMessage,
  type ClaimChecks,
  type TokenVerification,
} from './verification.js';

// The token verifier for browsers: the same checks as verify.ts, with Ed25519 through WebCrypto
// where the browser has it (Chrome 137+, Safari 17+, Firefox 129+) and @noble/ed25519, loaded
// only then, where it does not. Verifying is asynchronous there, so this is a separate function.

/** Checks one signature over one message with an imported public key. */
type SignatureCheck = (message: Uint8Array, signature: Uint8Array) => Promise<boolean>;

function base64urlBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function importForVerify(
  raw: Uint8Array<ArrayBuffer>,
  webCrypto: boolean,
): Promise<SignatureCheck> {
  try {
    if (!webCrypto) throw new Error('WebCrypto not wanted');
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    return (message, signature) =>
      crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        signature as Uint8Array<ArrayBuffer>,
        message as Uint8Array<ArrayBuffer>,
      );
  } catch {
    const noble = await import('@noble/ed25519');
    return async (message, signature) => {
      try {
        return await noble.verifyAsync(signature, message, raw);
      } catch {
        return false;
      }
    };
  }
}

/**
 * The public keys a browser trusts, by kid. Each key is imported once, when added (the import is
 * the slow part), so a scan costs one signature check.
 */
export class WebKeyring {
  private readonly keys = new Map<string, { publicKey: string; check: Promise<SignatureCheck> }>();

  /** `webCrypto: false` always uses the library, as a browser without WebCrypto Ed25519 does. */
  constructor(
    keys: Iterable<PublicKeyMaterial> = [],
    private readonly options: { webCrypto?: boolean } = {},
  ) {
    for (const key of keys) this.add(key);
  }

  /** Adds or replaces the key with this kid; throws CoreError `invalid_key` on a bad key. */
  add(key: PublicKeyMaterial): void {
    if (!KID_PATTERN.test(key?.kid ?? '')) {
      throw new CoreError('invalid_kid', 'kid must be 1 to 16 characters of A-Z, a-z, 0-9, _ or -');
    }
    if (key.alg !== 'Ed25519' || !RAW_KEY_PATTERN.test(key.publicKey ?? '')) {
      throw new CoreError('invalid_key', `key ${key.kid} is not a raw Ed25519 public key`);
    }
    if (this.keys.get(key.kid)?.publicKey === key.publicKey) return;
    const check = importForVerify(base64urlBytes(key.publicKey), this.options.webCrypto ?? true);
    // A key the browser refuses verifies nothing; the scan is then refused as bad_signature.
    check.catch(() => undefined);
    this.keys.set(key.kid, { publicKey: key.publicKey, check });
  }

  /** Keeps only the keys with these kids (the full set a sync page lists). */
  retain(kids: Iterable<string>): void {
    const keep = new Set(kids);
    for (const kid of this.keys.keys()) if (!keep.has(kid)) this.keys.delete(kid);
  }

  has(kid: string): boolean {
    return this.keys.has(kid);
  }

  /** The signature check for `kid`, for the verifier. */
  check(kid: string): Promise<SignatureCheck> | undefined {
    return this.keys.get(kid)?.check;
  }
}

/** Options of verifyTicketTokenWeb. */
export interface WebVerifyOptions extends ClaimChecks {
  keys: WebKeyring;
}

/**
 * Checks a scanned token in a browser exactly as verifyTicketToken does on a server: shape, key,
 * Ed25519 signature, event, validity window. Never rejects, whatever `token` is.
 */
export async function verifyTicketTokenWeb(
  token: unknown,
  options: WebVerifyOptions,
): Promise<TokenVerification> {
  const decoded = decodeToken(token);
  if (typeof decoded === 'string') return malformed(decoded);
  const check = options.keys.check(decoded.kid);
  if (!check) return { ok: false, reason: 'unknown_key', kid: decoded.kid };
  let authentic = false;
  try {
    authentic = await (await check)(signedMessage(decoded.payload), decoded.signature);
  } catch {
    authentic = false;
  }
  if (!authentic) return { ok: false, reason: 'bad_signature', kid: decoded.kid };
  return checkClaims(decoded, options);
}
