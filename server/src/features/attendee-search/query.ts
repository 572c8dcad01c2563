// Pure rules for reading a search query; the adapters turn them into their own query language.

/** Fewer hex digits than this would match too many ticket ids to be a useful prefix. */
const MIN_ID_PREFIX = 4;

/** Beyond this many words a query is matched by trigrams alone. */
export const MAX_QUERY_WORDS = 4;

/** Whitespace collapsed, ends trimmed. */
export function normalizeQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

/** The query as a lowercase ticket id prefix (hyphens where a UUID has them), if it can be one. */
export function ticketIdPrefix(query: string): string | undefined {
  const hex = query.trim().toLowerCase().replace(/-/g, '');
  if (hex.length < MIN_ID_PREFIX || hex.length > 32 || !/^[0-9a-f]+$/.test(hex)) return undefined;
  return asUuid(hex);
}

/**
 * The inclusive range of UUIDs that start with the query's hex digits, so a prefix search is a
 * range scan on the uuid index rather than a text match over every id.
 */
export function ticketIdRange(query: string): { from: string; to: string } | undefined {
  const prefix = ticketIdPrefix(query);
  if (prefix === undefined) return undefined;
  const hex = prefix.replace(/-/g, '');
  return { from: asUuid(hex.padEnd(32, '0')), to: asUuid(hex.padEnd(32, 'f')) };
}

// Hyphens after the 8th, 12th, 16th and 20th hex digit, as far as the digits go.
function asUuid(hex: string): string {
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)]
    .filter((part) => part.length > 0)
    .join('-');
}

/**
 * The query's words as names are split into words (runs of letters, lowercase); digits drop out,
 * so an email's local part "john.smith84" reads as "john smith". The database folds accents.
 */
export function queryWords(query: string): string[] {
  return query
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The keys a word is looked up under: itself and each of its one-letter deletions. A name's word
 * is stored under the same keys (migration 0009), so two words one typo apart (a letter dropped,
 * added, replaced, or two neighbours swapped) share a key. A one-letter word has only itself:
 * nearly every short word is one typo from it.
 */
export function deletionKeys(word: string): string[] {
  const chars = [...word];
  const keys = new Set([word]);
  if (chars.length > 1)
    for (let i = 0; i < chars.length; i++)
      keys.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...keys];
}

/**
 * Whether `a` is `b` or one typo from it: a letter dropped, added or replaced, or two neighbours
 * swapped. Words sharing a deletion key can be two typos apart ("gorao", "egoro"); this keeps the
 * ones a person meant.
 */
export function withinOneTypo(a: string, b: string): boolean {
  const [x, y] = [[...a], [...b]];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (from: string[], skip: number, to: string[], skipTo: number) =>
    from.slice(i + skip).join('') === to.slice(i + skipTo).join('');
  if (x.length === y.length)
    return (
      i === x.length ||
      rest(x, 1, y, 1) ||
      (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(x, 2, y, 2))
    );
  return x.length > y.length ? rest(x, 1, y, 0) : rest(x, 0, y, 1);
}
