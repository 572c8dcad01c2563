import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Identity } from '../identity/index.js';
import { actor } from '../identity/principal.js';
import { Registration } from '../registration/schema.js';
import { accessorFromRequest } from '../ticketing/accessor-from-request.js';
import { claimOffer } from './claim.js';
import {
  AccessKeyQuery,
  ClaimBody,
  EntryIdParams,
  EventIdParams,
  WaitlistEntry,
  WaitlistPage,
  WaitlistQuery,
} from './schema.js';
import { getEntry, leaveWaitlist, listWaitlist } from './service.js';

const tags = ['waitlist'];
const credential =
  'The entry’s access key (X-Access-Key header or ?key=), or a staff bearer token of the event’s organization';

export function waitlistRoutes(db: Db, identity: Identity): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/waitlist/{entryId}',
      operationId: 'getWaitlistEntry',
      summary: `Read a waitlist entry: status, place in line, offer expiry. ${credential} (events:read).`,
      tags,
      auth: 'public',
      params: EntryIdParams,
      query: AccessKeyQuery,
      responses: {
        200: { description: 'The entry', schema: WaitlistEntry },
        401: { description: '`missing_credential`' },
        404: { description: '`waitlist_entry_not_found`, also for a key of another entry' },
      },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'events:read', query.key);
        res.setHeader('cache-control', 'private, no-store');
        return { status: 200, body: await getEntry(db, who, params.entryId) };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/waitlist/{entryId}',
      operationId: 'leaveWaitlist',
      summary: `Leave the waitlist; an offered seat goes to the next in line. ${credential} (events:write).`,
      tags,
      auth: 'public',
      params: EntryIdParams,
      query: AccessKeyQuery,
      responses: {
        204: { description: 'Left (or had already left)' },
        401: { description: '`missing_credential`' },
        404: { description: '`waitlist_entry_not_found`' },
        409: { description: '`offer_already_claimed`: it is an order now' },
      },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'events:write', query.key);
        await leaveWaitlist(db, who, params.entryId);
        return { status: 204 };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/waitlist/{entryId}/claim',
      operationId: 'claimWaitlistOffer',
      summary: `Claim a waitlist offer: it becomes an order, confirmed when free, else pending payment with the seats held. ${credential} (events:write).`,
      tags,
      auth: 'public',
      params: EntryIdParams,
      query: AccessKeyQuery,
      body: ClaimBody,
      responses: {
        201: { description: 'The order the offer became', schema: Registration },
        400: { description: '`validation_failed`: answers to the event’s questions' },
        401: { description: '`missing_credential`' },
        404: { description: '`waitlist_entry_not_found`' },
        409: {
          description:
            '`offer_expired`, `offer_not_made` (still waiting), `offer_already_claimed`, `waitlist_entry_cancelled`, `sales_closed`, `email_limit_reached`',
        },
      },
      handler: async ({ params, query, body, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'events:write', query.key);
        return { status: 201, body: await claimOffer(db, who, params.entryId, body ?? {}) };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/waitlist',
      operationId: 'listWaitlist',
      summary: 'An event’s waitlist in line order, optionally of one ticket type or status',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      query: WaitlistQuery,
      responses: { 200: { description: 'A page of entries', schema: WaitlistPage } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await listWaitlist(db, actor(principal), params.eventId, query),
      }),
    }),
  ];
}
