/**
 * Serial scanners send a code followed by a terminator, in whatever chunks the UART and the
 * OS hand us. The assembler turns chunks into whole codes. Pure: no I/O, no clock.
 */
export type LineTerminator = 'auto' | 'CR' | 'LF' | 'CRLF' | { custom: string };

export interface LineAssemblerOptions {
  /** 'auto' ends a code at CR, LF or CRLF (and ignores the empty lines that pairing makes). */
  terminator?: LineTerminator;
  /** Bytes allowed before a terminator; beyond it the line is dropped with an error. */
  maxLength?: number;
}

export type AssembledItem = { kind: 'line'; text: string } | { kind: 'too_long'; length: number };

const CR = 0x0d;
const LF = 0x0a;

export function terminatorBytes(t: LineTerminator): Uint8Array | 'auto' {
  if (t === 'auto') return 'auto';
  if (t === 'CR') return Uint8Array.of(CR);
  if (t === 'LF') return Uint8Array.of(LF);
  if (t === 'CRLF') return Uint8Array.of(CR, LF);
  if (t.custom.length === 0) throw new RangeError('custom terminator must not be empty');
  return new TextEncoder().encode(t.custom);
}

export function parseTerminator(value: string): LineTerminator {
  const upper = value.toUpperCase();
  if (upper === 'AUTO' || upper === 'CR' || upper === 'LF' || upper === 'CRLF') {
    return upper === 'AUTO' ? 'auto' : upper;
  }
  return { custom: value.replace(/\\r/g, '\r').replace(/\\n/g, '\n').replace(/\\t/g, '\t') };
}

export class LineAssembler {
  private readonly terminator: Uint8Array | 'auto';
  private readonly maxLength: number;
  private buffer: number[] = [];
  /** After an over-long line we drop bytes until the next terminator: they are its tail. */
  private discarding = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(options: LineAssemblerOptions = {}) {
    this.terminator = terminatorBytes(options.terminator ?? 'auto');
    this.maxLength = options.maxLength ?? 4096;
    if (!(this.maxLength > 0)) throw new RangeError('maxLength must be positive');
  }

  push(chunk: Uint8Array): AssembledItem[] {
    const out: AssembledItem[] = [];
    for (const byte of chunk) {
      if (this.isEndOfLine(byte)) {
        this.endLine(out);
        continue;
      }
      if (this.discarding) continue;
      this.buffer.push(byte);
      if (this.buffer.length > this.maxLength) {
        out.push({ kind: 'too_long', length: this.buffer.length });
        this.buffer = [];
        this.discarding = true;
      }
    }
    return out;
  }

  /** Drops a half-received line, e.g. when the port closes. */
  reset(): void {
    this.buffer = [];
    this.discarding = false;
  }

  private isEndOfLine(byte: number): boolean {
    if (this.terminator === 'auto') return byte === CR || byte === LF;
    const t = this.terminator;
    if (byte !== t[t.length - 1]) return false;
    // Multi-byte terminator: the previous bytes must already sit at the end of the buffer.
    const head = t.length - 1;
    if (head === 0) return true;
    if (this.buffer.length < head) return this.discarding;
    for (let i = 0; i < head; i++) {
      if (this.buffer[this.buffer.length - head + i] !== t[i]) return false;
    }
    this.buffer.length -= head;
    return true;
  }

  private endLine(out: AssembledItem[]): void {
    const wasDiscarding = this.discarding;
    const bytes = Uint8Array.from(this.buffer);
    this.reset();
    if (wasDiscarding) return;
    const text = cleanScanText(this.decoder.decode(bytes));
    if (text.length > 0) out.push({ kind: 'line', text });
  }
}

/**
 * Line noise (NUL, XON/XOFF, stray control bytes, invalid UTF-8) is never part of a code:
 * drop it so a code surrounded by garbage still arrives intact.
 */
export function cleanScanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '');
}
