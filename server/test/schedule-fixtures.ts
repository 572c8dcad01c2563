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

/** `n` attendees with one free ticket each: their ticket ids and access keys. */
export async function ticketHolders(t: TestServer, eventId: string, n: number) {
  const ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: n + 10 });
  const out: { ticketId: string; accessKey: string }[] = [];
  for (let i = 0; i < n; i++) {
    const order = await json<{ accessKey: string; tickets: { id: string }[] }>(
      await registerRaw(t, eventId, {
        ticketTypeId,
        quantity: 1,
        attendee: attendee(`${eventId.slice(0, 4)}-${i}`),
      }),
      201,
    );
    out.push({ ticketId: order.tickets[0]!.id, accessKey: order.accessKey });
  }
  return out;
}

export const agendaPath = (ticketId: string, rest = '') =>
  `/api/v1/tickets/${ticketId}/agenda${rest}`;
