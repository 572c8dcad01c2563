import type { Queryable } from '../../platform/db/db.js';

// SQL of what an organizer sees and does with deliveries: the list, attempts, replays.

export interface DeliveryRow {
  id: string;
  event_type: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  delivered_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  [k: string]: unknown;
}

/** An endpoint's deliveries, newest first, each with its last attempt's answer. */
export async function listDeliveries(
  q: Queryable,
  endpointId: string,
  limit: number,
): Promise<DeliveryRow[]> {
  const { rows } = await q.query<DeliveryRow>(
    `SELECT m.id, m.event_type, m.state, m.attempts, m.created_at, m.next_attempt_at,
            m.delivered_at, a.status AS last_status, a.error AS last_error
       FROM webhook_messages m
       LEFT JOIN LATERAL (SELECT status, error FROM webhook_attempts
                           WHERE message_id = m.id ORDER BY attempted_at DESC, id DESC LIMIT 1) a
              ON true
      WHERE m.endpoint_id = $1
      ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
    [endpointId, limit],
  );
  return rows;
}

export async function listAttempts(
  q: Queryable,
  endpointId: string,
  messageId: string,
): Promise<
  {
    attempted_at: Date;
    status: number | null;
    error: string | null;
    latency_ms: number;
    response_body: string | null;
  }[]
> {
  const { rows } = await q.query<{
    attempted_at: Date;
    status: number | null;
    error: string | null;
    latency_ms: number;
    response_body: string | null;
  }>(
    `SELECT attempted_at, status, error, latency_ms, response_body FROM webhook_attempts
      WHERE endpoint_id = $1 AND message_id = $2 ORDER BY attempted_at, id`,
    [endpointId, messageId],
  );
  return rows;
}

/**
 * Sends messages again with their own id and body, on a fresh retry schedule: one message, or
 * every message of the endpoint created since `since`. Returns how many.
 */
export async function replay(
  q: Queryable,
  endpointId: string,
  which: { messageId: string } | { since: Date },
): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE webhook_messages SET state = 'pending', attempts = 0, next_attempt_at = now(),
            delivered_at = NULL
      WHERE endpoint_id = $1 AND ${'messageId' in which ? 'id = $2' : 'created_at >= $2'}`,
    [endpointId, 'messageId' in which ? which.messageId : which.since],
  );
  return rowCount;
}
