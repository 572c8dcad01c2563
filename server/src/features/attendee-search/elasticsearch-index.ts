import type { Client } from '@elastic/elasticsearch';
import { normalizeQuery, ticketIdPrefix } from './query.js';
import type { AttendeeDocument, AttendeeHit, SearchIndex } from './search-index.js';

// The client library is loaded on first use (~0.3 s): a server that searches in PostgreSQL, as
// most do, never needs it.
const elasticsearch = () => import('@elastic/elasticsearch');

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

async function createIndex(client: Client, index: string): Promise<void> {
  try {
    await client.indices.create({
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
  } catch (err) {
    const { errors } = await elasticsearch();
    // Another replica (or an earlier run) created it first.
    const exists =
      err instanceof errors.ResponseError &&
      JSON.stringify(err.body).includes('resource_already_exists_exception');
    if (!exists) throw err;
  }
}

async function bulk(client: Client, operations: unknown[]): Promise<void> {
  const res = await client.bulk({ operations, refresh: 'wait_for' });
  if (res.errors) {
    const failed = res.items.find((item) => Object.values(item)[0]?.error);
    throw new Error(`Elasticsearch bulk write failed: ${JSON.stringify(failed)}`);
  }
}
