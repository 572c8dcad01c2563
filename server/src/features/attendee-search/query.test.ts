import { normalizeQuery, ticketIdPrefix, ticketIdRange } from './query.js';

describe('reading a search query', () => {
  it('collapses whitespace', () => {
    expect(normalizeQuery('  Ada \t Lovelace \n')).toBe('Ada Lovelace');
  });

  it('reads hex digits, with or without hyphens, as a ticket id prefix', () => {
    expect(ticketIdPrefix('0190ABCD')).toBe('0190abcd');
    expect(ticketIdPrefix('0190abcd-12')).toBe('0190abcd-12');
    expect(ticketIdPrefix('0190abcd12')).toBe('0190abcd-12');
    expect(ticketIdRange('0190abcd-12')).toEqual({
      from: '0190abcd-1200-0000-0000-000000000000',
      to: '0190abcd-12ff-ffff-ffff-ffffffffffff',
    });
  });

  it('takes a whole ticket id as a range of one', () => {
    const id = '0190abcd-1234-7abc-8def-0123456789ab';
    expect(ticketIdRange(id.toUpperCase())).toEqual({ from: id, to: id });
  });

  it('does not read names, short digit runs or over-long input as a ticket id', () => {
    expect(ticketIdPrefix('Ada Lovelace')).toBeUndefined();
    expect(ticketIdPrefix('abc')).toBeUndefined();
    expect(ticketIdPrefix('0'.repeat(33))).toBeUndefined();
  });
});
