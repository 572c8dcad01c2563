import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { enqueue } from '../../platform/bus/outbox.js';
import type { AddressPolicy } from './address-policy.js';
import * as store from './dispatch-store.js';
import { FAILING_DISABLE_MS, parseRetryAfter, retryDelayMs } from './retry-schedule.js';
import { safePost, type PostOutcome } from './safe-post.js';
import { signedHeaders } from './signature.js';

export interface DispatchPolicy {
  /** Messages being sent at once by this process, over all endpoints. */
  concurrency: number;
  /** Messages being sent at once to one endpoint, so a slow one cannot take every slot. */
  perEndpoint: number;
  /** A claim keeps other dispatchers off a message this long; more than the timeout. */
  leaseMs: number;
  pollMs: number;
  timeoutMs: number;
  /** Bytes of an answer kept in the attempt log. */
  bodyLimit: number;
  /** Attempts and finished messages are kept this long. */
  keepDays: number;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  concurrency: 64,
  perEndpoint: 16,
  leaseMs: 60_000,
  pollMs: 1000,
  timeoutMs: 15_000,
  bodyLimit: 2048,
  keepDays: 30,
};

const PRUNE_EVERY_MS = 3600_000;

export interface DispatcherOptions {
  db: Db;
  log: Logger;
  addresses: AddressPolicy;
  policy?: Partial<DispatchPolicy>;
}

export interface Dispatcher {
  /** Looks for due messages now (new ones were added). */
  nudge(): void;
  /** Stops claiming and waits for the sends in flight. */
  stop(): Promise<void>;
}

/**
 * Sends webhook messages until stopped. Each claimed message is sent on its own, and the next
 * claim does not wait for it: a receiver taking 15 s holds only its endpoint's slots.
 */
export function startDispatcher(o: DispatcherOptions): Dispatcher {
  const policy = { ...DEFAULT_DISPATCH_POLICY, ...o.policy };
  const busy = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let claiming: Promise<void> | undefined;
  let again = false;
  let lastPrune = 0;

  const claim = () => {
    if (stopped) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = claimAll().finally(() => {
      claiming = undefined;
    });
  };

  const claimAll = async () => {
    try {
      do {
        again = false;
        const free = policy.concurrency - inFlight.size;
        if (free <= 0) break;
        const batch = await store.claimDue(o.db, {
          limit: free,
          perEndpoint: policy.perEndpoint,
          busy,
          leaseMs: policy.leaseMs,
        });
        for (const m of batch) track(m);
        if (batch.length === free) again = true;
      } while (again && !stopped);
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await store.prune(o.db, policy.keepDays);
      }
    } catch (err) {
      o.log.warn({ err }, 'webhook dispatcher failed; retrying next poll');
    }
  };

  const track = (m: store.Claimed) => {
    busy.set(m.endpointId, (busy.get(m.endpointId) ?? 0) + 1);
    const p = send(m)
      .catch((err: unknown) => o.log.warn({ err, messageId: m.id }, 'webhook attempt not recorded'))
      .finally(() => {
        const n = busy.get(m.endpointId)! - 1;
        if (n === 0) busy.delete(m.endpointId);
        else busy.set(m.endpointId, n);
        inFlight.delete(p);
        claim();
      });
    inFlight.add(p);
  };

  const send = async (m: store.Claimed) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome = await safePost(
      new URL(m.url),
      signedHeaders(m.id, timestamp, m.body, m.secrets),
      m.body,
      { policy: o.addresses, timeoutMs: policy.timeoutMs, bodyLimit: policy.bodyLimit },
    );
    await record(m, outcome);
  };

  const record = async (m: store.Claimed, outcome: PostOutcome) => {
    const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
    const honoursRetryAfter = outcome.status === 429 || outcome.status === 503;
    const retryInMs = ok
      ? undefined
      : retryDelayMs(
          m.attempts,
          honoursRetryAfter ? parseRetryAfter(outcome.retryAfter, Date.now()) : undefined,
        );
    const failingSince = await store.recordAttempt(o.db, {
      messageId: m.id,
      endpointId: m.endpointId,
      attempts: m.attempts,
      status: outcome.status ?? null,
      error: outcome.error ?? null,
      latencyMs: outcome.latencyMs,
      responseBody: outcome.body ?? null,
      next: ok
        ? { kind: 'delivered' }
        : retryInMs === undefined
          ? { kind: 'failed' }
          : { kind: 'retry', retryInMs },
      gone: outcome.status === 410,
    });
    if (outcome.status === 410) {
      o.log.warn({ endpointId: m.endpointId }, 'webhook endpoint answered 410 Gone; disabled');
    }
    if (failingSince && Date.now() - failingSince.getTime() >= FAILING_DISABLE_MS) {
      await disableFailing(m.endpointId);
    }
  };

  // The owner hears of it through the outbox (webhook_endpoint.disabled), once.
  const disableFailing = (endpointId: string) =>
    o.db.transaction(async (tx) => {
      const was = await store.disableFailing(tx, endpointId);
      if (!was) return;
      o.log.warn({ endpointId, url: was.url }, 'webhook endpoint failing for 5 days; disabled');
      await enqueue(tx, {
        topic: 'webhook_endpoint.disabled',
        aggregateId: endpointId,
        payload: {
          endpointId,
          organizationId: was.organizationId,
          url: was.url,
          reason: 'failing',
        },
      });
    });

  const timer = setInterval(claim, policy.pollMs);
  timer.unref();
  claim();

  return {
    nudge: claim,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await claiming;
      await Promise.all(inFlight);
    },
  };
}
