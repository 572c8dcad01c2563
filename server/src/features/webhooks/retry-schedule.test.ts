import { MAX_ATTEMPTS, parseRetryAfter, retryDelayMs } from './retry-schedule.js';

describe('webhook retry schedule', () => {
  const middle = () => 0.5;

  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, then gives up after about three days', () => {
    const waits = [];
    for (let n = 1; n < MAX_ATTEMPTS; n++) waits.push(retryDelayMs(n, undefined, middle)! / 1000);
    expect(waits).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
    expect(retryDelayMs(MAX_ATTEMPTS, undefined, middle)).toBeUndefined();
    const total = waits.reduce((a, b) => a + b, 0) / 3600;
    expect(total).toBeGreaterThan(70);
    expect(total).toBeLessThan(80);
  });

  it('spreads each wait by up to a tenth either way', () => {
    expect(retryDelayMs(2, undefined, () => 0)).toBe(270_000);
    expect(retryDelayMs(2, undefined, () => 1)).toBe(330_000);
  });

  it('honours a sane Retry-After instead of the schedule', () => {
    expect(retryDelayMs(1, 120_000, middle)).toBe(120_000);
    expect(retryDelayMs(1, 10 * 24 * 3600_000, middle)).toBe(5000);
    expect(parseRetryAfter('30', 0)).toBe(30_000);
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(parseRetryAfter('Fri, 01 Jan 2027 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
