import {
  generateSigningKey,
  toPublicKeyMaterial,
  type PublicKeyMaterial,
  type SigningKeyMaterial,
} from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';

// An event's Ed25519 ticket-signing keys. The newest unretired key signs; retired keys still verify
// (kiosks keep them) until they are deleted. Private halves never leave the server.

interface KeyRow {
  kid: string;
  public_key: string;
  private_key: string;
  retired_at: Date | null;
  [k: string]: unknown;
}

const toMaterial = (r: KeyRow): SigningKeyMaterial => ({
  kid: r.kid,
  alg: 'Ed25519',
  publicKey: r.public_key,
  privateKey: r.private_key,
});

// A replica may sign with a key another replica just retired: it still verifies everywhere.
const CACHE_MS = 60_000;
const active = new Map<string, { key: SigningKeyMaterial; until: number }>();

/** The key that signs this event's new tokens, created on first use. */
export async function activeSigningKey(
  tx: Queryable,
  eventId: string,
): Promise<SigningKeyMaterial> {
  const cached = active.get(eventId);
  if (cached && cached.until > Date.now()) return cached.key;
  let row = await newestKey(tx, eventId);
  if (!row) {
    // Serializes first issuance per event, so concurrent first sales create one key, not several.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lanyard.signing-key:' || $1))`, [
      eventId,
    ]);
    row = (await newestKey(tx, eventId)) ?? (await insertKey(tx, eventId, generateSigningKey()));
  }
  const key = toMaterial(row);
  active.set(eventId, { key, until: Date.now() + CACHE_MS });
  return key;
}

/** Starts signing with a new key; the previous ones keep verifying until deleted. */
export async function rotateSigningKey(tx: Queryable, eventId: string): Promise<PublicKeyMaterial> {
  await tx.query(
    'UPDATE event_signing_keys SET retired_at = now() WHERE event_id = $1 AND retired_at IS NULL',
    [eventId],
  );
  const row = await insertKey(tx, eventId, generateSigningKey());
  active.delete(eventId);
  return toPublicKeyMaterial(toMaterial(row));
}

/** Every public key a kiosk needs to verify this event's tokens, newest first. */
export async function eventPublicKeys(
  db: Queryable,
  eventId: string,
): Promise<(PublicKeyMaterial & { retired: boolean })[]> {
  const { rows } = await db.query<KeyRow>(
    'SELECT kid, public_key, private_key, retired_at FROM event_signing_keys WHERE event_id = $1 ORDER BY created_at DESC, kid',
    [eventId],
  );
  return rows.map((r) => ({
    ...toPublicKeyMaterial(toMaterial(r)),
    retired: r.retired_at !== null,
  }));
}

async function newestKey(tx: Queryable, eventId: string): Promise<KeyRow | undefined> {
  const { rows } = await tx.query<KeyRow>(
    `SELECT kid, public_key, private_key, retired_at FROM event_signing_keys
     WHERE event_id = $1 AND retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    [eventId],
  );
  return rows[0];
}

async function insertKey(tx: Queryable, eventId: string, key: SigningKeyMaterial): Promise<KeyRow> {
  const { rows } = await tx.query<KeyRow>(
    `INSERT INTO event_signing_keys (event_id, kid, public_key, private_key) VALUES ($1, $2, $3, $4)
     RETURNING kid, public_key, private_key, retired_at`,
    [eventId, key.kid, key.publicKey, key.privateKey],
  );
  return rows[0]!;
}
