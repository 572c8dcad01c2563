import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { CoreError } from '../errors.js';
import { base32Encode } from '../encoding/base32.js';
import { KID_PATTERN, RAW_KEY_PATTERN } from './format.js';

/** A public key as stored and synced: JSON-serialisable, raw key bytes in base64url. */
export interface PublicKeyMaterial {
  kid: string;
  alg: 'Ed25519';
  /** The 32-byte Ed25519 public key, base64url without padding (a JWK's `x`). */
  publicKey: string;
}

/** A signing key as the server stores it (secret: keep it out of logs and sync). */
export interface SigningKeyMaterial extends PublicKeyMaterial {
  /** The 32-byte Ed25519 private seed, base64url without padding (a JWK's `d`). */
  privateKey: string;
}

/** A public key in JWK form (RFC 8037), for integrators who verify tokens with a JOSE library. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** Throws CoreError `invalid_kid` unless `kid` is 1-16 characters of [A-Za-z0-9_-]. */
export function assertKid(kid: unknown): asserts kid is string {
  if (typeof kid !== 'string' || !KID_PATTERN.test(kid)) {
    throw new CoreError('invalid_kid', 'kid must be 1 to 16 characters of A-Z, a-z, 0-9, _ or -');
  }
}

/** A short kid derived from the public key, so two keys practically never share one. */
export function fingerprintKid(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest();
  return base32Encode(digest.subarray(0, 5));
}

/** Makes a new Ed25519 signing key. Without `kid`, the kid is the key's 8-character fingerprint. */
export function generateSigningKey(kid?: string): SigningKeyMaterial {
  if (kid !== undefined) assertKid(kid);
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const publicKey = jwk.x!;
  return { kid: kid ?? fingerprintKid(publicKey), alg: 'Ed25519', publicKey, privateKey: jwk.d! };
}

/** The public half of a signing key, the part kiosks receive. */
export function toPublicKeyMaterial(key: PublicKeyMaterial): PublicKeyMaterial {
  return { kid: key.kid, alg: 'Ed25519', publicKey: key.publicKey };
}

/** The public key as a JWK. */
export function toPublicJwk(key: PublicKeyMaterial): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x: key.publicKey, kid: key.kid, alg: 'EdDSA', use: 'sig' };
}

/** Imports a public key into a KeyObject; throws CoreError `invalid_key` / `invalid_kid`. */
export function importPublicKey(key: PublicKeyMaterial): KeyObject {
  assertKid(key?.kid);
  if (
    key.alg !== 'Ed25519' ||
    typeof key.publicKey !== 'string' ||
    !RAW_KEY_PATTERN.test(key.publicKey)
  ) {
    throw new CoreError(
      'invalid_key',
      `key ${key.kid} is not a raw Ed25519 public key in base64url`,
    );
  }
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey },
      format: 'jwk',
    });
  } catch {
    throw new CoreError('invalid_key', `key ${key.kid} is not a valid Ed25519 public key`);
  }
}

// Keyed by the material object, so a server that keeps its key in memory imports it once.
const privateKeys = new WeakMap<SigningKeyMaterial, KeyObject>();

/** Imports (once per material object) a signing key; throws CoreError `invalid_key`. */
export function importSigningKey(key: SigningKeyMaterial): KeyObject {
  const cached = privateKeys.get(key);
  if (cached) return cached;
  importPublicKey(key);
  if (typeof key.privateKey !== 'string' || !RAW_KEY_PATTERN.test(key.privateKey)) {
    throw new CoreError(
      'invalid_key',
      `key ${key.kid} has no raw Ed25519 private key in base64url`,
    );
  }
  let imported: KeyObject;
  try {
    imported = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey, d: key.privateKey },
      format: 'jwk',
    });
  } catch {
    throw new CoreError('invalid_key', `key ${key.kid} is not a valid Ed25519 private key`);
  }
  // Node accepts a JWK whose x does not belong to d; a mismatched pair would sign unverifiable tokens.
  if (createPublicKey(imported).export({ format: 'jwk' }).x !== key.publicKey) {
    throw new CoreError('invalid_key', `key ${key.kid}: public key does not match the private key`);
  }
  privateKeys.set(key, imported);
  return imported;
}
