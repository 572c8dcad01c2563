import { DuplicateSuppressor } from './duplicate-suppressor.js';

describe('DuplicateSuppressor', () => {
  it('counts the same code within the window as one scan', () => {
    const d = new DuplicateSuppressor(1000);
    expect([d.accept('A', 0), d.accept('A', 300), d.accept('A', 900)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('accepts the same code again after a quiet window', () => {
    const d = new DuplicateSuppressor(1000);
    d.accept('A', 0);
    expect(d.accept('A', 1001)).toBe(true);
  });

  it('keeps a code held under the beam as one scan while it keeps being read', () => {
    const d = new DuplicateSuppressor(500);
    const seen = [0, 400, 800, 1200, 1600].map((t) => d.accept('A', t));
    expect(seen).toEqual([true, false, false, false, false]);
  });

  it('never suppresses a different code', () => {
    const d = new DuplicateSuppressor(1000);
    expect([d.accept('A', 0), d.accept('B', 1), d.accept('A', 2)]).toEqual([true, true, false]);
  });

  it('with a zero window, only identical timestamps are duplicates', () => {
    const d = new DuplicateSuppressor(0);
    expect([d.accept('A', 0), d.accept('A', 0), d.accept('A', 1)]).toEqual([true, false, true]);
  });

  it('forgets old codes so memory stays bounded', () => {
    const d = new DuplicateSuppressor(10);
    for (let i = 0; i < 1000; i++) d.accept(`code-${i}`, i * 100);
    expect((d as unknown as { lastSeen: Map<string, number> }).lastSeen.size).toBeLessThan(100);
  });

  it('rejects a negative window', () => {
    expect(() => new DuplicateSuppressor(-1)).toThrow(RangeError);
  });
});
