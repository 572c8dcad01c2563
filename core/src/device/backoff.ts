/** How long to wait before retrying after failures. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 10_000 };

/**
 * Delay before retry number `failures` (1 for the first): exponential, capped, with "equal
 * jitter" (half fixed, half random) so a hall of kiosks that lost the network together does not
 * come back in lockstep, yet none retries at once.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
