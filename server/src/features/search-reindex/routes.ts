import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { route, type AnyRoute } from '../../http/route.js';
import { attendeeSearchIndex } from '../attendee-search/index-choice.js';
import { actor } from '../identity/principal.js';
import { reportSource } from '../reports/source-choice.js';
import { reindexStep } from './reindex.js';
import { ReindexProgress, ReindexRequest } from './schema.js';
import { eventOfOrganization } from './store.js';

export function searchReindexRoutes(db: Db, config: Pick<Config, 'elasticsearchUrl'>): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/search/reindex',
      operationId: 'reindexSearch',
      summary:
        'One step of a backfill of Elasticsearch (attendee search and reports) from the database: resumes the scope’s unfinished reindex or starts one, indexes a bounded number of pages in id order, and says where it stands; call again until `done`',
      tags: ['operations'],
      auth: 'admin',
      body: ReindexRequest,
      responses: {
        200: { description: 'Where the reindex stands', schema: ReindexProgress },
        404: { description: '`event_not_found`' },
        409: {
          description:
            '`search_not_external`: ELASTICSEARCH_URL is not set, PostgreSQL is the index; `reindex_running`: another reindex of the scope moved on meanwhile',
        },
      },
      handler: async ({ body, principal }) => {
        const eventId = body.eventId ?? null;
        if (eventId && !(await eventOfOrganization(db, eventId, actor(principal).organizationId)))
          throw notFound('event', eventId);
        const attendees = attendeeSearchIndex(config, db);
        const reports = reportSource(config, db).index;
        if (!attendees.external || !reports)
          throw conflict(
            'search_not_external',
            'ELASTICSEARCH_URL is not set: attendee search and reports read PostgreSQL itself, which needs no reindex.',
          );
        return {
          status: 200,
          body: await reindexStep(db, { attendees: attendees.index, reports }, eventId),
        };
      },
    }),
  ];
}
