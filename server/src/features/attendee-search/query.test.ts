import {
  deletionKeys,
  withinOneTypo,
  normalizeQuery,
  queryWords,
  ticketIdPrefix,
  ticketIdRange,
} from './query.js';

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

describe('the words of a search query', () => {
  it('splits at anything but letters, in lowercase, so an email local part reads as a name', () => {
    expect(queryWords('  Ada  LOVELACE ')).toEqual(['ada', 'lovelace']);
    expect(queryWords('john.smith84')).toEqual(['john', 'smith']);
    expect(queryWords('Zoë Müller-Łukasz')).toEqual(['zoë', 'müller', 'łukasz']);
    expect(queryWords('0190 42')).toEqual([]);
  });

  it('keys a word under itself and each one-letter deletion', () => {
    expect(deletionKeys('smith')).toEqual(['smith', 'mith', 'sith', 'smth', 'smih', 'smit']);
    expect(deletionKeys('ada')).toEqual(['ada', 'da', 'aa', 'ad']);
    expect(deletionKeys('j')).toEqual(['j']);
  });

  it('shares a key between words one typo apart, and none between words two apart', () => {
    const shareKey = (a: string, b: string) =>
      deletionKeys(a).some((k) => deletionKeys(b).includes(k));
    expect(shareKey('jmaes', 'james')).toBe(true); // swapped
    expect(shareKey('lovlace', 'lovelace')).toBe(true); // dropped
    expect(shareKey('smiith', 'smith')).toBe(true); // doubled
    expect(shareKey('smoth', 'smith')).toBe(true); // replaced
    expect(shareKey('hcen', 'chen')).toBe(true);
    expect(shareKey('smyht', 'smith')).toBe(false);
    expect(shareKey('jones', 'james')).toBe(false);
  });
});

describe('one typo apart', () => {
  it('takes a dropped, added, replaced or swapped letter, and the word itself', () => {
    expect(withinOneTypo('smith', 'smith')).toBe(true);
    expect(withinOneTypo('smth', 'smith')).toBe(true);
    expect(withinOneTypo('smiith', 'smith')).toBe(true);
    expect(withinOneTypo('smoth', 'smith')).toBe(true);
    expect(withinOneTypo('smtih', 'smith')).toBe(true);
    expect(withinOneTypo('msith', 'smith')).toBe(true);
    expect(withinOneTypo('mith', 'smith')).toBe(true);
  });

  it('refuses two typos, even where the words share a deletion key', () => {
    expect(withinOneTypo('gorao', 'egoro')).toBe(false);
    expect(withinOneTypo('smyht', 'smith')).toBe(false);
    expect(withinOneTypo('sm', 'smith')).toBe(false);
    expect(withinOneTypo('abc', 'bca')).toBe(false);
  });
});
