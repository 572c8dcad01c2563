// When a failed delivery is tried again: after the first failure 5 s, then 5 min, 30 min, 2 h,
// 5 h, 10 h, 14 h, 20 h and 24 h (about three days in all), each ±10 % so that receivers coming
// back after an outage are not hit by every waiting message at the same instant.
const DELAYS_MS = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400].map((s) => s * 1000);
const JITTER = 0.1;
// A Retry-After longer than this is not honoured as such; the schedule's wait applies.
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** Attempts a message gets before it is given up. */
export const MAX_ATTEMPTS = DELAYS_MS.length + 1;

/** An endpoint failing for this long without one success is disabled. */
export const FAILING_DISABLE_MS = 5 * 24 * 3600_000;

/**
 * How long to wait after failed attempt number `attempts` (1-based); undefined when it was the
 * last. `retryAfterMs` (from a 429 or 503) replaces the schedule's wait when it is sane.
 */
export function retryDelayMs(
  attempts: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (attempts >= MAX_ATTEMPTS) return undefined;
  if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= MAX_RETRY_AFTER_MS)
    return retryAfterMs;
  const base = DELAYS_MS[attempts - 1]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
