import type { ZodType } from 'zod';
import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import type { Logger } from '../../platform/log.js';
import { agendaRoutes } from './agenda-routes.js';
import { sendFeed } from './feed-response.js';
import { publicAgendaRoutes } from './public-agenda-routes.js';
import { SeatCache } from './seats.js';
import { releaseStreams } from './release-stream.js';
import { frabJson, frabXml } from './frab-export.js';
import { FrabScheduleDoc } from './frab-import.js';
import { scheduleIcs } from './ics-feed.js';
import {
  ConflictsOut,
  CreateRoomBody,
  CreateSessionBody,
  CreateSlotBody,
  CreateSpeakerBody,
  CreateTrackBody,
  DiffQuery,
  DiffResultOut,
  DraftOut,
  EventParams,
  ItemParams,
  ReleaseBody,
  ReleaseOut,
  ReleaseSummaryOut,
  ResetBody,
  RoomOut,
  SessionOut,
  SeveritiesBody,
  SlotOut,
  SpeakerOut,
  TrackOut,
  UpdateRoomBody,
  UpdateSessionBody,
  UpdateSlotBody,
  UpdateSpeakerBody,
  UpdateTrackBody,
  VersionParams,
} from './schema.js';
import * as service from './service.js';
import type { EventInfo, ItemKind, ReleaseRow } from './store.js';

const tags = ['schedule'];
const base = '/api/v1/events/{eventId}/schedule';

interface Kind {
  kind: ItemKind;
  one: string;
  create: ZodType;
  update: ZodType;
  out: ZodType;
}

const KINDS: Kind[] = [
  { kind: 'rooms', one: 'Room', create: CreateRoomBody, update: UpdateRoomBody, out: RoomOut },
  { kind: 'tracks', one: 'Track', create: CreateTrackBody, update: UpdateTrackBody, out: TrackOut },
  {
    kind: 'speakers',
    one: 'Speaker',
    create: CreateSpeakerBody,
    update: UpdateSpeakerBody,
    out: SpeakerOut,
  },
  {
    kind: 'sessions',
    one: 'Session',
    create: CreateSessionBody,
    update: UpdateSessionBody,
    out: SessionOut,
  },
  { kind: 'slots', one: 'Slot', create: CreateSlotBody, update: UpdateSlotBody, out: SlotOut },
];

/** List, create, read, change and delete one kind of draft item. */
function itemRoutes(db: Db, k: Kind): AnyRoute[] {
  const path = `${base}/${k.kind}`;
  const refs = '400 `unknown_reference` when an id is not the event’s';
  return [
    route({
      method: 'get',
      path,
      operationId: `listSchedule${k.one}s`,
      summary: `The draft’s ${k.kind}`,
      tags,
      auth: 'events:read',
      params: EventParams,
      responses: { 200: { description: `The ${k.kind}` } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.listItems(db, actor(principal), params.eventId, k.kind),
      }),
    }),
    route({
      method: 'post',
      path,
      operationId: `createSchedule${k.one}`,
      summary: `Add a ${k.one.toLowerCase()} to the draft`,
      tags,
      auth: 'events:write',
      params: EventParams,
      body: k.create,
      responses: {
        201: { description: `The ${k.one.toLowerCase()}`, schema: k.out },
        409: { description: '`duplicate_name`' },
        400: { description: refs },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.createItem(
          db,
          actor(principal),
          params.eventId,
          k.kind,
          body as Record<string, unknown>,
        ),
      }),
    }),
    route({
      method: 'get',
      path: `${path}/{id}`,
      operationId: `getSchedule${k.one}`,
      summary: `One ${k.one.toLowerCase()} of the draft`,
      tags,
      auth: 'events:read',
      params: ItemParams,
      responses: { 200: { description: `The ${k.one.toLowerCase()}`, schema: k.out } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getItem(db, actor(principal), params.eventId, k.kind, params.id),
      }),
    }),
    route({
      method: 'patch',
      path: `${path}/{id}`,
      operationId: `updateSchedule${k.one}`,
      summary: `Change fields of a ${k.one.toLowerCase()} in the draft`,
      tags,
      auth: 'events:write',
      params: ItemParams,
      body: k.update,
      responses: {
        200: { description: `The changed ${k.one.toLowerCase()}`, schema: k.out },
        400: { description: refs },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.updateItem(
          db,
          actor(principal),
          params.eventId,
          k.kind,
          params.id,
          body as Record<string, unknown>,
        ),
      }),
    }),
    route({
      method: 'delete',
      path: `${path}/{id}`,
      operationId: `deleteSchedule${k.one}`,
      summary:
        k.kind === 'sessions'
          ? 'Delete a session never released (a released one is cancelled instead: 409 `session_released`)'
          : `Remove a ${k.one.toLowerCase()} from the draft`,
      tags,
      auth: 'events:write',
      params: ItemParams,
      responses: { 204: { description: 'Deleted' } },
      handler: async ({ params, principal }) => {
        await service.deleteItem(db, actor(principal), params.eventId, k.kind, params.id);
        return { status: 204 };
      },
    }),
  ];
}

export function scheduleRoutes(db: Db, publicUrl: string, log: Logger): AnyRoute[] {
  const feeds = service.publicFeeds(db);
  const seats = new SeatCache(db);
  const streams = releaseStreams(db, log);
  const feed = (
    ext: 'ics' | 'xml' | 'json',
    contentType: string,
    render: (event: EventInfo, release: ReleaseRow) => string,
  ) =>
    route({
      method: 'get',
      path: `/api/v1/events/{eventId}/schedule.${ext}`,
      operationId: `scheduleFeed${ext.toUpperCase()}`,
      summary:
        ext === 'ics'
          ? 'The released schedule as iCalendar: one VEVENT per session slot, UID stable across releases'
          : `The released schedule in the frab/pretalx schedule.${ext} format`,
      tags,
      auth: 'public',
      params: EventParams,
      responses: {
        200: {
          description: 'The latest release (ETag: answers If-None-Match with 304)',
          contentType,
        },
        304: { description: 'Unchanged since the ETag sent' },
        404: { description: '`released_schedule_not_found` before the first release' },
      },
      handler: async ({ params, req, res }) =>
        sendFeed(
          req,
          res,
          await feeds(params.eventId, ext, render),
          contentType,
          'public, max-age=60',
        ),
    });
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/schedule/releases.atom',
      operationId: 'scheduleReleasesAtom',
      summary:
        'The schedule’s releases as an Atom feed: one entry per release (newest 50), its comment and what changed',
      tags,
      auth: 'public',
      params: EventParams,
      responses: {
        200: {
          description: 'The feed (ETag: answers If-None-Match with 304)',
          contentType: 'application/atom+xml',
        },
        304: { description: 'Unchanged since the ETag sent' },
        404: { description: '`released_schedule_not_found` before the first release' },
      },
      handler: async ({ params, req, res }) =>
        sendFeed(
          req,
          res,
          await service.releasesFeed(db, params.eventId, publicUrl),
          'application/atom+xml; charset=utf-8',
          'public, max-age=60',
        ),
    }),
    ...KINDS.flatMap((k) => itemRoutes(db, k)),
    ...agendaRoutes(db, publicUrl, seats),
    ...publicAgendaRoutes(db, feeds, streams, seats),
    route({
      method: 'get',
      path: `${base}/draft`,
      operationId: 'getScheduleDraft',
      summary: 'The whole draft with its conflicts and release checklist',
      tags,
      auth: 'events:read',
      params: EventParams,
      responses: { 200: { description: 'The draft', schema: DraftOut } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getDraft(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'get',
      path: `${base}/conflicts`,
      operationId: 'getScheduleConflicts',
      summary: 'Conflicts of the draft, the severity of each kind, and the release checklist',
      tags,
      auth: 'events:read',
      params: EventParams,
      responses: { 200: { description: 'Conflicts', schema: ConflictsOut } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getConflicts(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'patch',
      path: `${base}/severities`,
      operationId: 'setScheduleSeverities',
      summary: 'Set block / warn / ignore per conflict kind',
      tags,
      auth: 'events:write',
      params: EventParams,
      body: SeveritiesBody,
      responses: {
        200: { description: 'Conflicts under the new severities', schema: ConflictsOut },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.setSeverities(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'post',
      path: `${base}/releases`,
      operationId: 'releaseSchedule',
      summary: 'Freeze the draft as the next release, with a comment',
      tags,
      auth: 'events:write',
      params: EventParams,
      body: ReleaseBody,
      responses: {
        201: { description: 'The release and its diff against the previous one' },
        409: { description: '`schedule_not_ready` (blocking conflicts, or the checklist)' },
      },
      handler: async ({ params, body, principal }) => {
        const release = await service.release(db, actor(principal), params.eventId, body);
        feeds.released(params.eventId);
        // Other replicas hear of it through the change signal (the release's outbox message).
        streams.wake(params.eventId);
        return { status: 201, body: release };
      },
    }),
    route({
      method: 'get',
      path: `${base}/releases`,
      operationId: 'listScheduleReleases',
      summary: 'The releases, oldest first, with counts of their changes',
      tags,
      auth: 'events:read',
      params: EventParams,
      responses: { 200: { description: 'Releases', schema: ReleaseSummaryOut.array() } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.listReleases(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'get',
      path: `${base}/releases/{version}`,
      operationId: 'getScheduleRelease',
      summary: 'One release: its program as frozen and its diff',
      tags,
      auth: 'events:read',
      params: VersionParams,
      responses: { 200: { description: 'The release', schema: ReleaseOut } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getRelease(db, actor(principal), params.eventId, params.version),
      }),
    }),
    route({
      method: 'get',
      path: `${base}/diff`,
      operationId: 'diffScheduleReleases',
      summary: 'What changed between two releases (default: the latest against the one before)',
      tags,
      auth: 'events:read',
      params: EventParams,
      query: DiffQuery,
      responses: { 200: { description: 'The diff', schema: DiffResultOut } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.diffReleases(db, actor(principal), params.eventId, query),
      }),
    }),
    route({
      method: 'post',
      path: `${base}/draft/reset`,
      operationId: 'resetScheduleDraft',
      summary: 'Make the draft what a release was',
      tags,
      auth: 'events:write',
      params: EventParams,
      body: ResetBody,
      responses: { 200: { description: 'The draft', schema: DraftOut } },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.resetDraft(db, actor(principal), params.eventId, body.version),
      }),
    }),
    route({
      method: 'post',
      path: `${base}/import`,
      operationId: 'importSchedule',
      summary:
        'Import a pretalx/frab schedule.json export into the draft (rooms, tracks, speakers, sessions and their slots); a second import of the same file changes nothing',
      tags,
      auth: 'events:write',
      params: EventParams,
      body: FrabScheduleDoc,
      responses: {
        200: {
          description:
            'Counts: `rooms`, `tracks`, `speakers`, `sessions` in the file; `created`, `updated`, `unchanged`',
        },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.importSchedule(db, actor(principal), params.eventId, body),
      }),
    }),
    feed('ics', 'text/calendar; charset=utf-8', scheduleIcs),
    feed('xml', 'application/xml; charset=utf-8', (event, release) =>
      frabXml(event, release, publicUrl),
    ),
    feed('json', 'application/json; charset=utf-8', (event, release) =>
      JSON.stringify(frabJson(event, release, publicUrl)),
    ),
  ];
}
