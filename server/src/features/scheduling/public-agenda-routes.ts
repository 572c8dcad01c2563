import { z } from 'zod';
import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { SalesStreams } from '../sales/stream.js';
import { sendFeed } from './feed-response.js';
import { diffSince, publicAgenda } from './public-agenda.js';
import { DiffOut, EventParams } from './schema.js';
import type { PublicFeeds } from './service.js';
import { SEATS_TTL_MS, type SeatCache } from './seats.js';
import * as store from './store.js';

const tags = ['schedule'];
const path = '/api/v1/public/events/{eventId}/agenda';

const AgendaQuery = z.strictObject({
  since: z.coerce
    .number({ message: 'must be a release number' })
    .int('must be a release number')
    .min(0, 'must be a release number')
    .optional(),
});

const PublicAgendaOut = z.object({
  eventId: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  version: z.number(),
  releasedAt: z.string(),
  comment: z.string(),
  rooms: z.array(z.object({ id: z.uuid(), name: z.string(), capacity: z.number().nullable() })),
  tracks: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string().nullable() })),
  speakers: z.array(z.object({ id: z.uuid(), name: z.string(), bio: z.string().nullable() })),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      abstract: z.string().nullable(),
      kind: z.string(),
      speakerIds: z.array(z.uuid()),
      trackId: z.uuid().nullable(),
      language: z.string().nullable(),
      signupCapacity: z.number().nullable(),
      status: z.enum(['unconfirmed', 'confirmed', 'cancelled']),
    }),
  ),
  slots: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['session', 'break']),
      sessionId: z.uuid().nullable(),
      roomId: z.uuid().nullable(),
      startsAt: z.string(),
      endsAt: z.string(),
      title: z.string().nullable(),
    }),
  ),
  changes: z.object({ since: z.number(), diff: DiffOut }),
});

const SeatsOut = z.object({
  sessions: z.array(z.object({ sessionId: z.uuid(), capacity: z.number(), left: z.number() })),
});

/** The attendee portal's agenda: the latest release with ids, its live stream, seats left. */
export function publicAgendaRoutes(
  db: Db,
  feeds: PublicFeeds,
  streams: SalesStreams,
  seats: SeatCache,
): AnyRoute[] {
  return [
    route({
      method: 'get',
      path,
      operationId: 'getPublicAgenda',
      summary:
        'The latest released schedule for the attendee portal: rooms, tracks, speakers (no emails), sessions and slots with ids, and `changes`: the diff from release `since` (default: the one before) to this one',
      tags,
      auth: 'public',
      params: EventParams,
      query: AgendaQuery,
      responses: {
        200: {
          description: 'The agenda (ETag: answers If-None-Match with 304)',
          schema: PublicAgendaOut,
        },
        304: { description: 'Unchanged since the ETag sent' },
        404: { description: '`released_schedule_not_found` before the first release' },
      },
      handler: async ({ params, query, req, res }) => {
        const { eventId } = params;
        // Clamped to the latest release, so odd values share one cached rendering.
        const latestVersion = (await feeds.latest(eventId)) ?? 0;
        const asked = query.since === undefined ? 'prev' : Math.min(query.since, latestVersion);
        const feed = await feeds(eventId, `agenda-${asked}`, async (event, latest) => {
          const since = asked === 'prev' ? latest.version - 1 : asked;
          const older =
            since > 0 && since < latest.version - 1
              ? ((await store.findRelease(db, eventId, since))?.program ?? null)
              : null;
          return JSON.stringify(
            publicAgenda(event, latest, since, diffSince(latest, since, older)),
          );
        });
        // Revalidated on every load (a 304 is cheap): the live stream says when to load again.
        return sendFeed(req, res, feed, 'application/json; charset=utf-8', 'no-cache');
      },
    }),
    route({
      method: 'get',
      path: `${path}/seats`,
      operationId: 'getPublicAgendaSeats',
      summary:
        'Seats left in each session with signup (`left` 0: full, a signup joins the waitlist); at most a few seconds old',
      tags,
      auth: 'public',
      params: EventParams,
      responses: { 200: { description: 'The sessions with signup', schema: SeatsOut } },
      handler: async ({ params }) => ({
        status: 200,
        body: { sessions: await seats.get(params.eventId) },
        headers: { 'cache-control': `public, max-age=${SEATS_TTL_MS / 1000}` },
      }),
    }),
    route({
      method: 'get',
      path: `${path}/stream`,
      operationId: 'streamPublicAgenda',
      summary:
        'Server-Sent Events: a `release` event `{version}` at once (null before the first release), then one each time a new release is made; a comment every 15 s',
      tags,
      auth: 'public',
      params: EventParams,
      responses: {
        200: {
          description: 'text/event-stream; each `data:` line is `{version}`',
          schema: z.object({ version: z.number().nullable() }),
          contentType: 'text/event-stream',
        },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, res }) => {
        await streams.serve(res, '', params.eventId);
        return undefined;
      },
    }),
  ];
}
