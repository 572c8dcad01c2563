// What an organizer types to find an attendee, and whether the answer found them. Typos are the
// common kinds (a letter dropped, doubled, swapped with the next, or replaced by a key next to it)
// at any position of the first name or the surname.

export interface Attendee {
  ticketId: string;
  name: string;
  email: string;
}

export interface Hit {
  ticketId: string;
  name: string;
}

export const KINDS = [
  'dropped letter',
  'doubled letter',
  'swapped letters',
  'wrong letter',
  'surname alone, one typo',
  'email local part',
  'ticket id prefix',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Search {
  kind: Kind;
  query: string;
  /** Whether these top hits hold what the organizer was looking for. */
  found(top: Hit[]): boolean;
}

const NEIGHBOURS: Record<string, string> = {
  a: 'qswz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb',
  i: 'ujko', j: 'huikmn', k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa',
  r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji', v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
}; // prettier-ignore

type Typo = 'dropped letter' | 'doubled letter' | 'swapped letters' | 'wrong letter';
const TYPOS: Typo[] = ['dropped letter', 'doubled letter', 'swapped letters', 'wrong letter'];

/** One typo of the given kind at a random position of the word. */
export function typo(word: string, kind: Typo, rnd: () => number): string {
  const chars = [...word];
  const at = Math.floor(rnd() * (kind === 'swapped letters' ? chars.length - 1 : chars.length));
  if (kind === 'dropped letter') chars.splice(at, 1);
  else if (kind === 'doubled letter') chars.splice(at, 0, chars[at]!);
  else if (kind === 'swapped letters') [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  else {
    const near = NEIGHBOURS[chars[at]!.toLowerCase()] ?? 'e';
    chars[at] = near[Math.floor(rnd() * near.length)]!;
  }
  return chars.join('');
}

/** The i-th search of a run: kinds take turns; half of the queries are typed in lowercase. */
export function searchFor(person: Attendee, i: number, rnd: () => number): Search {
  const kind = KINDS[i % KINDS.length]!;
  const space = person.name.indexOf(' ');
  const [first, last] = [person.name.slice(0, space), person.name.slice(space + 1)];
  const cased = (q: string) => (rnd() < 0.5 ? q.toLowerCase() : q);
  const sameName = (top: Hit[]) => top.some((h) => h.name === person.name);
  if (kind === 'surname alone, one typo')
    return {
      kind,
      query: cased(typo(last, TYPOS[Math.floor(rnd() * 4)]!, rnd)),
      // A surname alone cannot tell namesakes apart: anyone of that surname is a find.
      found: (top) => top.some((h) => h.name.endsWith(` ${last}`)),
    };
  if (kind === 'email local part')
    // Found through the name the address was made from; namesakes count, as for a name.
    return { kind, query: person.email.slice(0, person.email.indexOf('@')), found: sameName };
  if (kind === 'ticket id prefix')
    return {
      kind,
      query: person.ticketId.slice(0, 8),
      found: (top) => top.some((h) => h.ticketId === person.ticketId),
    };
  // A typo goes into the first name or the surname alike, unless that word is a letter or two.
  const inFirst = (rnd() < 0.5 && first.length > 2) || last.length <= 2;
  const query = inFirst ? `${typo(first, kind, rnd)} ${last}` : `${first} ${typo(last, kind, rnd)}`;
  // Namesakes look alike to any search, so the same full name is a find.
  return { kind, query: cased(query), found: sameName };
}
