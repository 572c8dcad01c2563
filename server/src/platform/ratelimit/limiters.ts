import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface LimitPolicy {
  /** Names the counters, e.g. `sign-in-failures`; keys are counted under it. */
  name: string;
  points: number;
  /** Seconds each window lasts. */
  duration: number;
}

/**
 * Where rate-limit counters live (rate-limiter-flexible): this process's memory, or Redis when
 * REDIS_URL is set, so every replica counts the same attempts. A Redis that cannot be reached
 * falls back to counting in memory rather than refusing everyone.
 */
export interface Limiters {
  readonly kind: 'memory' | 'redis';
  limiter(policy: LimitPolicy): RateLimiterAbstract;
  /** Throws when the shared store cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const counterOptions = (p: LimitPolicy) => ({
  keyPrefix: `lanyard:${p.name}`,
  points: p.points,
  duration: p.duration,
});

// How long start-up waits for Redis before counting in memory until it answers.
const CONNECT_WAIT_MS = 2_000;

export async function openLimiters(redisUrl: string | undefined): Promise<Limiters> {
  if (!redisUrl) {
    return {
      kind: 'memory',
      limiter: (p) => new RateLimiterMemory(counterOptions(p)),
      ping: async () => {},
      close: async () => {},
    };
  }
  // No offline queue: while Redis is away a count fails at once and the memory limiter answers.
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // Reconnection is ioredis' own; an error event without a listener would end the process.
  redis.on('error', () => {});
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CONNECT_WAIT_MS);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    kind: 'redis',
    limiter: (p) =>
      new RateLimiterRedis({
        ...counterOptions(p),
        storeClient: redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(counterOptions(p)),
      }),
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
