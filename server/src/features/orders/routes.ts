import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Identity } from '../identity/index.js';
import { actor } from '../identity/principal.js';
import { accessorFromRequest, holderFromRequest } from '../ticketing/accessor-from-request.js';
import {
  CancelBody,
  EventIdParams,
  KeyQuery,
  ListOrdersQuery,
  Order,
  OrderIdParams,
  OrderLocaleBody,
  OrderPage,
} from './schema.js';
import * as service from './service.js';

const tags = ['orders'];
// Orders carry personal data; never in shared caches.
const PRIVATE = { 'Cache-Control': 'private, no-store' };

export function orderRoutes(db: Db, identity: Identity): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/orders',
      operationId: 'listOrders',
      summary: 'Orders of an event, newest first; filter by status, page with the cursor',
      tags,
      auth: 'tickets:read',
      params: EventIdParams,
      query: ListOrdersQuery,
      responses: {
        200: { description: 'A page of orders', schema: OrderPage },
        400: { description: '`invalid_cursor`, `validation_failed`' },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.listOrders(db, actor(principal), params.eventId, query),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/orders/{orderId}',
      operationId: 'getOrder',
      summary:
        'An order with its tickets, payments and refunds. Open to the buyer (access key in `X-Access-Key` or `?key=`) and to staff (tickets:read).',
      tags,
      auth: 'public',
      params: OrderIdParams,
      query: KeyQuery,
      responses: {
        200: { description: 'The order', schema: Order },
        401: { description: '`missing_credential`' },
        404: { description: '`order_not_found`: no such order, or not one this credential opens' },
      },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:read', query.key);
        return {
          status: 200,
          body: await service.getOrder(db, who, params.orderId),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/orders/{orderId}/locale',
      operationId: 'changeOrderLocale',
      summary:
        'The language the buyer chose in the portal; the order’s messages are written in it from now on. Only the buyer’s access key (`X-Access-Key` or `?key=`) changes it.',
      tags,
      auth: 'public',
      params: OrderIdParams,
      query: KeyQuery,
      body: OrderLocaleBody,
      responses: {
        204: { description: 'Kept' },
        401: { description: '`missing_credential`' },
        404: { description: '`order_not_found`: no such order, or not one this key opens' },
      },
      handler: async ({ params, query, body, req }) => {
        await service.changeOrderLocale(
          db,
          holderFromRequest(req, query.key),
          params.orderId,
          body.locale,
        );
        return { status: 204, headers: PRIVATE };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/orders/{orderId}/cancel',
      operationId: 'cancelOrder',
      summary:
        'Cancel an order: its tickets are cancelled and its seats offered to the waitlist, then sold again. Staff (tickets:write) cancel unpaid and confirmed orders; the buyer (access key) only orders with nothing to pay or not paid yet. Paid money is given back with a refund.',
      tags,
      auth: 'public',
      params: OrderIdParams,
      query: KeyQuery,
      body: CancelBody,
      responses: {
        200: { description: 'The cancelled order', schema: Order },
        403: { description: '`order_paid`: the buyer cannot cancel a paid order' },
        404: { description: '`order_not_found`' },
        409: { description: '`order_cancelled`, `order_expired`' },
      },
      handler: async ({ params, query, body, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:write', query.key);
        return {
          status: 200,
          body: await service.cancelOrder(db, who, params.orderId, body?.reason),
          headers: PRIVATE,
        };
      },
    }),
  ];
}
