import type { Db } from '../../platform/db/db.js';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import type { Links } from './links.js';
import {
  Broadcast,
  BroadcastBody,
  BroadcastIdParams,
  BroadcastList,
  BroadcastPreview,
  EventIdParams,
  ListMessagesQuery,
  Message,
  MessageIdParams,
  MessageList,
  OrderIdParams,
  RetriedDead,
  RetryBody,
  RetryDeadBody,
  TicketsAgainAnswer,
  TicketsAgainBody,
} from './schema.js';
import * as service from './service.js';
import * as broadcasts from './broadcast-service.js';

const tags = ['messages'];
// The log names attendees and their addresses; never in shared caches.
const PRIVATE = { 'Cache-Control': 'private, no-store' };

const TICKETS_AGAIN_ANSWER = {
  status: 'accepted' as const,
  detail:
    'If this address registered for the event, a mail with the links to its tickets is on its way.',
};

export function notificationRoutes(
  db: Db,
  links: Links,
  limits: RateGate,
  domain: string,
): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/broadcasts/preview',
      operationId: 'previewBroadcast',
      summary:
        'Preview an organizer message: how many addresses it reaches, and the mail as the first of them gets it',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      body: BroadcastBody,
      responses: {
        200: { description: 'The preview', schema: BroadcastPreview },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await broadcasts.previewBroadcast(db, actor(principal), params.eventId, body, domain),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/broadcasts',
      operationId: 'createBroadcast',
      summary:
        'Send an organizer message to the event’s attendees (all, some ticket types, checked in or not), now or at `sendAt`; sent at a steady pace (NOTIFY_BULK_PER_SECOND) behind transactional mails',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      body: BroadcastBody,
      responses: {
        201: { description: 'The message, scheduled', schema: Broadcast },
        400: { description: '`validation_failed`, `send_at_past`' },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await broadcasts.createBroadcast(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/broadcasts',
      operationId: 'listBroadcasts',
      summary: 'The event’s organizer messages, newest first, with their progress',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      responses: { 200: { description: 'Organizer messages', schema: BroadcastList } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await broadcasts.listBroadcasts(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/broadcasts/{broadcastId}',
      operationId: 'getBroadcast',
      summary: 'An organizer message and its progress (messages queued, failed, sent, dead)',
      tags,
      auth: 'events:read',
      params: BroadcastIdParams,
      responses: {
        200: { description: 'The message', schema: Broadcast },
        404: { description: '`broadcast_not_found`' },
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await broadcasts.getBroadcast(db, actor(principal), params.broadcastId),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/messages',
      operationId: 'listMessages',
      summary:
        'The message log, newest first: every mail to an attendee with its status (queued, failed with the reason and the next attempt, sent with the provider’s id, dead). Filter by event, order, ticket (its order’s messages too) or status.',
      tags,
      auth: 'tickets:read',
      query: ListMessagesQuery,
      responses: { 200: { description: 'Messages', schema: MessageList } },
      handler: async ({ query, principal }) => ({
        status: 200,
        body: await service.listMessages(db, actor(principal), query),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/messages/{messageId}',
      operationId: 'getMessage',
      summary: 'One message of the log',
      tags,
      auth: 'tickets:read',
      params: MessageIdParams,
      responses: {
        200: { description: 'The message', schema: Message },
        404: { description: '`message_not_found`' },
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getMessage(db, actor(principal), params.messageId),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/messages/{messageId}/resend',
      operationId: 'resendMessage',
      summary: 'Send a message again, as a new message with the same content',
      tags,
      auth: 'tickets:write',
      params: MessageIdParams,
      responses: {
        202: { description: 'The new message, queued', schema: Message },
        404: { description: '`message_not_found`' },
      },
      handler: async ({ params, principal }) => ({
        status: 202,
        body: await service.resendMessage(db, actor(principal), params.messageId),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/messages/{messageId}/retry',
      operationId: 'retryMessage',
      summary:
        'Give a dead message a fresh round of attempts, to a corrected address when `to` is given',
      tags,
      auth: 'tickets:write',
      params: MessageIdParams,
      body: RetryBody,
      responses: {
        202: { description: 'The message, queued again', schema: Message },
        404: { description: '`message_not_found`' },
        409: { description: '`message_not_dead`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 202,
        body: await service.retryMessage(db, actor(principal), params.messageId, body?.to),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/messages/retry-dead',
      operationId: 'retryDeadMessages',
      summary: 'Retry every dead message (of one event when `eventId` is given)',
      tags,
      auth: 'tickets:write',
      body: RetryDeadBody,
      responses: {
        202: { description: 'How many were queued again', schema: RetriedDead },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ body, principal }) => ({
        status: 202,
        body: await service.retryAllDead(db, actor(principal), body?.eventId),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/orders/{orderId}/resend',
      operationId: 'resendOrder',
      summary: 'Send an order’s confirmation again, with its tickets as they are now',
      tags,
      auth: 'tickets:write',
      params: OrderIdParams,
      responses: {
        202: { description: 'The confirmation, queued', schema: Message },
        404: { description: '`order_not_found`' },
        409: { description: '`order_not_confirmed`' },
      },
      handler: async ({ params, principal }) => ({
        status: 202,
        body: await service.resendOrder(db, actor(principal), links, params.orderId),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/public/events/{eventId}/tickets-again',
      operationId: 'sendTicketsAgain',
      summary:
        '“Send me my tickets again”: mails the links of the address’s orders for the event. The answer is the same whether or not the address registered; rate limited per client and per address.',
      tags,
      auth: 'public',
      params: EventIdParams,
      body: TicketsAgainBody,
      responses: {
        202: {
          description: 'Accepted (whether or not a mail goes out)',
          schema: TicketsAgainAnswer,
        },
        429: { description: '`rate_limited`, with Retry-After' },
      },
      handler: async ({ params, body, req, res }) => {
        await limits.take(res, ['tickets-again-ip', clientIp(req)]);
        // Over the per-address limit the answer stays the same: it must not tell the address apart.
        const address = body.email.trim().toLowerCase();
        if (await limits.spare('tickets-again-address', `${params.eventId}:${address}`)) {
          await service.sendTicketsAgain(db, links, params.eventId, address);
        }
        return { status: 202, body: TICKETS_AGAIN_ANSWER };
      },
    }),
  ];
}
