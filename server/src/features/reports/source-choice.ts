import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/db.js';
import { createElasticsearchReports } from './elasticsearch-source.js';
import { createPostgresReportSource } from './postgres-source.js';
import type { ReportIndex } from './report-documents.js';
import type { ReportSource } from './report-source.js';

/** Prefix of the Elasticsearch indexes reports read and the indexer keeps current. */
export const REPORT_INDEX_PREFIX = 'lanyard-report';

export interface ChosenReportSource {
  source: ReportSource;
  /** Set when the figures live outside PostgreSQL and must be fed (outbox, reindex). */
  index?: ReportIndex;
}

// One client per server configuration: the routes, the indexer and reindex share it.
const chosen = new WeakMap<object, ChosenReportSource>();

/**
 * Where reports read their figures: Elasticsearch aggregations when ELASTICSEARCH_URL is set,
 * otherwise the PostgreSQL rollups. Chosen once at start-up, like the attendee search index.
 */
export function reportSource(config: Pick<Config, 'elasticsearchUrl'>, db: Db): ChosenReportSource {
  let choice = chosen.get(config);
  if (!choice) {
    if (config.elasticsearchUrl) {
      const es = createElasticsearchReports(config.elasticsearchUrl, REPORT_INDEX_PREFIX, db);
      choice = { source: es, index: es };
    } else choice = { source: createPostgresReportSource(db) };
    chosen.set(config, choice);
  }
  return choice;
}
