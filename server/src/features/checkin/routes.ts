import { scanUploadResultSchema, scanUploadSchema } from '@lanyard/core';
import { route, type AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import type { CheckinAccess } from '../devices/checkin-access.js';
import { actor } from '../identity/principal.js';
import { may } from '../team/roles.js';
import { listFlags } from './flags.js';
import type { ListCache } from './list-cache.js';
import * as lists from './lists.js';
import { annulAdmission, ticketPassages, ticketToken } from './corrections.js';
import { checkIn, type CheckinDeps } from './online-checkin.js';
import { uploadScans } from './scan-upload.js';
import { checkinStats } from './stats.js';
import {
  AnnulBody,
  Annulment,
  PassageList,
  ScanParams,
  TicketParams,
  CheckinAnswer,
  CheckinBody,
  CheckinFlagList,
  CheckinStats,
  CheckinListBody,
  CheckinListCollection,
  CreateListBody,
  EventIdParams,
  FlagsQuery,
  ListParams,
  UpdateListBody,
} from './schema.js';

const tags = ['check-in'];
const NO_STORE = { 'Cache-Control': 'no-store' };

export function checkinRoutes(deps: CheckinDeps, access: CheckinAccess): AnyRoute[] {
  const { db } = deps;
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/checkins',
      operationId: 'checkIn',
      summary:
        'Check a scanned ticket in (or out) online: staff token with checkin, or a kiosk of this event. Garbage is answered `invalid`, never refused.',
      tags,
      auth: 'checkin',
      params: EventIdParams,
      body: CheckinBody,
      responses: {
        200: { description: 'The decision, with what the screen shows', schema: CheckinAnswer },
        401: { description: '`device_revoked`' },
        403: { description: '`device_not_for_event`' },
        404: {
          description: '`event_not_found`, `checkin_list_not_found`, `ticket_not_found` (ticketId)',
        },
      },
      handler: async ({ params, body, principal }) => {
        const eventId = params.eventId.toLowerCase();
        const caller = await access.callerFor(actor(principal), eventId);
        const { ticketId, token, ...rest } = body;
        const answer =
          ticketId === undefined
            ? await checkIn(deps, caller, eventId, { ...rest, token: token! })
            : await checkIn(
                deps,
                caller,
                eventId,
                { ...rest, token: await ticketToken(db, eventId, ticketId) },
                { manual: true },
              );
        return { status: 200, body: answer, headers: NO_STORE };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/scans/{scanId}/annul',
      operationId: 'annulScan',
      summary:
        'Annul a wrong check-in: the admission stops counting, so the ticket may enter again; kiosks hear of it through sync. Door staff and kiosks may annul within 15 minutes of the scan, organizers any time.',
      tags,
      auth: 'checkin',
      params: ScanParams,
      body: AnnulBody,
      responses: {
        200: { description: 'The annulment (repeated when made before)', schema: Annulment },
        403: { description: '`annul_window_passed`' },
        404: { description: '`scan_not_found` (also for another event’s scan)' },
        409: { description: '`not_an_admission`: the scan let nobody in or out' },
      },
      handler: async ({ params, body, principal }) => {
        const eventId = params.eventId.toLowerCase();
        const p = actor(principal);
        const caller = await access.callerFor(p, eventId);
        // Organizers (who may change the event) annul any time; door staff and kiosks briefly.
        const organizer =
          caller.kind === 'staff' &&
          p.scopes.has('events:write') &&
          (!p.reach || may(p.reach, eventId, 'manage'));
        const annulment = await annulAdmission(
          deps,
          p,
          caller,
          organizer,
          eventId,
          params.scanId.toLowerCase(),
          body,
        );
        return { status: 200, body: annulment, headers: NO_STORE };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/tickets/{ticketId}/passages',
      operationId: 'listTicketPassages',
      summary:
        'Every scan of a ticket, newest first: where and when it went in or out, made by hand or annulled',
      tags,
      auth: 'checkin',
      params: TicketParams,
      responses: {
        200: { description: 'The scans', schema: PassageList },
        404: { description: '`ticket_not_found`' },
      },
      handler: async ({ params, principal }) => {
        const eventId = params.eventId.toLowerCase();
        await access.callerFor(actor(principal), eventId);
        const items = await ticketPassages(db, eventId, params.ticketId.toLowerCase());
        return { status: 200, body: { items }, headers: NO_STORE };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/scans',
      operationId: 'uploadScans',
      summary:
        'Upload scans a kiosk made (offline): each scanId is applied once; offline duplicates are flagged',
      tags,
      auth: 'checkin',
      params: EventIdParams,
      body: scanUploadSchema,
      responses: {
        200: {
          description: 'One outcome per scan, in the order sent',
          schema: scanUploadResultSchema,
        },
        403: { description: '`device_mismatch`: a device uploads only its own scans' },
      },
      handler: async ({ params, body, principal }) => {
        const eventId = params.eventId.toLowerCase();
        const caller = await access.callerFor(actor(principal), eventId);
        return {
          status: 200,
          body: await uploadScans(deps, caller, eventId, body),
          headers: NO_STORE,
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/checkin-flags',
      operationId: 'listCheckinFlags',
      summary: 'Admissions an offline device let in although the entry rule forbade them',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      query: FlagsQuery,
      responses: { 200: { description: 'The flagged scans', schema: CheckinFlagList } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: {
          items: await listFlags(db, actor(principal), params.eventId.toLowerCase(), query.limit),
        },
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/checkin-stats',
      operationId: 'getCheckinStats',
      summary:
        'Check-in progress: valid tickets admitted of all, for the event, each check-in list and each gate',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      responses: {
        200: { description: 'The figures, read in one snapshot', schema: CheckinStats },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await checkinStats(db, actor(principal), params.eventId.toLowerCase()),
        headers: NO_STORE,
      }),
    }),
    ...listRoutes(db, deps.lists),
  ];
}

function listRoutes(db: Db, cache: ListCache): AnyRoute[] {
  const path = '/api/v1/events/{eventId}/checkin-lists';
  return [
    route({
      method: 'get',
      path,
      operationId: 'listCheckinLists',
      summary: "An event's check-in lists by name (its default list while it has none)",
      tags,
      auth: 'events:read',
      params: EventIdParams,
      responses: { 200: { description: 'The lists', schema: CheckinListCollection } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: { items: await lists.listLists(db, actor(principal), params.eventId.toLowerCase()) },
      }),
    }),
    route({
      method: 'post',
      path,
      operationId: 'createCheckinList',
      summary: 'Create a check-in list: ticket types (null = all), window, entry rule, gates',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      body: CreateListBody,
      responses: {
        201: { description: 'The list', schema: CheckinListBody },
        409: { description: '`checkin_list_exists`, `gate_taken`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await lists.createList(
          db,
          cache,
          actor(principal),
          params.eventId.toLowerCase(),
          body,
        ),
      }),
    }),
    route({
      method: 'get',
      path: `${path}/{listId}`,
      operationId: 'getCheckinList',
      summary: 'Get a check-in list',
      tags,
      auth: 'events:read',
      params: ListParams,
      responses: { 200: { description: 'The list', schema: CheckinListBody } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await lists.getList(
          db,
          actor(principal),
          params.eventId.toLowerCase(),
          params.listId.toLowerCase(),
        ),
      }),
    }),
    route({
      method: 'patch',
      path: `${path}/{listId}`,
      operationId: 'updateCheckinList',
      summary: 'Change some fields of a check-in list',
      tags,
      auth: 'events:write',
      params: ListParams,
      body: UpdateListBody,
      responses: { 200: { description: 'The list', schema: CheckinListBody } },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await lists.updateList(
          db,
          cache,
          actor(principal),
          params.eventId.toLowerCase(),
          params.listId.toLowerCase(),
          body,
        ),
      }),
    }),
    route({
      method: 'delete',
      path: `${path}/{listId}`,
      operationId: 'deleteCheckinList',
      summary: 'Delete a check-in list (its scans stay); without lists the default list is back',
      tags,
      auth: 'events:write',
      params: ListParams,
      responses: { 204: { description: 'Deleted' } },
      handler: async ({ params, principal }) => {
        await lists.deleteList(
          db,
          cache,
          actor(principal),
          params.eventId.toLowerCase(),
          params.listId.toLowerCase(),
        );
        return { status: 204 };
      },
    }),
  ];
}
