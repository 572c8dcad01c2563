import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { Db } from '../../platform/db/db.js';

/** ES256: supported by oidc-provider, jose and every OAuth client library alike. */
export const SIGNING_ALG = 'ES256';

export interface IdentityKeys {
  /** Private signing JWKs, newest first; the first one signs. */
  signing: JWK[];
  /** Cookie secrets, newest first (oidc-provider signs with the first, accepts all). */
  cookieSecrets: string[];
}

// Shared by replicas: the first one to start generates the keys, the others wait and read them.
const KEYS_LOCK_KEY = 4_242_002;

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' };
}

/**
 * Loads the issuer's keys from the database, generating them on the very first start, so
 * restarts and replicas sign and verify with the same keys.
 */
export function loadOrCreateKeys(db: Db): Promise<IdentityKeys> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [KEYS_LOCK_KEY]);
    const select = () =>
      tx.query<{ purpose: 'signing' | 'cookie'; material: { jwk?: JWK; secret?: string } }>(
        `SELECT purpose, material FROM identity_keys WHERE retired_at IS NULL ORDER BY created_at DESC, id`,
      );
    let { rows } = await select();
    if (!rows.some((r) => r.purpose === 'signing')) {
      const jwk = await newSigningKey();
      await tx.query(
        `INSERT INTO identity_keys (id, purpose, material) VALUES ($1, 'signing', $2::jsonb)`,
        [jwk.kid, JSON.stringify({ jwk })],
      );
    }
    if (!rows.some((r) => r.purpose === 'cookie')) {
      const secret = randomBytes(32).toString('base64url');
      await tx.query(
        `INSERT INTO identity_keys (id, purpose, material) VALUES ($1, 'cookie', $2::jsonb)`,
        [`cookie-${randomBytes(8).toString('hex')}`, JSON.stringify({ secret })],
      );
    }
    ({ rows } = await select());
    return {
      signing: rows.flatMap((r) =>
        r.purpose === 'signing' && r.material.jwk ? [r.material.jwk] : [],
      ),
      cookieSecrets: rows.flatMap((r) =>
        r.purpose === 'cookie' && r.material.secret ? [r.material.secret] : [],
      ),
    };
  });
}

const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use'] as const;

/** The public half of each key, for verifying tokens without asking the issuer over HTTP. */
export function publicJwks(keys: IdentityKeys): { keys: JWK[] } {
  return {
    keys: keys.signing.map((jwk) => {
      const pub: JWK = {};
      for (const m of PUBLIC_MEMBERS)
        if (jwk[m] !== undefined) (pub as Record<string, unknown>)[m] = jwk[m];
      return pub;
    }),
  };
}
