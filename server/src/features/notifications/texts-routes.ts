import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import type { Links } from './links.js';
import {
  EventIdParams,
  MessagePreview,
  MessageTextBody,
  MessageTextList,
  MessageTextParams,
  MessageTextResult,
  MessageTextsQuery,
} from './schema.js';
import * as texts from './texts-service.js';

const tags = ['messages'];

/** An event's own subject and intro per kind of attendee mail (docs/notifications.md). */
export function messageTextRoutes(db: Db, links: Links, domain: string): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/message-texts',
      operationId: 'listMessageTexts',
      summary:
        'Each kind of attendee mail with the event’s own subject and intro in a language (null where the catalog’s apply) and the catalog’s, written with placeholders',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      query: MessageTextsQuery,
      responses: {
        200: { description: 'The texts', schema: MessageTextList },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await texts.listMessageTexts(db, actor(principal), params.eventId, query.lang),
      }),
    }),
    route({
      method: 'put',
      path: '/api/v1/events/{eventId}/message-texts/{kind}',
      operationId: 'saveMessageText',
      summary:
        'Set the event’s own subject and intro of a kind of mail, with {placeholders}; null or empty goes back to the catalog’s. Applies to mails queued from now on.',
      tags,
      auth: 'events:write',
      params: MessageTextParams,
      body: MessageTextBody,
      responses: {
        200: { description: 'The kind’s texts now', schema: MessageTextResult },
        400: { description: '`validation_failed`, `unknown_placeholder`' },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await texts.saveMessageText(db, actor(principal), params.eventId, params.kind, body),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/message-texts/{kind}/preview',
      operationId: 'previewMessageText',
      summary:
        'The mail of a kind with these texts, as the buyer of the event’s latest order would get it (example values where there is none)',
      tags,
      auth: 'events:write',
      params: MessageTextParams,
      body: MessageTextBody,
      responses: {
        200: { description: 'The rendered mail', schema: MessagePreview },
        400: { description: '`validation_failed`, `unknown_placeholder`' },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await texts.previewMessageText(
          db,
          actor(principal),
          params.eventId,
          params.kind,
          body,
          links,
          domain,
        ),
        headers: { 'Cache-Control': 'private, no-store' },
      }),
    }),
  ];
}
