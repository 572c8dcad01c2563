import type { KeyObject } from 'node:crypto';
import { importPublicKey, toPublicKeyMaterial, type PublicKeyMaterial } from './keys.js';

/**
 * The public keys a verifier trusts, by kid. Each key is imported once, when added, so verifying
 * costs a map lookup plus the signature check. Rotation: add the new key and keep the old one
 * until every token it signed is reissued; tokens signed by a removed key become `unknown_key`.
 */
export class PublicKeyring {
  private readonly keys = new Map<string, { material: PublicKeyMaterial; key: KeyObject }>();

  /** Builds a keyring; throws CoreError `invalid_key` / `invalid_kid` on a bad key. */
  constructor(keys: Iterable<PublicKeyMaterial> = []) {
    for (const key of keys) this.add(key);
  }

  /** Adds or replaces the key with this kid; throws CoreError on a bad key. */
  add(key: PublicKeyMaterial): void {
    const existing = this.keys.get(key.kid);
    if (existing && existing.material.publicKey === key.publicKey) return;
    this.keys.set(key.kid, { material: toPublicKeyMaterial(key), key: importPublicKey(key) });
  }

  /** Removes a key; returns whether it was there. */
  remove(kid: string): boolean {
    return this.keys.delete(kid);
  }

  /** The imported key for `kid`, for the verifier. */
  get(kid: string): KeyObject | undefined {
    return this.keys.get(kid)?.key;
  }

  has(kid: string): boolean {
    return this.keys.has(kid);
  }

  get size(): number {
    return this.keys.size;
  }

  /** The keys as serialisable material, e.g. to persist a kiosk's cache. */
  list(): PublicKeyMaterial[] {
    return [...this.keys.values()].map((k) => k.material);
  }
}
