import { listOf, pageOf, tempDir, ticketFor, upserted } from '../../../test/support/fixtures.js';
import { searchAttendees } from './attendee-search.js';
import { applyPage } from './feed-apply.js';
import { openCache, type Cache } from './handles.js';

let tmp: ReturnType<typeof tempDir>;
let cache: Cache;
const people = [
  ['Ada Lovelace', 'ada@analytical.org'],
  ['Grace Hopper', 'grace.hopper@navy.mil'],
  ['José Núñez', 'jose@example.es'],
  ['Margaret Hamilton', 'mh@apollo.nasa'],
  ['Adam Lovell', 'adam@example.com'],
] as const;

beforeAll(() => {
  tmp = tempDir();
  cache = openCache(tmp.dir);
  const tickets = people.map(([name, email], n) => ticketFor(n, { attendee: { name, email } }));
  const filler = Array.from({ length: 500 }, (_, n) => ticketFor(n + 10));
  applyPage(
    cache.write,
    pageOf(
      [...tickets, ...filler]
        .map(upserted)
        .concat({ type: 'checkin_list.upserted', list: listOf() }),
    ),
  );
});
afterAll(() => {
  cache.close();
  tmp.remove();
});

const top = (q: string) => searchAttendees(cache.read, q)[0]?.name;

describe('attendee lookup', () => {
  it('finds a person by exact name', () => expect(top('Ada Lovelace')).toBe('Ada Lovelace'));
  it('forgives a typo', () => expect(top('Grace Hoper')).toBe('Grace Hopper'));
  it('forgives swapped letters', () => expect(top('Margaret Hamliton')).toBe('Margaret Hamilton'));
  it('ignores accents and case', () => expect(top('jose nunez')).toBe('José Núñez'));
  it('does not care about word order', () => expect(top('hopper grace')).toBe('Grace Hopper'));
  it('finds by email', () => expect(top('grace.hopper@navy.mil')).toBe('Grace Hopper'));
  it('finds by a typed prefix', () => expect(top('lovel')).toMatch(/Lovel/));
  it('answers two letters with names starting with them', () => {
    expect(searchAttendees(cache.read, 'gr').map((m) => m.name)).toContain('Grace Hopper');
  });
  it('returns nothing for an empty or punctuation-only query', () => {
    expect(searchAttendees(cache.read, '')).toEqual([]);
    expect(searchAttendees(cache.read, ' ?!" ')).toEqual([]);
  });
  it('returns nothing for a name nobody has', () => {
    expect(searchAttendees(cache.read, 'Xerxes Qwzy')).toEqual([]);
  });
  it('survives FTS syntax in the query', () => {
    expect(() => searchAttendees(cache.read, 'ada" OR NEAR(* AND')).not.toThrow();
  });
});
