import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ChangeSignal } from '../../platform/bus/change-signal.js';
import type { Db } from '../../platform/db/db.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import type { PublicEvent } from './schema.js';
import { getPublicEvent } from './service.js';

/**
 * How old the public event page's data (seats left, sale state, the event's texts) may be when a
 * replica answers it: each event is read at most once a second per replica, single-flight, so a
 * sale rush's page loads cost no database round trip each. A change that announces itself (a
 * sale, anything that enqueues an outbox message naming the event) drops the entry at once on
 * every replica (the change signal, over Redis pub/sub when REDIS_URL is set), typically within
 * 5–100 ms of the writer's commit; the rest (an organizer's edit, a hold expiring) shows within
 * this bound. Only what the page shows is cached: a registration decides on the database alone.
 */
export const PUBLIC_EVENT_MAX_AGE_MS = 1000;

/** The page's data as served: serialized once per read, with its ETag. */
export interface PublicEventCopy {
  event: PublicEvent;
  json: Buffer;
  etag: string;
}

export type PublicEvents = (eventId: string) => Promise<PublicEventCopy>;

export function cachedPublicEvents(
  db: Db,
  changes: Pick<ChangeSignal, 'onChange'> | undefined,
  now: () => number = Date.now,
): PublicEvents {
  const cache = new ExpiringCache<PublicEventCopy>(PUBLIC_EVENT_MAX_AGE_MS, 10_000, now);
  changes?.onChange((eventId) => cache.delete(eventId));
  // Serialized once per read, not once per request: at a rush's rate that is most of the work.
  return (eventId) =>
    cache.get(eventId, async () => {
      const event = await getPublicEvent(db, eventId);
      const json = Buffer.from(JSON.stringify(event));
      const etag = `W/"${createHash('sha1').update(json).digest('base64url')}"`;
      return { event, json, etag };
    });
}

// Organizer writes to what the public page shows: the event itself (edit, archive), its ticket
// types, questions, quotas, codes and images. Sales and refunds announce themselves through the outbox.
const SHOWN =
  /^\/api\/v1\/events\/([0-9a-f-]{36})(?:\/(?:archive|ticket-types|questions|quotas|promo-codes|images)(?:\/.*)?)?$/i;

/**
 * Announces an event as changed once such a write has answered (its transaction committed), so
 * the public page on every replica drops its cached copy then, not up to a second later.
 */
export function announcePublicChanges(changes: ChangeSignal): RequestHandler {
  return (req, res, next) => {
    const shown = req.method !== 'GET' && req.method !== 'HEAD' && SHOWN.exec(req.path);
    if (shown)
      res.on('finish', () => {
        if (res.statusCode < 300) changes.announce([shown[1]!.toLowerCase()]);
      });
    next();
  };
}
