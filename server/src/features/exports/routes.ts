import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { ExportParams, ExportQuery } from './schema.js';
import { prepareExport, streamExport } from './service.js';

export function exportRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/exports/{kind}',
      operationId: 'exportEventData',
      summary:
        'Stream an event’s attendees (one row per ticket) or orders as CSV (formula-safe cells) or a JSON array',
      tags: ['exports'],
      auth: 'tickets:read',
      params: ExportParams,
      query: ExportQuery,
      responses: {
        200: { description: 'The rows, oldest first', contentType: 'text/csv' },
        409: {
          description: '`export_unavailable` (check-ins are not recorded by this server yet)',
        },
      },
      handler: async ({ params, query, principal, res }) => {
        const kind = await prepareExport(db, actor(principal), params.eventId, params.kind);
        try {
          await streamExport(db, params.eventId, kind, query.format, res);
        } catch {
          // Headers are gone; cutting the connection tells the client the export is incomplete.
          res.destroy();
        }
        return undefined;
      },
    }),
  ];
}
