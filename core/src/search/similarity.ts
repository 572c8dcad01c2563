/** Pure string similarity for typo-tolerant lookup; inputs are already normalised. */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, prevPrev[j - 2]! + 1);
      }
      row[j] = best;
    }
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length]!;
}

/** 1 for equal words, falling towards 0 as edits approach the longer word's length. */
function wordSimilarity(query: string, word: string): number {
  // A typed prefix ("lovel") is a strong match while the user is still typing.
  if (word.startsWith(query)) return query.length >= 3 || query === word ? 0.95 : 0.6;
  const prefix = word.slice(0, query.length + 1);
  const distance = Math.min(editDistance(query, word), editDistance(query, prefix) + 0.5);
  return Math.max(0, 1 - distance / Math.max(query.length, 3));
}

/**
 * How well `query` matches `text` (both normalised), 0..1: each query word is paired with its
 * best word of the text, and the pairs are averaged, so word order does not matter.
 */
export function matchScore(query: string, text: string): number {
  const queryWords = query.split(' ').filter(Boolean);
  const words = text.split(' ').filter(Boolean);
  if (!queryWords.length || !words.length) return 0;
  const joined = words.join('');
  let total = 0;
  for (const q of queryWords) {
    let best = 0;
    for (const w of words) best = Math.max(best, wordSimilarity(q, w));
    // "mcdonald" against "mc donald": compare with the words run together too.
    if (q.length >= 5 && joined.includes(q)) best = Math.max(best, 0.9);
    total += best;
  }
  return total / queryWords.length;
}
