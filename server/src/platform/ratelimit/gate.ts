import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../errors.js';
import type { Limiters } from './limiters.js';
import type { LimitName, RateLimitConfig } from './policies.js';

/** Where the RateLimit headers go (an express Response). */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * The rate limits of the public flows. A check takes its point atomically before the work it
 * guards (INCR in Redis, or a synchronous count in memory), so parallel requests cannot all pass
 * a check that reads first and counts after.
 */
export interface RateGate {
  readonly enabled: boolean;
  /**
   * Takes one point from each counter in order; the first one spent refuses with 429
   * `rate_limited` (Retry-After). Sets `RateLimit-Policy` / `RateLimit` (IETF
   * draft-ietf-httpapi-ratelimit-headers) for the counters taken.
   */
  take(res: HeaderSink | undefined, ...checks: [LimitName, string][]): Promise<void>;
  /** Takes a point; false when the counter is spent (the caller answers as it must). */
  spare(name: LimitName, key: string): Promise<boolean>;
  /** Gives a point back (e.g. a sign-in that succeeded). */
  refund(name: LimitName, key: string): Promise<void>;
  /** Forgets the key's count. */
  reset(name: LimitName, key: string): Promise<void>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createRateGate(limiters: Limiters, config: RateLimitConfig): RateGate {
  const counters = new Map<LimitName, RateLimiterAbstract>();
  const counter = (name: LimitName) => {
    let c = counters.get(name);
    if (!c) counters.set(name, (c = limiters.limiter(config.policies[name])));
    return c;
  };
  if (!config.enabled) {
    return {
      enabled: false,
      take: async () => {},
      spare: async () => true,
      refund: async () => {},
      reset: async () => {},
    };
  }
  return {
    enabled: true,
    async take(res, ...checks) {
      const policies: string[] = [];
      const states: string[] = [];
      const announce = () => {
        res?.setHeader('RateLimit-Policy', policies.join(', '));
        res?.setHeader('RateLimit', states.join(', '));
      };
      for (const [name, key] of checks) {
        const { points, duration } = config.policies[name];
        policies.push(`"${name}";q=${points};w=${duration}`);
        try {
          const r = await counter(name).consume(key);
          states.push(`"${name}";r=${r.remainingPoints};t=${seconds(r.msBeforeNext)}`);
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) throw err;
          const retryAfterSeconds = seconds(err.msBeforeNext);
          states.push(`"${name}";r=0;t=${retryAfterSeconds}`);
          announce();
          throw new DomainError(
            'too_many',
            'rate_limited',
            `Too many requests; try again in ${retryAfterSeconds} s.`,
            { retryAfterSeconds, limit: name },
          );
        }
      }
      announce();
    },
    async spare(name, key) {
      try {
        await counter(name).consume(key);
        return true;
      } catch (err) {
        if (err instanceof RateLimiterRes) return false;
        throw err;
      }
    },
    async refund(name, key) {
      await counter(name).reward(key);
    },
    async reset(name, key) {
      await counter(name).delete(key);
    },
  };
}

/**
 * The client address limits count on: req.ip (TRUST_PROXY decides whose X-Forwarded-For is
 * believed), IPv4-mapped IPv6 as IPv4, and IPv6 by its /64, which one subscriber usually holds whole.
 */
export function clientIp(req: { ip?: string | undefined }): string {
  const ip = (req.ip ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('::');
  const groups = head ? head.split(':') : [];
  if (tail !== undefined && groups.length < 4) {
    const rest = tail ? tail.split(':') : [];
    while (groups.length + rest.length < 8) groups.push('0');
    groups.push(...rest);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
