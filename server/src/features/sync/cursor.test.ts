import { DomainError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type SyncCursor } from './cursor.js';

describe('sync cursors', () => {
  it('round-trip every kind of position, including sequence values beyond 2^53', () => {
    const cursors: SyncCursor[] = [
      { kind: 'delta', seq: 9223372036854775807n },
      { kind: 'delta', seq: 0n },
      { kind: 'snapshot', startSeq: 42n, phase: 'tickets', after: null },
      {
        kind: 'snapshot',
        startSeq: 42n,
        phase: 'scans',
        after: '0b7b8a4e-5a4f-4c83-9c55-3f0d8c1c2b11',
      },
    ];
    for (const c of cursors) expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('refuses text it did not hand out with invalid_cursor', () => {
    const bad = ['', 'c:42', 'd.', 'd.-1', 'd.1.2', 's.1.x.', "d.1' OR 1=1", `d.${'9'.repeat(30)}`];
    for (const text of bad) {
      let caught: unknown;
      try {
        decodeCursor(text);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('invalid_cursor');
    }
  });
});
