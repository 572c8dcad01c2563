import { backoffDelay } from './backoff.js';
import { clockOffsetFrom } from './clock.js';

describe('retry backoff', () => {
  const policy = { baseMs: 500, maxMs: 10_000 };
  it('doubles with each failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
      500, 1000, 2000, 4000,
    ]);
  });
  it('never exceeds the cap, however many failures', () => {
    expect(backoffDelay(60, policy, () => 1)).toBe(10_000);
  });
  it('spreads retries between half and all of the delay', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(1000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1500);
  });
});

describe('clock offset from a Date header', () => {
  it('measures a server 10 s ahead to within the header resolution', () => {
    const sent = 1_000_000;
    const offset = clockOffsetFrom({
      sentAtMs: sent,
      receivedAtMs: sent + 100,
      serverDateMs: sent + 10_000,
    });
    expect(offset).toBeGreaterThanOrEqual(9_500);
    expect(offset).toBeLessThanOrEqual(10_500);
  });
  it('ignores an answer that took too long to say anything about the time', () => {
    expect(
      clockOffsetFrom({ sentAtMs: 0, receivedAtMs: 5000, serverDateMs: 1000 }),
    ).toBeUndefined();
  });
  it('ignores a missing or unreadable Date header', () => {
    expect(clockOffsetFrom({ sentAtMs: 0, receivedAtMs: 10, serverDateMs: NaN })).toBeUndefined();
  });
});
