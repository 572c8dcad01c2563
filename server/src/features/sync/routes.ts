import { syncPageSchema } from '@lanyard/core';
import { z } from 'zod';
import { route, type AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import type { CheckinAccess } from '../devices/checkin-access.js';
import { actor } from '../identity/principal.js';
import type { ChangeWatcher } from './change-watcher.js';
import { feedPage } from './feed.js';
import { canSeePersonalData } from '../team/personal-data.js';
import { withoutEmails } from './render.js';

const SyncQuery = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(5000, 'must be at most 5000')
    .default(1000),
  /** Seconds to hold the request while there is nothing new (long-poll). */
  wait: z.coerce
    .number({ message: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(0, 'must not be negative')
    .max(60, 'must be at most 60')
    .default(0),
});

export function syncRoutes(db: Db, access: CheckinAccess, watcher: ChangeWatcher): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/sync',
      operationId: 'syncEvent',
      summary:
        'The kiosk change feed: no cursor pages through a snapshot; a cursor returns the changes after it. `wait=N` holds the request up to N seconds until something changes.',
      tags: ['sync'],
      auth: 'checkin',
      params: z.strictObject({ eventId: z.uuid({ message: 'must be a UUID' }) }),
      query: SyncQuery,
      responses: {
        200: { description: 'One page of changes', schema: syncPageSchema },
        400: { description: '`invalid_cursor`' },
      },
      handler: async ({ params, query, principal, res }) => {
        const eventId = params.eventId.toLowerCase();
        await access.callerFor(actor(principal), eventId);
        let result = await feedPage(db, eventId, query.cursor, query.limit);
        if (result.idleAfter !== undefined && query.wait > 0) {
          const gone = new AbortController();
          const onClose = () => gone.abort();
          res.once('close', onClose);
          try {
            await watcher.wait(eventId, result.idleAfter, query.wait * 1000, gone.signal);
          } finally {
            res.off('close', onClose);
          }
          if (gone.signal.aborted) return undefined;
          result = await feedPage(db, eventId, query.cursor, query.limit);
        }
        const page = canSeePersonalData(actor(principal), eventId)
          ? result.page
          : withoutEmails(result.page);
        return { status: 200, body: page, headers: { 'Cache-Control': 'no-store' } };
      },
    }),
  ];
}
