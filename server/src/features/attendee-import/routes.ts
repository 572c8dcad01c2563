import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { EventIdParams, ImportBody, ImportResult, MAX_IMPORT_ROWS } from './schema.js';
import { importAttendees } from './service.js';

export function attendeeImportRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/attendees/import',
      operationId: 'importAttendees',
      summary: `Import up to ${MAX_IMPORT_ROWS} attendees as comp tickets in one transaction; rows already imported (same email and ticket type) are skipped`,
      tags: ['attendees'],
      auth: 'tickets:write',
      params: EventIdParams,
      body: ImportBody,
      responses: {
        200: {
          description: 'Counts, and one error per refused row naming its line',
          schema: ImportResult,
        },
        409: { description: '`event_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await importAttendees(db, actor(principal), params.eventId, body),
      }),
    }),
  ];
}
