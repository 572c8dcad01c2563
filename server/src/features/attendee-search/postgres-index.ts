import type { Db } from '../../platform/db/db.js';
import {
  deletionKeys,
  MAX_QUERY_WORDS,
  normalizeQuery,
  queryWords,
  ticketIdRange,
  withinOneTypo,
} from './query.js';
import type { AttendeeDocument, SearchIndex } from './search-index.js';
import {
  exactMatches,
  knownWords,
  searchByTrigrams,
  searchByWords,
  setNameThreshold,
} from './store.js';

/**
 * The default SearchIndex: the tickets table with its indexes (migrations 0008, 0009) is the
 * index. Every writer of a ticket updates it in its own transaction, so index() has nothing to do
 * and a search never lags a committed change.
 *
 * A search stops at the first step that finds anyone: an exact email or ticket id; names holding
 * every query word or a word one typo from it; names close by trigrams (a word with two typos,
 * words run together, a name typed half-way).
 */
export function createPostgresSearchIndex(db: Db): SearchIndex {
  return {
    async index(_documents: readonly AttendeeDocument[]) {},
    search(eventId, query, limit) {
      const q = normalizeQuery(query);
      return db.transaction(async (tx) => {
        const exact = await exactMatches(tx, eventId, q, ticketIdRange(q), limit);
        if (exact.length > 0) return exact;
        const words = queryWords(q);
        if (words.length > 0 && words.length <= MAX_QUERY_WORDS) {
          const known = (await knownWords(tx, words.map(deletionKeys))).map((found, i) =>
            found.filter((word) => withinOneTypo(word, words[i]!)),
          );
          if (known.every((k) => k.length > 0)) {
            const hits = await searchByWords(tx, eventId, q, known, limit);
            if (hits.length > 0) return hits;
          }
        }
        await setNameThreshold(tx);
        return searchByTrigrams(tx, eventId, q, limit);
      });
    },
  };
}
