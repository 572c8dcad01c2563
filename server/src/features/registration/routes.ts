import type { Db } from '../../platform/db/db.js';
import { parseIdempotencyKey } from '../../platform/idempotency/idempotency.js';
import { route, type AnyRoute } from '../../http/route.js';
import { EventIdParams, Registration, RegistrationBody, Waitlisted } from './schema.js';
import { normalizeEmail, register } from './service.js';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';

export function registrationRoutes(db: Db, limits: RateGate): AnyRoute[] {
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
          description:
            '`sold_out`, `sales_closed`, `email_limit_reached`, `promo_code_exhausted`, `hold_limit_reached` (unpaid orders of this email or address), `waitlist_limit_reached`',
        },
        422: { description: '`idempotency_key_reused`: the key was used with another body' },
        429: { description: '`rate_limited`: too many registrations from this address or email' },
      },
      handler: async ({ params, body, req, res }) => {
        // Counted before the sale, so a burst cannot outrun its own count.
        await limits.take(
          res,
          ['registration-ip', clientIp(req)],
          ['registration-email', `${params.eventId}:${normalizeEmail(body.attendee.email)}`],
        );
        const idempotencyKey = parseIdempotencyKey(req.headers['idempotency-key']);
        return register(db, params.eventId, body, {
          idempotencyKey,
          client: { ip: clientIp(req), fair: limits.enabled },
        });
      },
    }),
  ];
}
