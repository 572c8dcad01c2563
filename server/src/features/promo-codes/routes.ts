import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import {
  CreatePromoCodeBody,
  IncludeArchivedQuery,
  PromoCode,
  PromoCodeList,
  PromoCodeListParams,
  PromoCodeParams,
  UpdatePromoCodeBody,
} from './schema.js';
import * as service from './service.js';

const tags = ['promo-codes'];

export function promoCodeRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/promo-codes',
      operationId: 'createPromoCode',
      summary: 'Create a promo code (percent or fixed off, optional max uses and validity window)',
      tags,
      auth: 'events:write',
      params: PromoCodeListParams,
      body: CreatePromoCodeBody,
      responses: {
        201: { description: 'The promo code', schema: PromoCode },
        409: { description: '`duplicate_promo_code`, `event_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.createPromoCode(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/promo-codes',
      operationId: 'listPromoCodes',
      summary: 'List an event’s promo codes with their uses',
      tags,
      auth: 'events:read',
      params: PromoCodeListParams,
      query: IncludeArchivedQuery,
      responses: { 200: { description: 'The promo codes', schema: PromoCodeList } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.listPromoCodes(
          db,
          actor(principal),
          params.eventId,
          query.includeArchived,
        ),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/promo-codes/{promoCodeId}',
      operationId: 'getPromoCode',
      summary: 'Get a promo code',
      tags,
      auth: 'events:read',
      params: PromoCodeParams,
      responses: { 200: { description: 'The promo code', schema: PromoCode } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getPromoCode(db, actor(principal), params.eventId, params.promoCodeId),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/events/{eventId}/promo-codes/{promoCodeId}',
      operationId: 'updatePromoCode',
      summary: 'Change some fields of a promo code (they apply to orders from now on)',
      tags,
      auth: 'events:write',
      params: PromoCodeParams,
      body: UpdatePromoCodeBody,
      responses: {
        200: { description: 'The changed promo code', schema: PromoCode },
        409: {
          description: '`max_uses_below_uses`, `duplicate_promo_code`, `promo_code_archived`',
        },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.updatePromoCode(
          db,
          actor(principal),
          params.eventId,
          params.promoCodeId,
          body,
        ),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/promo-codes/{promoCodeId}/archive',
      operationId: 'archivePromoCode',
      summary: 'Archive a promo code (refused from now on; the code can be reused)',
      tags,
      auth: 'events:write',
      params: PromoCodeParams,
      responses: { 200: { description: 'The archived promo code', schema: PromoCode } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.archivePromoCode(
          db,
          actor(principal),
          params.eventId,
          params.promoCodeId,
        ),
      }),
    }),
  ];
}
