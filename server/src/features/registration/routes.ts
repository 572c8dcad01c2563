import type { Db } from '../../platform/db/db.js';
import { parseIdempotencyKey } from '../../platform/idempotency/idempotency.js';
import { route, type AnyRoute } from '../../http/route.js';
import {
  ChallengeSchema,
  EventIdParams,
  Registration,
  RegistrationBody,
  Waitlisted,
} from './schema.js';
import { normalizeEmail, register } from './service.js';
import type { ProofOfWork } from './proof-of-work.js';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';

export function registrationRoutes(db: Db, limits: RateGate, pow: ProofOfWork): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/public/events/{eventId}/challenge',
      operationId: 'getRegistrationChallenge',
      summary:
        'A proof-of-work challenge (ALTCHA v2) to solve before registering for an event that asks for one; valid 10 minutes, for one registration',
      tags: ['registration'],
      auth: 'public',
      params: EventIdParams,
      responses: {
        200: { description: 'The signed challenge', schema: ChallengeSchema },
        429: { description: '`rate_limited`' },
      },
      handler: async ({ params, req, res }) => {
        await limits.take(res, ['challenge-ip', clientIp(req)]);
        return {
          status: 200,
          body: await pow.challenge(params.eventId),
          headers: { 'Cache-Control': 'no-store' },
        };
      },
    }),
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
        400: {
          description:
            '`validation_failed`; `proof_of_work_required`, `proof_of_work_invalid`, `proof_of_work_expired`, `proof_of_work_used` when the event asks for a solved challenge',
        },
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
        await pow.verify(params.eventId, body.altcha, idempotencyKey);
        return register(db, params.eventId, body, {
          idempotencyKey,
          client: { ip: clientIp(req), fair: limits.enabled },
        });
      },
    }),
  ];
}
