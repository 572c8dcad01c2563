// Pure rules for reading a search query; the adapters turn them into their own query language.

/** Fewer hex digits than this would match too many ticket ids to be a useful prefix. */
const MIN_ID_PREFIX = 4;

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
