import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import {
  CreateQuotaBody,
  IncludeArchivedQuery,
  Quota,
  QuotaList,
  QuotaListParams,
  QuotaParams,
  UpdateQuotaBody,
} from './schema.js';
import * as service from './service.js';

const tags = ['quotas'];

export function quotaRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/quotas',
      operationId: 'createQuota',
      summary: 'Create a quota: seats shared by several ticket types',
      tags,
      auth: 'events:write',
      params: QuotaListParams,
      body: CreateQuotaBody,
      responses: {
        201: { description: 'The quota', schema: Quota },
        409: { description: '`size_below_used`, `duplicate_quota_name`, `event_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.createQuota(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/quotas',
      operationId: 'listQuotas',
      summary: 'List an event’s quotas with size, used and available seats',
      tags,
      auth: 'events:read',
      params: QuotaListParams,
      query: IncludeArchivedQuery,
      responses: { 200: { description: 'The quotas', schema: QuotaList } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.listQuotas(db, actor(principal), params.eventId, query.includeArchived),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/quotas/{quotaId}',
      operationId: 'getQuota',
      summary: 'Get a quota',
      tags,
      auth: 'events:read',
      params: QuotaParams,
      responses: { 200: { description: 'The quota', schema: Quota } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getQuota(db, actor(principal), params.eventId, params.quotaId),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/events/{eventId}/quotas/{quotaId}',
      operationId: 'updateQuota',
      summary:
        'Rename, resize or change the ticket types of a quota (a joining type brings its sold and held seats)',
      tags,
      auth: 'events:write',
      params: QuotaParams,
      body: UpdateQuotaBody,
      responses: {
        200: { description: 'The changed quota', schema: Quota },
        409: { description: '`size_below_used`, `duplicate_quota_name`, `quota_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.updateQuota(db, actor(principal), params.eventId, params.quotaId, body),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/quotas/{quotaId}/archive',
      operationId: 'archiveQuota',
      summary: 'Archive a quota (its ticket types are no longer bounded by it)',
      tags,
      auth: 'events:write',
      params: QuotaParams,
      responses: { 200: { description: 'The archived quota', schema: Quota } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.archiveQuota(db, actor(principal), params.eventId, params.quotaId),
      }),
    }),
  ];
}
