import type { Db } from '../../platform/db/db.js';
import type { Config } from '../../platform/config.js';
import { createElasticsearchSearchIndex } from './elasticsearch-index.js';
import { createPostgresSearchIndex } from './postgres-index.js';
import type { SearchIndex } from './search-index.js';

/** The Elasticsearch index the server answers from and keeps current. */
export const ATTENDEE_INDEX_NAME = 'lanyard-attendees';

export interface ChosenSearchIndex {
  index: SearchIndex;
  /** True when the index lives outside PostgreSQL and must be fed through the outbox. */
  external: boolean;
}

// One client per server configuration: the routes and the outbox indexer share it.
const chosen = new WeakMap<object, ChosenSearchIndex>();

/**
 * Where attendee search reads: Elasticsearch when ELASTICSEARCH_URL is set, otherwise PostgreSQL,
 * whose index is the tickets table itself.
 */
export function attendeeSearchIndex(
  config: Pick<Config, 'elasticsearchUrl'>,
  db: Db,
): ChosenSearchIndex {
  let choice = chosen.get(config);
  if (!choice) {
    choice = config.elasticsearchUrl
      ? {
          index: createElasticsearchSearchIndex(config.elasticsearchUrl, ATTENDEE_INDEX_NAME),
          external: true,
        }
      : { index: createPostgresSearchIndex(db), external: false };
    chosen.set(config, choice);
  }
  return choice;
}
