import {
  US_LAYOUT,
  USAGE_ENTER,
  USAGE_KEYPAD_ENTER,
  USAGE_TAB,
  type KeyboardLayout,
} from './keyboard-layouts.js';

/**
 * Keyboard-wedge scanners "type" each code as HID boot keyboard reports:
 * [modifiers, reserved, key1..key6] (8 bytes, optionally preceded by a report id).
 * The decoder turns the stream of reports back into codes. Pure: time is passed in.
 */
export type WedgeTerminator = 'enter' | 'tab';

export interface KeyboardDecoderOptions {
  layout?: KeyboardLayout;
  /** Keys that end a code. Default: Enter and Tab. */
  terminators?: readonly WedgeTerminator[];
  /**
   * A code also ends after this much silence: for scanners that send no terminator, and so a
   * lost terminator never glues two codes together. Scanners type a key every 1-20 ms.
   */
  interKeyTimeoutMs?: number;
  /** Reports carry this report id as their first byte (composite devices). */
  reportId?: number;
  maxLength?: number;
}

export type KeyboardDecoded = { kind: 'code'; text: string } | { kind: 'too_long'; length: number };

const SHIFT = 0x02 | 0x20;
const CTRL = 0x01 | 0x10;
const RIGHT_ALT = 0x40;
const ERROR_ROLL_OVER = 0x01;

export class KeyboardReportDecoder {
  private readonly layout: KeyboardLayout;
  private readonly terminators: ReadonlySet<number>;
  readonly interKeyTimeoutMs: number;
  private readonly reportId: number | undefined;
  private readonly maxLength: number;
  private previousKeys: number[] = [];
  private text = '';
  private lastKeyAt = 0;
  private overflowed = false;

  constructor(options: KeyboardDecoderOptions = {}) {
    this.layout = options.layout ?? US_LAYOUT;
    const terms = options.terminators ?? ['enter', 'tab'];
    const usages: number[] = [];
    if (terms.includes('enter')) usages.push(USAGE_ENTER, USAGE_KEYPAD_ENTER);
    if (terms.includes('tab')) usages.push(USAGE_TAB);
    this.terminators = new Set(usages);
    this.interKeyTimeoutMs = options.interKeyTimeoutMs ?? 100;
    this.reportId = options.reportId;
    this.maxLength = options.maxLength ?? 4096;
  }

  /** Feeds one input report received at `now` (ms); returns the codes it completed. */
  push(report: Uint8Array, now: number): KeyboardDecoded[] {
    const out: KeyboardDecoded[] = [];
    const timedOut = this.flush(now);
    if (timedOut) out.push(timedOut);

    let bytes = report;
    if (this.reportId !== undefined) {
      if (bytes[0] !== this.reportId) return out;
      bytes = bytes.subarray(1);
    }
    if (bytes.length < 3) return out;
    const modifiers = bytes[0] ?? 0;
    const keys = Array.from(bytes.subarray(2, 8)).filter((k) => k !== 0);
    // Phantom state: too many keys down, the report says nothing about which.
    if (keys.includes(ERROR_ROLL_OVER)) return out;

    for (const usage of keys) {
      if (this.previousKeys.includes(usage)) continue;
      this.press(usage, modifiers, now, out);
    }
    this.previousKeys = keys;
    return out;
  }

  /** Ends the pending code if the scanner has been silent long enough. */
  flush(now: number): KeyboardDecoded | undefined {
    if (this.text.length === 0 && !this.overflowed) return undefined;
    if (now - this.lastKeyAt < this.interKeyTimeoutMs) return undefined;
    return this.finish();
  }

  /** When the pending code will time out, for the source's timer; undefined when idle. */
  deadline(): number | undefined {
    return this.text.length > 0 || this.overflowed
      ? this.lastKeyAt + this.interKeyTimeoutMs
      : undefined;
  }

  private press(usage: number, modifiers: number, now: number, out: KeyboardDecoded[]): void {
    this.lastKeyAt = now;
    if (this.terminators.has(usage)) {
      const done = this.finish();
      if (done) out.push(done);
      return;
    }
    if (modifiers & CTRL) return;
    const chars = this.layout[usage];
    if (!chars) return;
    const char = modifiers & RIGHT_ALT ? chars[2] : modifiers & SHIFT ? chars[1] : chars[0];
    if (char === undefined || this.overflowed) return;
    this.text += char;
    if (this.text.length > this.maxLength) {
      out.push({ kind: 'too_long', length: this.text.length });
      this.text = '';
      this.overflowed = true;
    }
  }

  private finish(): KeyboardDecoded | undefined {
    const text = this.text;
    const overflowed = this.overflowed;
    this.text = '';
    this.overflowed = false;
    if (overflowed || text.length === 0) return undefined;
    return { kind: 'code', text };
  }
}
