import { z } from 'zod';
import type { Db } from '../../platform/db/db.js';
import { unauthenticated } from '../../platform/errors.js';
import { route, type AnyRoute } from '../../http/route.js';
import { Uuid } from '../events/schema.js';
import * as agenda from './agenda-service.js';
import type { SeatCache } from './seats.js';

const tags = ['schedule'];
const TicketParams = z.strictObject({ ticketId: Uuid });
const TicketSessionParams = z.strictObject({ ticketId: Uuid, sessionId: Uuid });
const AgendaOut = z.object({
  favourites: z.array(z.uuid()),
  signups: z.array(
    z.object({
      sessionId: z.uuid(),
      status: z.enum(['confirmed', 'waitlisted']),
      waitlistPosition: z.number().nullable(),
    }),
  ),
});
const AgendaWithCalendarOut = AgendaOut.extend({
  /** The attendee's own calendar (favourites and signups), private: it opens nothing else. */
  calendarUrl: z.string(),
});
const CalendarQuery = z.strictObject({ token: z.string().min(1).max(100) });
const keyHeader = 'The order’s access key in `X-Access-Key`; a wrong key is 404.';

function accessKey(headers: Record<string, unknown>): string {
  const key = headers['x-access-key'];
  if (typeof key === 'string' && key.trim()) return key.trim();
  throw unauthenticated('missing_credential', 'Send the attendee’s access key in X-Access-Key.');
}

/** The attendee's agenda by ticket: favourites and signups. */
/** `seats`: told of each signup change here, so the programme shows it at once. */
export function agendaRoutes(db: Db, publicUrl: string, seats: SeatCache): AnyRoute[] {
  const path = '/api/v1/tickets/{ticketId}/agenda';
  const favourite = (method: 'put' | 'delete') =>
    route({
      method,
      path: `${path}/favourites/{sessionId}`,
      operationId: method === 'put' ? 'addAgendaFavourite' : 'removeAgendaFavourite',
      summary: `${method === 'put' ? 'Add a session to' : 'Remove a session from'} the attendee’s agenda. ${keyHeader}`,
      tags,
      auth: 'public',
      params: TicketSessionParams,
      responses: { 200: { description: 'The agenda', schema: AgendaOut } },
      handler: async ({ params, req }) => ({
        status: 200,
        body: await agenda.setFavourite(
          db,
          params.ticketId,
          accessKey(req.headers),
          params.sessionId,
          method === 'put',
        ),
      }),
    });
  return [
    route({
      method: 'get',
      path,
      operationId: 'getAgenda',
      summary: `The attendee’s favourites and signups, and their calendar’s private URL. ${keyHeader}`,
      tags,
      auth: 'public',
      params: TicketParams,
      responses: { 200: { description: 'The agenda', schema: AgendaWithCalendarOut } },
      handler: async ({ params, req }) => {
        const { calendarToken, ...mine } = await agenda.getAgenda(
          db,
          params.ticketId,
          accessKey(req.headers),
        );
        const calendarUrl = `${publicUrl.replace(/\/+$/, '')}${path.replace('{ticketId}', params.ticketId)}.ics?token=${calendarToken}`;
        return { status: 200, body: { ...mine, calendarUrl } };
      },
    }),
    route({
      method: 'get',
      path: `${path}.ics`,
      operationId: 'getAgendaCalendar',
      summary:
        'The attendee’s favourites and signups in the latest release as iCalendar, by the private `calendarUrl` of their agenda (same UIDs and SEQUENCEs as the public schedule.ics)',
      tags,
      auth: 'public',
      params: TicketParams,
      query: CalendarQuery,
      responses: {
        200: { description: 'The personal calendar', contentType: 'text/calendar' },
        404: { description: 'A wrong token, or no release yet' },
      },
      handler: async ({ params, query, res }) => {
        const ics = await agenda.personalCalendar(db, params.ticketId, query.token);
        res.setHeader('cache-control', 'private, max-age=300');
        res.status(200).type('text/calendar; charset=utf-8').send(ics);
        return undefined;
      },
    }),
    favourite('put'),
    favourite('delete'),
    route({
      method: 'post',
      path: `${path}/signups/{sessionId}`,
      operationId: 'signUpForSession',
      summary: `Sign up for a limited session: a seat, or the waitlist when full. ${keyHeader}`,
      tags,
      auth: 'public',
      params: TicketSessionParams,
      responses: {
        201: { description: '`{status: "confirmed" | "waitlisted"}`' },
        200: { description: 'Already signed up: the current status' },
        409: { description: '`signup_not_offered`, `session_cancelled`, `ticket_not_valid`' },
      },
      handler: async ({ params, req }) => {
        const r = await agenda.signUp(
          db,
          params.ticketId,
          accessKey(req.headers),
          params.sessionId,
        );
        seats.forget(r.eventId);
        return { status: r.created ? 201 : 200, body: { status: r.status } };
      },
    }),
    route({
      method: 'delete',
      path: `${path}/signups/{sessionId}`,
      operationId: 'cancelSessionSignup',
      summary: `Give a signup back; a freed seat goes to the first on the waitlist. ${keyHeader}`,
      tags,
      auth: 'public',
      params: TicketSessionParams,
      responses: { 204: { description: 'Done' } },
      handler: async ({ params, req }) => {
        seats.forget(
          await agenda.cancelSignup(db, params.ticketId, accessKey(req.headers), params.sessionId),
        );
        return { status: 204 };
      },
    }),
  ];
}
