import type { Registry } from 'prom-client';
import type { Db } from '../db/db.js';
import type { Logger } from '../log.js';
import { retryDelayMs } from './backoff.js';
import { inSpan, SpanKind } from '../tracing.js';
import { onEnqueued } from './nudge.js';
import { createOutboxMetrics, type OutboxMetrics } from './outbox-metrics.js';
import { claimDue, markDelivered, markFailed, type Failure } from './outbox-store.js';
import { subscribesTo, type DeliveredMessage, type OutboxSubscriber } from './subscriber.js';

export interface RelayPolicy {
  /** Rows claimed at once. */
  batchSize: number;
  /** How long a claim keeps other relays off a row; longer than any batch's handling should take. */
  leaseMs: number;
  /** Poll interval, for messages enqueued by other processes (this one's nudge the relay). */
  pollMs: number;
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
}

export const DEFAULT_RELAY_POLICY: RelayPolicy = {
  batchSize: 100,
  leaseMs: 60_000,
  pollMs: 1000,
  maxAttempts: 10,
  retryBaseMs: 1000,
  retryCapMs: 5 * 60_000,
};

// A nudge comes from inside the writer's transaction: look after a moment for it to commit, and
// once more a little later, before leaving a slow commit to the poll.
const NUDGE_DELAYS_MS = [5, 100];

export interface RelayOptions {
  db: Db;
  log: Logger;
  subscribers: readonly OutboxSubscriber[];
  policy?: Partial<RelayPolicy>;
  registry?: Registry;
}

export interface Delivery {
  subscribers: readonly OutboxSubscriber[];
  policy: RelayPolicy;
  log: Logger;
  metrics?: OutboxMetrics;
}

/**
 * Claims one batch of due messages, hands them to their subscribers outside any transaction, and
 * records the outcome of each. Returns how many were claimed.
 */
export async function deliverDue(db: Db, d: Delivery): Promise<number> {
  const batch = await claimDue(db, d.policy.batchSize, d.policy.leaseMs);
  if (batch.length === 0) return 0;
  const errors = new Map<string, string[]>();
  await Promise.all(
    d.subscribers.map(async (s) => {
      const mine = batch.filter((m) => subscribesTo(s.topics, m.topic));
      if (mine.length === 0) return;
      try {
        // A trace of its own per subscriber and batch: the messages come from many requests.
        await inSpan(
          `outbox deliver ${s.name}`,
          {
            root: true,
            kind: SpanKind.CONSUMER,
            attributes: {
              'messaging.system': 'lanyard.outbox',
              'messaging.destination.name': s.name,
              'messaging.batch.message_count': mine.length,
              'lanyard.outbox.topics': [...new Set(mine.map((m) => m.topic))],
              'lanyard.outbox.ids': mine.map((m) => m.id),
            },
          },
          () => s.handle(mine),
        );
      } catch (err) {
        const text = `${s.name}: ${err instanceof Error ? err.message : String(err)}`;
        for (const m of mine) errors.set(m.id, [...(errors.get(m.id) ?? []), text]);
      }
    }),
  );
  // A message no subscriber wants is delivered to nobody: one subscribed later starts afresh.
  const delivered = batch.filter((m) => !errors.has(m.id));
  await markDelivered(
    db,
    delivered.map((m) => m.id),
  );
  const failures = batch.filter((m) => errors.has(m.id)).map((m) => failure(m, errors, d.policy));
  await markFailed(db, failures);
  record(d, batch, delivered, failures);
  return batch.length;
}

function failure(m: DeliveredMessage, errors: Map<string, string[]>, p: RelayPolicy): Failure {
  return {
    id: m.id,
    attempts: m.attempts,
    error: errors.get(m.id)!.join('; ').slice(0, 2000),
    retryInMs: retryDelayMs(m.attempts, p.retryBaseMs, p.retryCapMs),
    dead: m.attempts >= p.maxAttempts,
  };
}

function record(
  d: Delivery,
  batch: readonly DeliveredMessage[],
  delivered: readonly DeliveredMessage[],
  failures: readonly Failure[],
) {
  const topic = new Map(batch.map((m) => [m.id, m.topic]));
  for (const m of delivered) d.metrics?.delivered.inc({ topic: m.topic });
  for (const f of failures) {
    const labels = { topic: topic.get(f.id)! };
    if (f.dead) {
      d.metrics?.dead.inc(labels);
      d.log.error(
        { outboxId: f.id, ...labels, attempts: f.attempts, error: f.error },
        'outbox message dead-lettered',
      );
    } else {
      d.metrics?.failed.inc(labels);
      d.log.warn(
        { outboxId: f.id, ...labels, attempts: f.attempts, error: f.error },
        'outbox delivery failed; will retry',
      );
    }
  }
}

/**
 * Delivers outbox messages in the background until stopped: at once when this process enqueues,
 * otherwise every `pollMs`; back to back while full batches keep coming. Returns the stop
 * function, which waits for the batch being handled.
 */
export function startOutboxRelay(o: RelayOptions): () => Promise<void> {
  const policy = { ...DEFAULT_RELAY_POLICY, ...o.policy };
  const delivery: Delivery = {
    subscribers: o.subscribers,
    policy,
    log: o.log,
    metrics: o.registry && createOutboxMetrics(o.registry, o.db),
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let running: Promise<void> | undefined;
  // Looks still due after a nudge, before the next poll.
  let followUps: number[] = [];

  // Never postpones a look already due sooner: a stream of nudges must not keep pushing it back.
  const schedule = (ms: number) => {
    if (stopped || Date.now() + ms >= timerAt) return;
    clearTimeout(timer);
    timerAt = Date.now() + ms;
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    if (stopped || running) return;
    clearTimeout(timer);
    timerAt = Infinity;
    running = (async () => {
      while (!stopped && (await deliverDue(o.db, delivery)) === policy.batchSize);
    })()
      .catch((err: unknown) => o.log.warn({ err }, 'outbox relay failed; retrying next poll'))
      .finally(() => {
        running = undefined;
        schedule(followUps.shift() ?? policy.pollMs);
      });
  };
  const unsubscribe = onEnqueued(() => {
    followUps = [...NUDGE_DELAYS_MS];
    // While a batch runs, its end picks the follow-ups up.
    if (!running) schedule(followUps.shift()!);
  });
  schedule(0);

  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await running;
  };
}
