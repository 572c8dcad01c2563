import { DomainError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, isAfter, type SyncCursor } from './cursor.js';

describe('sync cursors', () => {
  it('round-trip every kind of position, including transaction ids beyond 2^53', () => {
    const cursors: SyncCursor[] = [
      { kind: 'delta', at: { xid: 18446744073709551615n, seq: 9007199254740993n } },
      { kind: 'delta', at: { xid: 7n, seq: 0n } },
      { kind: 'snapshot', startXid: 42n, phase: 'tickets', after: null },
      {
        kind: 'snapshot',
        startXid: 42n,
        phase: 'scans',
        after: '0b7b8a4e-5a4f-4c83-9c55-3f0d8c1c2b11',
      },
    ];
    for (const c of cursors) expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('refuses text it did not hand out with invalid_cursor', () => {
    for (const bad of [
      '',
      'c:42',
      'd.1',
      'd.-1.2',
      'd.1.2.3',
      's.1.x.',
      "d.1.1' OR 1=1",
      'd.' + '9'.repeat(30) + '.1',
    ]) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
      try {
        decodeCursor(bad);
      } catch (err) {
        expect((err as DomainError).code).toBe('invalid_cursor');
      }
    }
  });

  it('orders positions by transaction first, then by sequence', () => {
    expect(isAfter({ xid: 5n, seq: 1n }, { xid: 4n, seq: 99n })).toBe(true);
    expect(isAfter({ xid: 5n, seq: 2n }, { xid: 5n, seq: 1n })).toBe(true);
    expect(isAfter({ xid: 5n, seq: 1n }, { xid: 5n, seq: 1n })).toBe(false);
    expect(isAfter({ xid: 4n, seq: 99n }, { xid: 5n, seq: 1n })).toBe(false);
  });
});
