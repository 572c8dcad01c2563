/** How long a failed message waits before its next attempt: doubling from `baseMs`, at most `capMs`. */
export function retryDelayMs(attempts: number, baseMs: number, capMs: number): number {
  // 2^30 already exceeds any sensible cap; the bound keeps the power finite.
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}
