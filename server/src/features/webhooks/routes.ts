import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import type { UrlRules } from './endpoint-policy.js';
import {
  AttemptList,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveryList,
  DeliveryParams,
  ReplayBody,
  Replayed,
  TestSent,
  UpdateWebhookBody,
  Webhook,
  WebhookIdParams,
  WebhookList,
  WebhookWithSecret,
} from './schema.js';
import * as service from './service.js';

const tags = ['webhooks'];
// Secrets and delivery logs are never for shared caches.
const PRIVATE = { 'Cache-Control': 'private, no-store' };
const NOT_FOUND = { description: '`webhook_not_found`' };

/** HTTP routes of outgoing webhooks; `nudge` wakes the dispatcher when something is queued. */
export function webhookRoutes(db: Db, rules: UrlRules, nudge: () => void): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/webhooks',
      operationId: 'createWebhook',
      summary:
        'Register a webhook endpoint for the organization (or one event). The answer carries the signing secret, shown only here and on rotation.',
      tags,
      auth: 'webhooks:write',
      body: CreateWebhookBody,
      responses: {
        201: { description: 'The endpoint and its secret', schema: WebhookWithSecret },
        400: {
          description:
            '`validation_failed`, `invalid_webhook_url`, `webhook_url_refused` (resolves to a loopback, private or link-local address)',
        },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ body, principal }) => ({
        status: 201,
        body: await service.createWebhook(db, actor(principal), rules, body),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/webhooks',
      operationId: 'listWebhooks',
      summary: "The organization's webhook endpoints",
      tags,
      auth: 'webhooks:read',
      responses: { 200: { description: 'Endpoints, oldest first', schema: WebhookList } },
      handler: async ({ principal }) => ({
        status: 200,
        body: { items: await service.listWebhooks(db, actor(principal)) },
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/webhooks/{webhookId}',
      operationId: 'getWebhook',
      summary: 'One webhook endpoint',
      tags,
      auth: 'webhooks:read',
      params: WebhookIdParams,
      responses: { 200: { description: 'The endpoint', schema: Webhook }, 404: NOT_FOUND },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getWebhook(db, actor(principal), params.webhookId),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/webhooks/{webhookId}',
      operationId: 'updateWebhook',
      summary:
        'Change the URL, event types or description, or disable and enable the endpoint (enabling clears the failure streak)',
      tags,
      auth: 'webhooks:write',
      params: WebhookIdParams,
      body: UpdateWebhookBody,
      responses: {
        200: { description: 'The endpoint', schema: Webhook },
        400: { description: '`validation_failed`, `invalid_webhook_url`, `webhook_url_refused`' },
        404: NOT_FOUND,
      },
      handler: async ({ params, body, principal }) => {
        const updated = await service.updateWebhook(
          db,
          actor(principal),
          rules,
          params.webhookId,
          body,
        );
        nudge();
        return { status: 200, body: updated, headers: PRIVATE };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/webhooks/{webhookId}',
      operationId: 'deleteWebhook',
      summary: 'Delete the endpoint with its deliveries and their log',
      tags,
      auth: 'webhooks:write',
      params: WebhookIdParams,
      responses: { 204: { description: 'Deleted' }, 404: NOT_FOUND },
      handler: async ({ params, principal }) => {
        await service.deleteWebhook(db, actor(principal), params.webhookId);
        return { status: 204 };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/webhooks/{webhookId}/rotate-secret',
      operationId: 'rotateWebhookSecret',
      summary:
        'A new signing secret. For 24 hours the old one stays valid: deliveries carry both signatures, space-separated.',
      tags,
      auth: 'webhooks:write',
      params: WebhookIdParams,
      responses: {
        200: { description: 'The endpoint and its new secret', schema: WebhookWithSecret },
        404: NOT_FOUND,
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.rotateSecret(db, actor(principal), params.webhookId),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/webhooks/{webhookId}/test',
      operationId: 'sendWebhookTest',
      summary: 'Send a `webhook.test` event to the endpoint',
      tags,
      auth: 'webhooks:write',
      params: WebhookIdParams,
      responses: { 202: { description: 'Queued', schema: TestSent }, 404: NOT_FOUND },
      handler: async ({ params, principal }) => {
        const sent = await service.sendTestEvent(db, actor(principal), params.webhookId);
        nudge();
        return { status: 202, body: sent };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/webhooks/{webhookId}/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: "The endpoint's deliveries, newest first, with the last attempt's answer",
      tags,
      auth: 'webhooks:read',
      params: WebhookIdParams,
      query: DeliveriesQuery,
      responses: { 200: { description: 'Deliveries', schema: DeliveryList }, 404: NOT_FOUND },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: {
          items: await service.listDeliveries(db, actor(principal), params.webhookId, query.limit),
        },
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/attempts',
      operationId: 'listWebhookAttempts',
      summary:
        'Every attempt of one delivery (kept 30 days): time, HTTP status, latency, the first 2 KB of the answer',
      tags,
      auth: 'webhooks:read',
      params: DeliveryParams,
      responses: {
        200: { description: 'Attempts, oldest first', schema: AttemptList },
        404: NOT_FOUND,
      },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: {
          items: await service.listAttempts(
            db,
            actor(principal),
            params.webhookId,
            params.deliveryId,
          ),
        },
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/replay',
      operationId: 'replayWebhookDelivery',
      summary: 'Send one delivery again (same webhook-id and body)',
      tags,
      auth: 'webhooks:write',
      params: DeliveryParams,
      responses: {
        202: { description: 'Queued', schema: Replayed },
        404: { description: '`webhook_not_found`, `delivery_not_found`' },
      },
      handler: async ({ params, principal }) => {
        const replayed = await service.replayDelivery(
          db,
          actor(principal),
          params.webhookId,
          params.deliveryId,
        );
        nudge();
        return { status: 202, body: replayed };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/webhooks/{webhookId}/replay',
      operationId: 'replayWebhookDeliveries',
      summary: 'Send again every delivery of the endpoint made since a time (after an outage)',
      tags,
      auth: 'webhooks:write',
      params: WebhookIdParams,
      body: ReplayBody,
      responses: { 202: { description: 'Queued', schema: Replayed }, 404: NOT_FOUND },
      handler: async ({ params, body, principal }) => {
        const replayed = await service.replaySince(
          db,
          actor(principal),
          params.webhookId,
          new Date(body.since),
        );
        nudge();
        return { status: 202, body: replayed };
      },
    }),
  ];
}
