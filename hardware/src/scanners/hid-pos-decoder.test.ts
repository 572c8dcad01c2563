import { fixture, hex } from '../../test/support/fixtures.js';
import { HidPosDecoder, type HidPosDecoded } from './hid-pos-decoder.js';

interface PosFixture {
  reports: string[];
  expected: { text: string; symbology: string }[];
}

function run(name: string): HidPosDecoded[] {
  const f = fixture<PosFixture>(`hid/${name}`);
  const d = new HidPosDecoder();
  return f.reports.flatMap((r) => d.push(hex(r)));
}

describe('HidPosDecoder', () => {
  it('joins a recorded multi-report answer from a Honeywell Voyager into one message', () => {
    const f = fixture<PosFixture>('hid/honeywell-voyager-1602g-revinf.json');
    const out = run('honeywell-voyager-1602g-revinf.json');
    expect(out).toEqual(f.expected.map((e) => ({ kind: 'code', ...e })));
    expect(
      out[0]?.kind === 'code' && out[0].text.startsWith('Product Name: Voyager 1602g\r\n'),
    ).toBe(true);
  });

  it('reads a QR token spread over two reports and a Code 128 with its CR suffix removed', () => {
    expect(run('honeywell-qr-token.json')).toEqual(
      fixture<PosFixture>('hid/honeywell-qr-token.json').expected.map((e) => ({
        kind: 'code',
        ...e,
      })),
    );
  });

  it('ignores reports that are not scanned-data reports', () => {
    const d = new HidPosDecoder();
    expect(d.push(Uint8Array.from([0x04, 0x10, 0x41]))).toEqual([]);
  });

  it('rejects a report whose length byte runs past its end, then reads the next one', () => {
    const d = new HidPosDecoder();
    const bad = new Uint8Array(64);
    bad[0] = 2;
    bad[1] = 200;
    expect(d.push(bad)).toEqual([
      { kind: 'bad_report', reason: 'length 200 exceeds report of 64 bytes' },
    ]);
    const good = new Uint8Array(64);
    good.set([2, 2, 0x5d, 0x51, 0x31, 0x4f, 0x4b]);
    expect(d.push(good)).toEqual([{ kind: 'code', text: 'OK', symbology: ']Q1' }]);
  });

  it('reads the Newland layout, which has no AIM identifier', () => {
    const d = new HidPosDecoder({ dialect: 'newland' });
    const r = new Uint8Array(63);
    r.set([2, 4, ...Buffer.from('N-01')]);
    expect(d.push(r)).toEqual([{ kind: 'code', text: 'N-01' }]);
  });

  it('reports a code longer than the limit and recovers for the next scan', () => {
    const d = new HidPosDecoder({ maxLength: 60 });
    const f = fixture<PosFixture>('hid/honeywell-qr-token.json');
    const out = f.reports.flatMap((r) => d.push(hex(r)));
    expect(out).toEqual([
      { kind: 'too_long', length: 89 },
      { kind: 'code', text: 'LANYARD-0042', symbology: ']C0' },
    ]);
  });
});
