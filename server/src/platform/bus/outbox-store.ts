import type { Queryable } from '../db/db.js';
import type { DeliveredMessage } from './subscriber.js';

/**
 * Claims up to `limit` due messages for `leaseMs`: one statement, so its transaction ends at once.
 * SKIP LOCKED lets another relay claim other rows meanwhile; a row claimed by one that committed
 * is re-checked and left out, its available_at being the lease's end. A relay that dies leaves
 * the lease to run out, after which any relay claims the row again.
 */
export async function claimDue(
  db: Queryable,
  limit: number,
  leaseMs: number,
): Promise<DeliveredMessage[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `UPDATE outbox SET available_at = now() + $2 * interval '1 millisecond', attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox
       WHERE delivered_at IS NULL AND dead_at IS NULL AND available_at <= now()
       ORDER BY available_at, id
       LIMIT $1
       FOR UPDATE SKIP LOCKED)
     RETURNING id::text AS id, topic, event_id AS "eventId", aggregate_id AS "aggregateId",
               payload, attempts, created_at AS "createdAt"`,
    [limit, leaseMs],
  );
  return (rows as unknown as DeliveredMessage[]).sort((a, b) => Number(a.id) - Number(b.id));
}

/** Records the messages as delivered; returns how many were not already (another relay's lease ran out). */
export async function markDelivered(db: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await db.query(
    `UPDATE outbox SET delivered_at = now() WHERE id = ANY($1::bigint[]) AND delivered_at IS NULL`,
    [ids],
  );
  return rowCount;
}

export interface Failure {
  id: string;
  /** The attempt that failed: a row claimed again since (its lease ran out) is not touched. */
  attempts: number;
  error: string;
  retryInMs: number;
  dead: boolean;
}

/** Records failed attempts: the error, and either the next attempt's time or the dead letter. */
export async function markFailed(db: Queryable, failures: readonly Failure[]): Promise<void> {
  if (failures.length === 0) return;
  await db.query(
    `UPDATE outbox o
     SET last_error = f.error,
         available_at = now() + f.retry_ms * interval '1 millisecond',
         dead_at = CASE WHEN f.dead THEN now() END
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::int[], $5::bool[])
          AS f(id, attempts, error, retry_ms, dead)
     WHERE o.id = f.id AND o.attempts = f.attempts AND o.delivered_at IS NULL`,
    [
      failures.map((f) => f.id),
      failures.map((f) => f.attempts),
      failures.map((f) => f.error),
      failures.map((f) => f.retryInMs),
      failures.map((f) => f.dead),
    ],
  );
}

/** Seconds since the oldest undelivered, not dead message was enqueued; 0 when there is none. */
export async function oldestPendingAge(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ age: number | null }>(
    `SELECT extract(epoch FROM now() - min(created_at))::float8 AS age
     FROM outbox WHERE delivered_at IS NULL AND dead_at IS NULL`,
  );
  return rows[0]?.age ?? 0;
}
