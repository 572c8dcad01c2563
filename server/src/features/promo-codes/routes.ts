import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { csvLine } from '../exports/csv-cells.js';
import {
  CreatePromoCodeBody,
  ExportPromoCodesQuery,
  GeneratePromoCodesBody,
  IncludeArchivedQuery,
  PromoCode,
  PromoCodeList,
  PromoCodeListParams,
  PromoCodeParams,
  UpdatePromoCodeBody,
} from './schema.js';
import * as service from './service.js';

const tags = ['promo-codes'];

const CSV_COLUMNS = [
  'code',
  'discount_kind',
  'discount_value',
  'max_uses',
  'uses',
  'valid_from',
  'valid_until',
  'ticket_type_ids',
  'reserved_seats',
  'reserve_left',
];

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
      method: 'post',
      path: '/api/v1/events/{eventId}/promo-codes/generate',
      operationId: 'generatePromoCodes',
      summary:
        'Create many access codes at once: prefix + 8 random letters and digits, on the same terms (once each by default)',
      tags,
      auth: 'events:write',
      params: PromoCodeListParams,
      body: GeneratePromoCodesBody,
      responses: {
        201: { description: 'The new codes', schema: PromoCodeList },
        409: { description: '`event_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.generatePromoCodes(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/promo-codes/export',
      operationId: 'exportPromoCodes',
      summary: 'The event’s live promo and access codes as CSV (optionally those with a prefix)',
      tags,
      auth: 'events:read',
      params: PromoCodeListParams,
      query: ExportPromoCodesQuery,
      responses: { 200: { description: 'One row per code', contentType: 'text/csv' } },
      handler: async ({ params, query, principal, res }) => {
        const codes = await service.listPromoCodes(db, actor(principal), params.eventId, false);
        const prefix = query.prefix.toUpperCase();
        res.status(200).type('text/csv; charset=utf-8');
        res.setHeader('content-disposition', 'attachment; filename="access-codes.csv"');
        let out = csvLine(CSV_COLUMNS);
        for (const c of codes) {
          if (!c.code.toUpperCase().startsWith(prefix)) continue;
          out += csvLine([
            c.code,
            c.discountKind,
            c.discountValue,
            c.maxUses,
            c.uses,
            c.validFrom,
            c.validUntil,
            c.ticketTypeIds?.join(' '),
            c.reservedSeats,
            c.reserveLeft,
          ]);
        }
        res.end(out);
        return undefined;
      },
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
