import { LineAssembler, parseTerminator } from './line-assembler.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const lines = (items: ReturnType<LineAssembler['push']>) =>
  items.filter((i) => i.kind === 'line').map((i) => (i as { text: string }).text);

describe('LineAssembler', () => {
  const code = 'eyJ0IjoiOGY1YjJjIn0.c2ln-_';

  it.each(['CR', 'LF', 'CRLF'] as const)('returns a code whole however it is chunked (%s)', (t) => {
    const term = { CR: '\r', LF: '\n', CRLF: '\r\n' }[t];
    const input = bytes(`${code}${term}ABC${term}`);
    for (let size = 1; size <= input.length; size++) {
      const a = new LineAssembler({ terminator: t });
      const out: string[] = [];
      for (let i = 0; i < input.length; i += size)
        out.push(...lines(a.push(input.subarray(i, i + size))));
      expect(out).toEqual([code, 'ABC']);
    }
  });

  it('accepts CR, LF and CRLF alike in auto mode without inventing empty codes', () => {
    const a = new LineAssembler();
    expect(lines(a.push(bytes('one\rtwo\nthree\r\nfour\n\r\n')))).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('keeps the code and drops line noise around and inside it', () => {
    const a = new LineAssembler({ terminator: 'CRLF' });
    const noisy = Uint8Array.from([
      0x00,
      0xff,
      0x11,
      ...bytes('AB'),
      0x13,
      0xfe,
      ...bytes('C-12'),
      0x0d,
      0x0a,
    ]);
    expect(lines(a.push(noisy))).toEqual(['ABC-12']);
  });

  it('keeps multi-byte UTF-8 split across chunks', () => {
    const a = new LineAssembler({ terminator: 'LF' });
    const all = bytes('Zoë Ångström\n');
    expect(lines(a.push(all.subarray(0, 3)))).toEqual([]);
    expect(lines(a.push(all.subarray(3)))).toEqual(['Zoë Ångström']);
  });

  it('reports an over-long line once, drops its tail, and reads the next code', () => {
    const a = new LineAssembler({ terminator: 'CR', maxLength: 16 });
    const items = [
      ...a.push(bytes('X'.repeat(10))),
      ...a.push(bytes('X'.repeat(30))),
      ...a.push(bytes('TAIL\rNEXT-1\r')),
    ];
    expect(items).toEqual([
      { kind: 'too_long', length: 17 },
      { kind: 'line', text: 'NEXT-1' },
    ]);
  });

  it('splits on a custom terminator and leaves CR/LF inside as noise', () => {
    const a = new LineAssembler({ terminator: parseTerminator('#END') });
    expect(lines(a.push(bytes('A1#EN')))).toEqual([]);
    expect(lines(a.push(bytes('D#ENX#END')))).toEqual(['A1', '#ENX']);
  });

  it('rejects an empty custom terminator', () => {
    expect(() => new LineAssembler({ terminator: { custom: '' } })).toThrow(RangeError);
  });

  it('parses terminator names case-insensitively and escapes in custom ones', () => {
    expect(parseTerminator('crlf')).toBe('CRLF');
    expect(parseTerminator('auto')).toBe('auto');
    expect(parseTerminator('\\t')).toEqual({ custom: '\t' });
  });
});
