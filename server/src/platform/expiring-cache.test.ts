import { ExpiringCache } from './expiring-cache.js';

describe('ExpiringCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000;
  });

  it('lets concurrent misses of one key share one load', async () => {
    const cache = new ExpiringCache<string>(2_000, 10, now);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return 'lists';
    };
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.get('event', load)));
    expect(values).toEqual(Array(50).fill('lists'));
    expect(loads).toBe(1);
  });

  it('loads again once the value expired or was deleted', async () => {
    const cache = new ExpiringCache<number>(2_000, 10, now);
    let n = 0;
    const load = () => Promise.resolve(++n);
    expect(await cache.get('k', load)).toBe(1);
    clock += 1_999;
    expect(await cache.get('k', load)).toBe(1);
    clock += 1;
    expect(await cache.get('k', load)).toBe(2);
    cache.delete('k');
    expect(await cache.get('k', load)).toBe(3);
  });

  it('does not keep a failed load: the next request tries again', async () => {
    const cache = new ExpiringCache<string>(2_000, 10, now);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get('k', () => Promise.resolve('back'))).toBe('back');
  });

  it('holds at most maxEntries keys', async () => {
    const cache = new ExpiringCache<string>(60_000, 2, now);
    let loads = 0;
    const load = (v: string) => () => Promise.resolve(`${v}${++loads}`);
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('c', load('c'));
    expect(await cache.get('a', load('a'))).toBe('a4');
  });
});
