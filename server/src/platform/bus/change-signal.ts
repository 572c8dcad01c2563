import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { onEnqueued } from './nudge.js';

const CHANNEL = 'lanyard:event-changed';
// An announcement comes from inside the writer's transaction: signal after a moment for it to
// commit, and once more a little later for a slow commit (as the outbox relay's nudge does).
const DELAYS_MS = [5, 100];

/**
 * "Something about event X changed", heard on every replica: what one replica writes (any
 * change that enqueues an outbox message naming the event), live views on all of them (the sales
 * streams) read at once instead of at their next poll. Through Redis pub/sub when REDIS_URL is
 * set; in this process only otherwise. A lost signal costs only latency: the views still poll.
 */
export interface ChangeSignal {
  onChange(listener: (eventId: string) => void): () => void;
  /** Tells every replica now that these events changed (a write that has committed). */
  announce(eventIds: readonly string[]): void;
  close(): Promise<void>;
}

export function createChangeSignal(redisUrl: string | undefined, log: Logger): ChangeSignal {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const self = randomUUID();
  const emit = (ids: Iterable<string>) => {
    for (const id of ids) local.emit('changed', id);
  };

  const pub = redisUrl ? redisClient(redisUrl, log) : undefined;
  const sub = redisUrl ? redisClient(redisUrl, log) : undefined;
  if (sub) {
    void sub
      .subscribe(CHANNEL)
      .catch((err: unknown) => log.warn({ err }, 'change signal: not subscribed'));
    sub.on('message', (_channel: string, text: string) => {
      const [from, ...ids] = text.split(' ');
      if (from !== self) emit(ids);
    });
  }

  const pending = new Set<string>();
  let timers = 0;
  const flush = () => {
    timers--;
    if (pending.size === 0) return;
    const ids = [...pending];
    pending.clear();
    emit(ids);
    pub?.publish(CHANNEL, [self, ...ids].join(' ')).catch(() => {});
  };
  const unsubscribe = onEnqueued((eventIds) => {
    if (eventIds.length === 0) return;
    for (const id of eventIds) pending.add(id);
    // One batch of signals per delay, however many writes land within it.
    if (timers > 0) return;
    for (const ms of DELAYS_MS) {
      timers++;
      setTimeout(() => {
        for (const id of eventIds) pending.add(id);
        flush();
      }, ms).unref();
    }
  });

  return {
    announce(eventIds) {
      emit(eventIds);
      pub?.publish(CHANNEL, [self, ...eventIds].join(' ')).catch(() => {});
    },
    onChange(listener) {
      local.on('changed', listener);
      return () => local.off('changed', listener);
    },
    async close() {
      unsubscribe();
      await Promise.all([pub?.quit().catch(() => {}), sub?.quit().catch(() => {})]);
    },
  };
}

function redisClient(url: string, log: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  // Reconnection is ioredis' own; an error event without a listener would end the process.
  redis.on('error', (err: Error) => log.debug({ err }, 'change signal: redis unavailable'));
  return redis;
}
