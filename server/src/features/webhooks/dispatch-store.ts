import type { Queryable } from '../../platform/db/db.js';

// SQL of the dispatcher: claiming due messages, recording attempts, replays, pruning.

export interface Claimed {
  id: string;
  endpointId: string;
  body: string;
  /** Attempt number of this claim (1-based); fences the outcome against a later claim. */
  attempts: number;
  url: string;
  secrets: string[];
}

/**
 * Claims due messages of enabled endpoints, at most `perEndpoint` minus those `busy` already
 * sending per endpoint, so one endpoint's backlog cannot take every slot. The claim counts the
 * attempt and pushes next_attempt_at ahead by the lease, so another dispatcher takes the message
 * only if this one dies.
 */
export async function claimDue(
  q: Queryable,
  o: { limit: number; perEndpoint: number; busy: ReadonlyMap<string, number>; leaseMs: number },
): Promise<Claimed[]> {
  const { rows } = await q.query<{
    id: string;
    endpoint_id: string;
    body: string;
    attempts: number;
    url: string;
    secret: string;
    previous_secret: string | null;
  }>(
    `WITH endpoints AS (
       SELECT w.id, $2 - coalesce(b.n, 0) AS free,
              (SELECT min(m.next_attempt_at) FROM webhook_messages m
                WHERE m.endpoint_id = w.id AND m.state = 'pending') AS oldest
         FROM webhook_endpoints w
         LEFT JOIN unnest($3::uuid[], $4::int[]) AS b(endpoint_id, n) ON b.endpoint_id = w.id
        WHERE w.enabled
     ), locked AS (
       -- The endpoint furthest behind first; within one, oldest first.
       SELECT m.id FROM endpoints e CROSS JOIN LATERAL (
           SELECT m.id FROM webhook_messages m
            WHERE m.endpoint_id = e.id AND m.state = 'pending' AND m.next_attempt_at <= now()
            ORDER BY m.next_attempt_at, m.id
            LIMIT e.free
            FOR UPDATE SKIP LOCKED
         ) m
        WHERE e.free > 0 AND e.oldest <= now()
        ORDER BY e.oldest
        LIMIT $1
     )
     UPDATE webhook_messages m
        SET attempts = m.attempts + 1, next_attempt_at = now() + $5 * interval '1 millisecond'
       FROM locked, webhook_endpoints w
      WHERE m.id = locked.id AND w.id = m.endpoint_id
     RETURNING m.id, m.endpoint_id, m.body, m.attempts, w.url, w.secret,
       CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret END AS previous_secret`,
    [o.limit, o.perEndpoint, [...o.busy.keys()], [...o.busy.values()], o.leaseMs],
  );
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    body: r.body,
    attempts: r.attempts,
    url: r.url,
    secrets: r.previous_secret ? [r.secret, r.previous_secret] : [r.secret],
  }));
}

export interface AttemptRecord {
  messageId: string;
  endpointId: string;
  attempts: number;
  status: number | null;
  error: string | null;
  latencyMs: number;
  responseBody: string | null;
  /** What follows: delivered; retry after `retryInMs`; given up. */
  next: { kind: 'delivered' } | { kind: 'retry'; retryInMs: number } | { kind: 'failed' };
  /** Disable the endpoint now (410 Gone). */
  gone: boolean;
}

/**
 * Logs one attempt and applies its outcome, in one statement (a round trip per attempt). The
 * message is changed only if no later claim took it meanwhile (same attempt count); the endpoint
 * row is written only when its failure streak starts or ends, or on 410, so the successes of a
 * busy endpoint do not queue on its row lock. Returns when the endpoint has been failing since.
 */
export async function recordAttempt(q: Queryable, a: AttemptRecord): Promise<Date | null> {
  const next = a.next;
  const ok = next.kind === 'delivered';
  const { rows } = await q.query<{ failing_since: Date | null }>(
    `WITH attempt AS (
       INSERT INTO webhook_attempts (message_id, endpoint_id, status, error, latency_ms, response_body)
       VALUES ($1, $2, $3, $4, $5, $6)
     ), message AS (
       UPDATE webhook_messages SET
         state = $8::text,
         delivered_at = CASE WHEN $8::text = 'delivered' THEN now() END,
         next_attempt_at = CASE WHEN $9::bigint IS NULL THEN next_attempt_at
                                ELSE now() + $9::bigint * interval '1 millisecond' END
       WHERE id = $1 AND attempts = $7
     ), endpoint AS (
       UPDATE webhook_endpoints SET
         failing_since = CASE WHEN $10::boolean THEN NULL ELSE coalesce(failing_since, now()) END,
         enabled = enabled AND NOT $11::boolean,
         disabled_reason = CASE WHEN $11::boolean THEN 'gone' ELSE disabled_reason END
       WHERE id = $2
         AND ($11::boolean OR ($10::boolean AND failing_since IS NOT NULL)
              OR (NOT $10::boolean AND failing_since IS NULL))
       RETURNING failing_since
     )
     SELECT failing_since FROM endpoint
     UNION ALL
     SELECT failing_since FROM webhook_endpoints
      WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM endpoint)`,
    [
      a.messageId,
      a.endpointId,
      a.status,
      a.error,
      a.latencyMs,
      a.responseBody,
      a.attempts,
      ok ? 'delivered' : next.kind === 'retry' ? 'pending' : 'failed',
      next.kind === 'retry' ? next.retryInMs : null,
      ok,
      a.gone,
    ],
  );
  return rows[0]?.failing_since ?? null;
}

/** Disables an endpoint that kept failing; true when this call did it (so its owner is told once). */
export async function disableFailing(
  q: Queryable,
  endpointId: string,
): Promise<{ organizationId: string; url: string } | undefined> {
  const { rows } = await q.query<{ organization_id: string; url: string }>(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'failing', updated_at = now()
      WHERE id = $1 AND enabled RETURNING organization_id, url`,
    [endpointId],
  );
  return rows[0] && { organizationId: rows[0].organization_id, url: rows[0].url };
}

/** Drops attempts, and finished messages, older than `days`. */
export async function prune(q: Queryable, days: number): Promise<void> {
  await q.query(`DELETE FROM webhook_attempts WHERE attempted_at < now() - $1 * interval '1 day'`, [
    days,
  ]);
  await q.query(
    `DELETE FROM webhook_messages
      WHERE state <> 'pending' AND created_at < now() - $1 * interval '1 day'`,
    [days],
  );
}
