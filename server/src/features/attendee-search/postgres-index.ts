import type { Db } from '../../platform/db/db.js';
import { normalizeQuery, ticketIdRange } from './query.js';
import type { AttendeeDocument, SearchIndex } from './search-index.js';
import { searchTickets, setNameThreshold } from './store.js';

/**
 * The default SearchIndex: the tickets table with trigram and email indexes (migration 0008) is
 * the index. Every writer of a ticket updates it in its own transaction, so index() has nothing
 * to do and a search never lags a committed change.
 */
export function createPostgresSearchIndex(db: Db): SearchIndex {
  return {
    async index(_documents: readonly AttendeeDocument[]) {},
    search(eventId, query, limit) {
      const q = normalizeQuery(query);
      return db.transaction(async (tx) => {
        await setNameThreshold(tx);
        return searchTickets(tx, eventId, q, ticketIdRange(q), limit);
      });
    },
  };
}
