/**
 * Scanners often read the same code two or three times while it is held under the beam;
 * the same text within `windowMs` of its last sighting counts as one scan.
 */
export class DuplicateSuppressor {
  private readonly lastSeen = new Map<string, number>();

  constructor(readonly windowMs: number) {
    if (!(windowMs >= 0)) throw new RangeError('duplicate window must be >= 0 ms');
  }

  /** True when `data` is a new scan at time `now` (ms), false when it repeats a recent one. */
  accept(data: string, now: number): boolean {
    const last = this.lastSeen.get(data);
    // Each repeat extends the window: a code left under a continuous-mode scanner stays one scan.
    this.lastSeen.set(data, now);
    this.prune(now);
    return last === undefined || now - last > this.windowMs;
  }

  private prune(now: number): void {
    if (this.lastSeen.size < 64) return;
    for (const [data, seen] of this.lastSeen) {
      if (now - seen > this.windowMs) this.lastSeen.delete(data);
    }
  }
}
