import type { Db } from '../../platform/db/db.js';
import type { Config } from '../../platform/config.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { attendeeSearchIndex } from './index-choice.js';
import { AttendeeSearchQuery, AttendeeSearchResult, EventIdParams } from './schema.js';
import { searchAttendees } from './service.js';

export function attendeeSearchRoutes(db: Db, config: Pick<Config, 'elasticsearchUrl'>): AnyRoute[] {
  const { index } = attendeeSearchIndex(config, db);
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/attendees',
      operationId: 'searchAttendees',
      summary:
        'Find an event’s attendees by name (typo-tolerant), email (exact) or ticket id (exact or prefix), best match first',
      tags: ['tickets'],
      auth: 'tickets:read',
      params: EventIdParams,
      query: AttendeeSearchQuery,
      responses: {
        200: { description: 'Matching tickets, best first', schema: AttendeeSearchResult },
        404: { description: '`event_not_found`: no such event in the caller’s organization' },
      },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await searchAttendees(db, index, actor(principal), params.eventId, query),
        // Attendee names and emails must not sit in shared caches.
        headers: { 'Cache-Control': 'private, no-store' },
      }),
    }),
  ];
}
