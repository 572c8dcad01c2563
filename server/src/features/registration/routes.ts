import type { Db } from '../../platform/db/db.js';
import { parseIdempotencyKey } from '../../platform/idempotency/idempotency.js';
import { route, type AnyRoute } from '../../http/route.js';
import { EventIdParams, Registration, RegistrationBody, Waitlisted } from './schema.js';
import { register } from './service.js';

export function registrationRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/registrations',
      operationId: 'register',
      summary: 'Register for a ticket type (public; send an Idempotency-Key to retry safely)',
      tags: ['registration'],
      auth: 'public',
      params: EventIdParams,
      body: RegistrationBody,
      responses: {
        201: {
          description: 'Registered: confirmed, or pending payment with seats held',
          schema: Registration,
        },
        202: { description: 'Sold out; on the waitlist', schema: Waitlisted },
        409: {
          description: '`sold_out`, `sales_closed`, `email_limit_reached`, `promo_code_exhausted`',
        },
        422: { description: '`idempotency_key_reused`: the key was used with another body' },
      },
      handler: async ({ params, body, req }) => {
        const idempotencyKey = parseIdempotencyKey(req.headers['idempotency-key']);
        return register(db, params.eventId, body, { idempotencyKey });
      },
    }),
  ];
}
