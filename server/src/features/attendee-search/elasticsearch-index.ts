import type { Client } from '@elastic/elasticsearch';
import {
  bulk,
  createIndex as createIndexOnce,
  elasticsearch,
} from '../../platform/search/elasticsearch-writes.js';
import { normalizeQuery, ticketIdPrefix } from './query.js';
import type { AttendeeDocument, AttendeeHit, SearchIndex } from './search-index.js';

// An exact email or ticket id must outrank any fuzzy name match, as in the PostgreSQL adapter.
const EXACT_BOOST = 10;

/**
 * SearchIndex on Elasticsearch: one document per ticket, keyed by ticket id. A write waits for the
 * refresh, so a search right after index() sees it.
 */
export function createElasticsearchSearchIndex(url: string, indexName: string): SearchIndex {
  let ready: Promise<Client> | undefined;
  const ensureIndex = () =>
    (ready ??= elasticsearch().then(async ({ Client }) => {
      const client = new Client({ node: url });
      await createIndex(client, indexName);
      return client;
    }));

  return {
    async index(documents) {
      if (documents.length === 0) return;
      const client = await ensureIndex();
      await bulk(
        client,
        documents.flatMap((doc) => [{ index: { _index: indexName, _id: doc.ticketId } }, doc]),
      );
    },
    async search(eventId, query, limit) {
      const client = await ensureIndex();
      const q = normalizeQuery(query);
      const prefix = ticketIdPrefix(q);
      const res = await client.search<AttendeeDocument>({
        index: indexName,
        size: limit,
        query: {
          bool: {
            filter: [{ term: { eventId } }],
            should: [
              { match: { name: { query: q, fuzziness: 'AUTO', operator: 'and' } } },
              { term: { email: { value: q, boost: EXACT_BOOST } } },
              ...(prefix ? [{ prefix: { ticketId: { value: prefix, boost: EXACT_BOOST } } }] : []),
            ],
            minimum_should_match: 1,
          },
        },
        sort: [{ _score: { order: 'desc' } }, { ticketId: { order: 'asc' } }],
        track_total_hits: false,
      });
      return res.hits.hits.map((hit): AttendeeHit => ({
        ...(hit._source as AttendeeDocument),
        score: hit._score ?? 0,
      }));
    },
  };
}

function createIndex(client: Client, index: string): Promise<void> {
  return createIndexOnce(client, {
    index,
    settings: {
      analysis: { normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } } },
    },
    mappings: {
      dynamic: 'strict',
      properties: {
        ticketId: { type: 'keyword' },
        orderId: { type: 'keyword' },
        eventId: { type: 'keyword' },
        organizationId: { type: 'keyword' },
        name: { type: 'text' },
        email: { type: 'keyword', normalizer: 'lowercase' },
        ticketTypeName: { type: 'keyword' },
        status: { type: 'keyword' },
      },
    },
  });
}
