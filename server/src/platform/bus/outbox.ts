import type { Queryable } from '../db/db.js';
import { announceEnqueued } from './nudge.js';

/** A message announcing a change, written in the same transaction as the change itself. */
export interface OutboxMessage {
  /** e.g. `registration.confirmed`, `waitlist.offered`, `order.cancelled`. */
  topic: string;
  eventId?: string;
  aggregateId?: string;
  payload: Record<string, unknown>;
}

/** Adds messages to the outbox; they are delivered after commit, or never if the change rolls back. */
export async function enqueue(tx: Queryable, ...messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const values: unknown[] = [];
  const rows = messages.map((m, i) => {
    values.push(m.topic, m.eventId ?? null, m.aggregateId ?? null, JSON.stringify(m.payload));
    const o = i * 4;
    return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}::jsonb)`;
  });
  await tx.query(
    `INSERT INTO outbox (topic, event_id, aggregate_id, payload) VALUES ${rows.join(', ')}`,
    values,
  );
  announceEnqueued(messages.flatMap((m) => (m.eventId ? [m.eventId] : [])));
}
