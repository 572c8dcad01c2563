import { resolveAdmissions, type RecordedScan } from './resolve.js';

const T0 = Date.UTC(2030, 5, 1, 9, 0, 0);
let seq = 0;
const scan = (
  scanId: string,
  minutes: number,
  extra: Partial<RecordedScan> = {},
): RecordedScan => ({
  scanId,
  deviceId: 'kiosk-a',
  scannedAt: new Date(T0 + minutes * 60_000),
  direction: 'entry',
  result: 'admitted',
  receivedSeq: seq++,
  ...extra,
});
const ids = (scans: { scanId: string }[]) => scans.map((s) => s.scanId);

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [item, ...p]),
  );
}

describe('resolving admissions after a sync', () => {
  it('keeps the earliest of two offline admissions and flags the other as its duplicate', () => {
    const a = scan('a', 5, { deviceId: 'kiosk-a' });
    const b = scan('b', 3, { deviceId: 'kiosk-b' });
    const result = resolveAdmissions([a, b], 'single');
    expect(result.canonical?.scanId).toBe('b');
    expect(result.duplicates).toEqual([{ scan: a, duplicateOf: 'b' }]);
    expect(result.inside).toBe(true);
  });

  it('breaks a tie on scan time by scanId', () => {
    const result = resolveAdmissions([scan('zz', 1), scan('aa', 1)], 'single');
    expect(result.canonical?.scanId).toBe('aa');
    expect(ids(result.duplicates.map((d) => d.scan))).toEqual(['zz']);
  });

  it('gives the same answer whatever order the scans arrived in', () => {
    const scans = [
      scan('s1', 1, { deviceId: 'kiosk-a' }),
      scan('s2', 1, { deviceId: 'kiosk-b' }),
      scan('s3', 2, { direction: 'exit' }),
      scan('s4', 3, { deviceId: 'kiosk-c' }),
      scan('s5', 4, { deviceId: 'kiosk-a' }),
    ];
    for (const rule of ['single', 'reentry_after_exit', 'multi'] as const) {
      const expected = resolveAdmissions(scans, rule);
      for (const order of permutations(scans)) {
        expect(resolveAdmissions(order, rule)).toEqual(expected);
      }
    }
  });

  it('ignores scans the devices refused', () => {
    const result = resolveAdmissions(
      [
        scan('refused', 1, { result: 'already_checked_in' }),
        scan('bad', 2, { result: 'invalid' }),
        scan('ok', 3),
      ],
      'single',
    );
    expect(result.canonical?.scanId).toBe('ok');
    expect(result.duplicates).toEqual([]);
  });

  it('reports no admission for a ticket nothing let in', () => {
    expect(resolveAdmissions([], 'single')).toEqual({
      canonical: null,
      admissions: [],
      duplicates: [],
      inside: false,
    });
    expect(resolveAdmissions([scan('x', 1, { direction: 'exit' })], 'single')).toMatchObject({
      canonical: null,
      inside: false,
    });
  });

  it('single entry: flags an admission after an exit as a duplicate of the first', () => {
    const result = resolveAdmissions(
      [scan('in1', 1), scan('out', 2, { direction: 'exit' }), scan('in2', 3)],
      'single',
    );
    expect(ids(result.admissions)).toEqual(['in1']);
    expect(result.duplicates.map((d) => [d.scan.scanId, d.duplicateOf])).toEqual([['in2', 'in1']]);
  });

  it('re-entry: counts one admission per stay and flags entries made while inside', () => {
    const result = resolveAdmissions(
      [
        scan('in1', 1),
        scan('dup', 2),
        scan('out', 3, { direction: 'exit' }),
        scan('in2', 4),
        scan('dup2', 5),
      ],
      'reentry_after_exit',
    );
    expect(ids(result.admissions)).toEqual(['in1', 'in2']);
    expect(result.duplicates.map((d) => [d.scan.scanId, d.duplicateOf])).toEqual([
      ['dup', 'in1'],
      ['dup2', 'in2'],
    ]);
    expect(result.inside).toBe(true);
  });

  it('multi entry: flags nothing', () => {
    const result = resolveAdmissions([scan('a', 1), scan('b', 2), scan('c', 3)], 'multi');
    expect(ids(result.admissions)).toEqual(['a', 'b', 'c']);
    expect(result.duplicates).toEqual([]);
  });

  it('leaves the input untouched', () => {
    const scans = [scan('b', 2), scan('a', 1)];
    resolveAdmissions(scans, 'single');
    expect(ids(scans)).toEqual(['b', 'a']);
  });
});
