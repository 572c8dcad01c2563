import { DomainError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('ticket page cursors', () => {
  it('decode to the position they were made from', () => {
    const at = { createdUs: '1798761600123456', id: '0b7e2a3c-1d4f-4a5b-8c6d-7e8f9a0b1c2d' };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['an empty string', ''],
    ['a cursor without an id', Buffer.from('1798761600123456.').toString('base64url')],
    [
      'an upper-case id',
      Buffer.from('1.0B7E2A3C-1D4F-4A5B-8C6D-7E8F9A0B1C2D').toString('base64url'),
    ],
    [
      'a time past bigint',
      Buffer.from(`99999999999999999999.0b7e2a3c-1d4f-4a5b-8c6d-7e8f9a0b1c2d`).toString(
        'base64url',
      ),
    ],
  ])('refuse %s as invalid_cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(DomainError);
    try {
      decodeCursor(cursor);
    } catch (err) {
      expect((err as DomainError).code).toBe('invalid_cursor');
    }
  });
});
