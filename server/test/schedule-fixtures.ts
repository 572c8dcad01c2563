import ICAL from 'ical.js';
import type { TestServer } from './harness.js';
import { attendee, createTicketType, json, registerRaw } from './registration-fixtures.js';

// Building a schedule and attendees for it through HTTP, for the scheduling tests.

export const schedulePath = (eventId: string, rest = '') =>
  `/api/v1/events/${eventId}/schedule${rest}`;

export async function addItem<T = { id: string }>(
  t: TestServer,
  eventId: string,
  kind: 'rooms' | 'tracks' | 'speakers' | 'sessions' | 'slots',
  body: Record<string, unknown>,
): Promise<T & { id: string }> {
  return json<T & { id: string }>(await t.api(schedulePath(eventId, `/${kind}`), { body }), 201);
}

export async function patchItem(
  t: TestServer,
  eventId: string,
  kind: string,
  id: string,
  body: Record<string, unknown>,
) {
  return json(await t.api(schedulePath(eventId, `/${kind}/${id}`), { method: 'PATCH', body }), 200);
}

export async function releaseSchedule(
  t: TestServer,
  eventId: string,
  comment: string,
  allowIncomplete = false,
) {
  return t.api(schedulePath(eventId, '/releases'), { body: { comment, allowIncomplete } });
}

/**
 * `n` free tickets with the access key that opens each: one order per attendee, or orders of up
 * to `perOrder` tickets when many are needed quickly.
 */
export async function ticketHolders(t: TestServer, eventId: string, n: number, perOrder = 1) {
  const ticketTypeId = await createTicketType(t, eventId, {
    priceCents: 0,
    quantity: n + 10,
    maxPerOrder: Math.max(perOrder, 1),
  });
  const out: { ticketId: string; accessKey: string }[] = [];
  for (let i = 0; out.length < n; i++) {
    const quantity = Math.min(perOrder, n - out.length);
    const order = await json<{ accessKey: string; tickets: { id: string }[] }>(
      await registerRaw(t, eventId, {
        ticketTypeId,
        quantity,
        attendee: attendee(`${eventId.slice(0, 4)}-${i}`),
      }),
      201,
    );
    for (const ticket of order.tickets)
      out.push({ ticketId: ticket.id, accessKey: order.accessKey });
  }
  return out;
}

export const agendaPath = (ticketId: string, rest = '') =>
  `/api/v1/tickets/${ticketId}/agenda${rest}`;

/** The VEVENTs of an iCalendar text as ical.js reads them. */
export function vevents(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => ({
    uid: v.getFirstPropertyValue('uid') as string,
    summary: v.getFirstPropertyValue('summary') as string,
    sequence: Number(v.getFirstPropertyValue('sequence')),
    status: v.getFirstPropertyValue('status') as string,
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    location: v.getFirstPropertyValue('location') as string,
  }));
}
