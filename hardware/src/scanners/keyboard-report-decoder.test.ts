import { fixture, hex } from '../../test/support/fixtures.js';
import { keyboardLayout } from './keyboard-layouts.js';
import { KeyboardReportDecoder, type KeyboardDecoded } from './keyboard-report-decoder.js';

interface WedgeFixture {
  layout: string;
  reportId?: number;
  reports: { t: number; hex: string }[];
  expected: string[];
}

function decode(
  name: string,
  options: { timeoutMs?: number; layout?: string } = {},
): KeyboardDecoded[] {
  const f = fixture<WedgeFixture>(`hid/${name}`);
  const decoder = new KeyboardReportDecoder({
    layout: keyboardLayout(options.layout ?? f.layout),
    ...(f.reportId !== undefined ? { reportId: f.reportId } : {}),
    ...(options.timeoutMs !== undefined ? { interKeyTimeoutMs: options.timeoutMs } : {}),
  });
  const out: KeyboardDecoded[] = [];
  for (const r of f.reports) out.push(...decoder.push(hex(r.hex), r.t));
  // The source's timer fires once the scanner has been silent for the timeout.
  const last = decoder.flush((f.reports.at(-1)?.t ?? 0) + decoder.interKeyTimeoutMs);
  if (last) out.push(last);
  return out;
}
const texts = (items: KeyboardDecoded[]) =>
  items.map((i) => (i.kind === 'code' ? i.text : `<${i.kind}>`));

describe('KeyboardReportDecoder', () => {
  it('types capitals and symbols with shift and ends codes at Enter and at Tab', () => {
    expect(texts(decode('wedge-us-shift-enter-tab.json'))).toEqual([
      'Ticket-42:AbC',
      'eyJ0IjoxfQ.sig_X',
    ]);
  });

  it('separates codes by silence when the scanner sends no terminator', () => {
    expect(texts(decode('wedge-us-no-terminator.json'))).toEqual(['ABC123', 'xyz789']);
  });

  it('glues codes together when the silence is shorter than the timeout', () => {
    expect(texts(decode('wedge-us-no-terminator.json', { timeoutMs: 1000 }))).toEqual([
      'ABC123xyz789',
    ]);
  });

  it('reads a German-layout scanner with AltGr, and misreads it under the US layout', () => {
    expect(texts(decode('wedge-de-altgr.json'))).toEqual(['Zug-42@x.de']);
    expect(texts(decode('wedge-de-altgr.json', { layout: 'us' }))).not.toEqual(['Zug-42@x.de']);
  });

  it('counts a key once under rollover, when it first appears', () => {
    expect(texts(decode('wedge-rollover.json'))).toEqual(['abC']);
  });

  it('reads only the keyboard report id of a composite device', () => {
    expect(texts(decode('wedge-report-id.json'))).toEqual(['R1-OK']);
  });

  it('ignores the phantom state a keyboard reports when too many keys are down', () => {
    const d = new KeyboardReportDecoder();
    expect(d.push(hex('0000010101010101'), 0)).toEqual([]);
    d.push(hex('0000040000000000'), 1);
    expect(d.push(hex('0000280000000000'), 2)).toEqual([{ kind: 'code', text: 'a' }]);
  });

  it('drops keys typed with Ctrl held, which are commands rather than text', () => {
    const d = new KeyboardReportDecoder();
    d.push(hex('0100060000000000'), 0);
    d.push(hex('0000000000000000'), 1);
    d.push(hex('0000050000000000'), 2);
    expect(d.push(hex('0000280000000000'), 3)).toEqual([{ kind: 'code', text: 'b' }]);
  });

  it('reports an over-long code once and skips to the next terminator', () => {
    const d = new KeyboardReportDecoder({ maxLength: 3 });
    const out: KeyboardDecoded[] = [];
    let t = 0;
    for (const k of ['04', '05', '06', '07', '08', '28', '09', '28']) {
      out.push(...d.push(hex(`0000${k}0000000000`), t++), ...d.push(hex('0000000000000000'), t++));
    }
    expect(out).toEqual([
      { kind: 'too_long', length: 4 },
      { kind: 'code', text: 'f' },
    ]);
  });

  it('rejects an unknown layout name', () => {
    expect(() => keyboardLayout('dvorak-xx')).toThrow(/unknown keyboard layout/);
  });
});
