import { randomBytes } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Queryable } from '../../platform/db/db.js';
import { invalid } from '../../platform/errors.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import type { Limiters } from '../../platform/ratelimit/limiters.js';

/**
 * ALTCHA proof of work (altcha-lib, self-hosted): an event can ask every registration for a
 * solved challenge, so a bot pays CPU time per order while a person's browser solves it in the
 * background. Challenges are signed with HMAC secrets kept in the database (shared by replicas);
 * the derived key is signed too, so checking a solution costs one HMAC, not the work again.
 */
export interface ProofOfWork {
  /** A fresh challenge bound to the event, valid for CHALLENGE_SECONDS. */
  challenge(eventId: string): Promise<Challenge>;
  /**
   * Refuses (400) unless the event does not ask for proof of work, or `payload` solves a fresh
   * challenge of this event that no other registration used. A retry with the same
   * Idempotency-Key may send the same solution again.
   */
  verify(eventId: string, payload: string | undefined, idempotencyKey?: string): Promise<void>;
}

export const CHALLENGE_SECONDS = 10 * 60;
const ALGORITHM = 'SHA-256';

export function createProofOfWork(
  db: Queryable,
  limiters: Limiters,
  /** The solver tries counters up to a random one below this: the expected work is half of it. */
  maxCounter: number,
): ProofOfWork {
  let secrets: Promise<{ signature: string; key: string }> | undefined;
  const loadSecrets = () =>
    (secrets ??= Promise.all([serverSecret(db, 'altcha-signature'), serverSecret(db, 'altcha-key')])
      .then(([signature, key]) => ({ signature, key }))
      .catch((err: unknown) => {
        secrets = undefined;
        throw err;
      }));
  // Marks used challenges until they expire; Redis-backed when REDIS_URL is set, so a solution
  // cannot be spent once per replica.
  const used = limiters.limiter({
    name: 'altcha-used',
    points: 1,
    duration: CHALLENGE_SECONDS + 60,
  });
  const asks = new ExpiringCache<boolean>(5_000, 10_000);

  return {
    async challenge(eventId) {
      const { signature, key } = await loadSecrets();
      return createChallenge({
        algorithm: ALGORITHM,
        cost: 1,
        counter: randomInt(Math.ceil(maxCounter / 10), maxCounter),
        deriveKey,
        data: { eventId },
        expiresAt: Math.floor(Date.now() / 1000) + CHALLENGE_SECONDS,
        hmacSignatureSecret: signature,
        hmacKeySignatureSecret: key,
      });
    },
    async verify(eventId, payload, idempotencyKey) {
      if (!(await asks.get(eventId, () => asksForProofOfWork(db, eventId)))) return;
      if (!payload)
        throw invalid(
          'proof_of_work_required',
          'This event asks for a solved challenge (altcha): fetch one from /api/v1/public/events/{eventId}/challenge.',
          [{ field: 'altcha', message: 'is required for this event' }],
        );
      const solved = decode(payload);
      const { signature, key } = await loadSecrets();
      const result = solved
        ? await verifySolution({
            challenge: solved.challenge,
            solution: solved.solution,
            deriveKey,
            hmacSignatureSecret: signature,
            hmacKeySignatureSecret: key,
          }).catch(() => undefined)
        : undefined;
      if (result?.expired)
        throw invalid('proof_of_work_expired', 'The challenge expired; solve a new one.', [
          { field: 'altcha', message: 'has expired' },
        ]);
      if (!result?.verified || solved?.challenge.parameters.data?.eventId !== eventId)
        throw invalid('proof_of_work_invalid', 'The challenge is not solved for this event.', [
          { field: 'altcha', message: 'is not a solved challenge of this event' },
        ]);
      const spent = solved.challenge.signature!;
      if (await firstUse(used, spent)) {
        if (idempotencyKey) await firstUse(used, `${spent}:${idempotencyKey}`);
        return;
      }
      // Used before: only by a request with this Idempotency-Key, whose answer is replayed.
      const byThisKey = idempotencyKey && (await used.get(`${spent}:${idempotencyKey}`));
      if (!byThisKey)
        throw invalid('proof_of_work_used', 'This challenge was used already; solve a new one.', [
          { field: 'altcha', message: 'was used already' },
        ]);
    },
  };
}

async function firstUse(used: ReturnType<Limiters['limiter']>, key: string): Promise<boolean> {
  try {
    await used.consume(key);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}

/** The widget's payload: base64 of JSON `{challenge, solution}` (or that JSON as is). */
function decode(
  payload: string,
): { challenge: Challenge; solution: { counter: number; derivedKey: string } } | undefined {
  for (const text of [payload, Buffer.from(payload, 'base64').toString('utf8')]) {
    try {
      const v = JSON.parse(text) as Record<string, unknown>;
      const challenge = v.challenge as Challenge | undefined;
      const solution = v.solution as { counter: number; derivedKey: string } | undefined;
      if (
        challenge?.parameters &&
        typeof challenge.signature === 'string' &&
        typeof solution?.counter === 'number' &&
        typeof solution.derivedKey === 'string'
      )
        return { challenge, solution };
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

async function asksForProofOfWork(db: Queryable, eventId: string): Promise<boolean> {
  const { rows } = await db.query<{ proof_of_work: boolean }>(
    `SELECT proof_of_work FROM events WHERE id = $1`,
    [eventId],
  );
  return rows[0]?.proof_of_work ?? false;
}

/** A secret made once, on whichever replica asks first, and kept. */
async function serverSecret(db: Queryable, name: string): Promise<string> {
  await db.query(
    `INSERT INTO server_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
    [name, randomBytes(32).toString('base64url')],
  );
  const { rows } = await db.query<{ secret: string }>(
    `SELECT secret FROM server_secrets WHERE name = $1`,
    [name],
  );
  return rows[0]!.secret;
}
