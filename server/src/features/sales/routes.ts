import { route, type AnyRoute } from '../../http/route.js';
import { EventIdParams } from '../events/schema.js';
import { SalesSnapshot } from './schema.js';
import type { SalesStreams } from './stream.js';

export function salesRoutes(streams: SalesStreams): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/sales/stream',
      operationId: 'streamSales',
      summary:
        'Server-Sent Events: a `sales` event with the figures at once, then one each time they change; a comment every 15 s',
      tags: ['sales'],
      auth: 'events:read',
      params: EventIdParams,
      responses: {
        200: {
          description: 'text/event-stream; each `data:` line is a snapshot',
          schema: SalesSnapshot,
          contentType: 'text/event-stream',
        },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, principal, res }) => {
        await streams.serve(res, principal!.organizationId, params.eventId);
        return undefined;
      },
    }),
  ];
}
