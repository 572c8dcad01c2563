/**
 * Folds a name or email for searching: no accents, lower case, punctuation as single spaces, so
 * "José O'Brien" and "jose obrien" meet. Pure.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The indexed text of a ticket: its folded name and email, apart so each can be scored alone. */
export function searchTextOf(name: string, email: string): string {
  return `${normaliseForSearch(name)} | ${normaliseForSearch(email)}`;
}
