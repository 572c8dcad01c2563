import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { EventIdParams } from './schema.js';
import { HoldsView, listHolds, ReleaseHoldsBody, ReleasedHolds, releaseHolds } from './holds.js';

const tags = ['orders'];
const PRIVATE = { 'Cache-Control': 'private, no-store' };

export function holdRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/holds',
      operationId: 'listHolds',
      summary:
        'Seats held by unpaid orders, by client address and by email, most first: a hoarder in a sale rush stands out',
      tags,
      auth: 'tickets:read',
      params: EventIdParams,
      responses: {
        200: { description: 'The holds', schema: HoldsView },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await listHolds(db, actor(principal), params.eventId),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/holds/release',
      operationId: 'releaseHolds',
      summary:
        'Cancel every unpaid order of one client address or one email; the seats go back on sale (the waitlist first)',
      tags,
      auth: 'tickets:write',
      params: EventIdParams,
      body: ReleaseHoldsBody,
      responses: {
        200: { description: 'What was released', schema: ReleasedHolds },
        400: { description: '`validation_failed`: name either clientIp or email' },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await releaseHolds(db, actor(principal), params.eventId, body),
        headers: PRIVATE,
      }),
    }),
  ];
}
