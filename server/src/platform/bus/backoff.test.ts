import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles the wait after each failed attempt, starting from the base', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000, 300_000))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(retryDelayMs(12, 1000, 300_000)).toBe(300_000);
    expect(retryDelayMs(10_000, 1000, 300_000)).toBe(300_000);
  });
});
