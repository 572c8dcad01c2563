/** A message as the relay hands it to subscribers. */
export interface DeliveredMessage {
  id: string;
  topic: string;
  eventId: string | null;
  aggregateId: string | null;
  payload: Record<string, unknown>;
  /** 1 on the first delivery; higher when earlier ones failed or their relay died. */
  attempts: number;
  createdAt: Date;
}

/**
 * Something that reacts to outbox messages. Delivery is at least once: a message is handed over
 * again when any subscriber of it failed, when its relay died before recording the delivery, or
 * when handling outlasted the lease; so `handle` must be idempotent (re-reading current state, as
 * the search indexer does, is). Order is not guaranteed between messages of different batches.
 */
export interface OutboxSubscriber {
  /** Names the subscriber in logs and in a failed message's last_error. */
  name: string;
  /** Exact topics (`order.cancelled`) or a family (`ticket.*`). */
  topics: readonly string[];
  /** Handles this subscriber's messages of one claimed batch; throwing fails all of them. */
  handle(messages: readonly DeliveredMessage[]): Promise<void>;
}

/** Whether `topic` is one of `patterns` (`ticket.*` covers `ticket.revoked`). */
export function subscribesTo(patterns: readonly string[], topic: string): boolean {
  return patterns.some((p) =>
    p === '*' ? true : p.endsWith('.*') ? topic.startsWith(p.slice(0, -1)) : p === topic,
  );
}
