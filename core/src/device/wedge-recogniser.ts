/**
 * Tells a keyboard-wedge scanner from a person typing: a scanner types a whole code in a burst
 * (a key every 1–20 ms) and ends it with Enter or Tab; people are ten times slower.
 */
export interface WedgeOptions {
  /** Shortest code worth checking (default 4). */
  minLength?: number;
  /** Longest average pause between keys of one code (default 35 ms). */
  maxAverageGapMs?: number;
  /** A pause longer than this starts a new code (default 100 ms). */
  maxGapMs?: number;
}

export class WedgeRecogniser {
  private keys: string[] = [];
  private firstAt = 0;
  private lastAt = 0;

  constructor(private readonly options: WedgeOptions = {}) {}

  /**
   * Feeds one key (a KeyboardEvent's `key`) with its time. Returns the scanned code when this key
   * ends a fast enough burst; undefined otherwise.
   */
  push(key: string, atMs: number): string | undefined {
    const maxGap = this.options.maxGapMs ?? 100;
    if (this.keys.length > 0 && atMs - this.lastAt > maxGap) this.keys = [];
    if (key === 'Enter' || key === 'Tab') {
      const code = this.keys.join('');
      const gaps = this.keys.length > 1 ? (this.lastAt - this.firstAt) / (this.keys.length - 1) : 0;
      const quickEnough = gaps <= (this.options.maxAverageGapMs ?? 35);
      this.keys = [];
      return code.length >= (this.options.minLength ?? 4) && quickEnough ? code : undefined;
    }
    if (key.length !== 1) return undefined; // Shift, arrows and the like carry no text.
    if (this.keys.length === 0) this.firstAt = atMs;
    this.keys.push(key);
    this.lastAt = atMs;
    return undefined;
  }

  /** Whether a burst is under way (so the page can swallow its keys). */
  get busy(): boolean {
    return this.keys.length > 0;
  }
}
