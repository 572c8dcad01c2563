import { randomUUID } from 'node:crypto';
import { openLimiters, type Limiters } from './limiters.js';

const REDIS = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
// A fresh name per test: the machine's Redis is shared by every run.
const policy = () => ({ name: `test-${randomUUID()}`, points: 3, duration: 60 });

describe.each([
  ['memory', undefined],
  ['redis', REDIS],
] as const)('rate-limit counters in %s', (_kind, url) => {
  let limiters: Limiters;
  beforeAll(async () => {
    limiters = await openLimiters(url);
  });
  afterAll(async () => {
    await limiters.close();
  });

  it('counts attempts per key, refuses past the limit, and forgets a key on delete', async () => {
    const limiter = limiters.limiter(policy());
    for (let i = 0; i < 3; i++) await limiter.consume('ada@example.org');
    await expect(limiter.consume('ada@example.org')).rejects.toMatchObject({
      remainingPoints: 0,
    });
    expect((await limiter.get('grace@example.org'))?.consumedPoints ?? 0).toBe(0);
    const spent = await limiter.get('ada@example.org');
    expect(spent?.consumedPoints).toBeGreaterThanOrEqual(3);
    expect(spent?.msBeforeNext).toBeGreaterThan(50_000);
    await limiter.delete('ada@example.org');
    expect((await limiter.get('ada@example.org'))?.consumedPoints ?? 0).toBe(0);
  });
});

describe('rate-limit counters in Redis', () => {
  it('are shared by replicas: attempts on one count on the other', async () => {
    const [a, b] = await Promise.all([openLimiters(REDIS), openLimiters(REDIS)]);
    try {
      const p = policy();
      await a.limiter(p).consume('mallory@example.org', 2);
      await b.limiter(p).consume('mallory@example.org');
      await expect(a.limiter(p).consume('mallory@example.org')).rejects.toMatchObject({
        remainingPoints: 0,
      });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keep counting in memory while Redis cannot be reached, and report it not ready', async () => {
    const away = await openLimiters('redis://127.0.0.1:1');
    try {
      const limiter = away.limiter(policy());
      for (let i = 0; i < 3; i++) await limiter.consume('ada@example.org');
      await expect(limiter.consume('ada@example.org')).rejects.toMatchObject({
        remainingPoints: 0,
      });
      await expect(away.ping()).rejects.toThrow();
    } finally {
      await away.close();
    }
  });
});
