import type { Db } from '../../db/db.js';
import { enqueue } from '../outbox.js';
import type { DeliveredMessage, OutboxSubscriber } from '../subscriber.js';

// What the bus tests share: waiting, a recording subscriber, committed messages.

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
) {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A subscriber (to `test.*` unless told) that keeps what it was handed, and when. */
export function recorder(
  handle: (m: readonly DeliveredMessage[]) => Promise<void> = async () => {},
  topics: readonly string[] = ['test.*'],
  name = 'recorder',
) {
  const seen: { id: string; topic: string; payload: unknown; at: number }[] = [];
  const subscriber: OutboxSubscriber = {
    name,
    topics,
    async handle(messages) {
      for (const m of messages)
        seen.push({ id: m.id, topic: m.topic, payload: m.payload, at: Date.now() });
      await handle(messages);
    },
  };
  return { subscriber, seen };
}

export async function enqueueCommitted(
  db: Db,
  topic: string,
  count: number,
  aggregateId?: string,
): Promise<void> {
  await db.transaction((tx) =>
    enqueue(
      tx,
      ...Array.from({ length: count }, (_, n) => ({
        topic,
        payload: { n },
        ...(aggregateId ? { aggregateId } : {}),
      })),
    ),
  );
}
