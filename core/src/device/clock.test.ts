import { narrowOffset, offsetBoundsFrom, offsetWithin, type OffsetBounds } from './clock.js';

/** An answer from a server whose clock is `offset` ms ahead, sent at local `at`, 8 ms round trip. */
function answerAt(at: number, offset: number) {
  const serverNow = at + 4 + offset;
  return { sentAtMs: at, receivedAtMs: at + 8, serverDateMs: Math.floor(serverNow / 1000) * 1000 };
}

function syncRounds(offset: number, rounds: number, start = 1_800_000_000_000): OffsetBounds {
  let bounds: OffsetBounds | undefined;
  // Rounds every 2 s plus a little: answers land at every fraction of the server's second.
  for (let i = 0; i < rounds; i++)
    bounds = narrowOffset(bounds, offsetBoundsFrom(answerAt(start + i * 2_137, offset))!);
  return bounds!;
}

describe('the clock offset over many sync rounds', () => {
  it('narrows from a second to tens of milliseconds though the Date header has whole seconds', () => {
    const offset = 10_123;
    expect(offsetWithin(syncRounds(offset, 1))).not.toBeCloseTo(offset, -2);
    const bounds = syncRounds(offset, 40);
    expect(bounds.highMs - bounds.lowMs).toBeLessThan(100);
    expect(Math.abs(offsetWithin(bounds) - offset)).toBeLessThan(50);
  });

  it('always keeps the true offset within its bounds', () => {
    for (const offset of [-3_600_000, -1, 0, 499, 86_400_321]) {
      const bounds = syncRounds(offset, 25);
      expect(bounds.lowMs).toBeLessThanOrEqual(offset);
      expect(bounds.highMs).toBeGreaterThanOrEqual(offset);
    }
  });

  it('believes the newest answer when a clock was set meanwhile', () => {
    const before = syncRounds(5_000, 30);
    const at = before.atMs + 60_000;
    const after = narrowOffset(before, offsetBoundsFrom(answerAt(at, 65_000))!);
    expect(Math.abs(offsetWithin(after) - 65_000)).toBeLessThanOrEqual(500);
  });

  it('lets old bounds widen with time, so slow drift does not reset them', () => {
    const known = { lowMs: 1000, highMs: 1010, atMs: 0 };
    // An hour later the clocks may have drifted apart by up to 360 ms.
    const later = narrowOffset(known, { lowMs: 1200, highMs: 2100, atMs: 3_600_000 });
    expect(later).toEqual({ lowMs: 1200, highMs: 1370, atMs: 3_600_000 });
  });
});
