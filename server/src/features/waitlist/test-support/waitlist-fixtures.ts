import type { TestServer } from '../../../../test/harness.js';
import { eventBody, ticketTypeBody } from '../../../../test/harness.js';
import { json } from '../../ticketing/test-support/ticket-fixtures.js';

// Test support for the waitlist end-to-end tests: a ticket type sold out by one unpaid order,
// people joining its line, and reads of entries, seats and outbox messages. Time passes by handing
// `later(minutes)` to the use cases instead of sleeping.

export interface Line {
  eventId: string;
  ticketTypeId: string;
  /** The order holding every seat (pending payment for a priced type, confirmed when free). */
  holder: { id: string; accessKey: string; status: string };
}

export interface Place {
  id: string;
  position: number;
  accessKey: string;
  email: string;
}

export interface EntryBody {
  id: string;
  status: string;
  position: number | null;
  offerExpiresAt: string | null;
  orderId: string | null;
  quantity: number;
}

export interface OrderBody {
  id: string;
  status: string;
  holdExpiresAt: string | null;
  accessKey: string;
  tickets: { id: string; token: string; status: string }[];
}

let people = 0;
const nextEmail = () => `waiter${++people}-${Date.now()}@example.org`;

/** Now plus some minutes, as the clock the use cases are handed. */
export const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** A ticket type of `quantity` seats, all taken by one order. */
export async function soldOutLine(
  t: TestServer,
  opts: { quantity?: number; priceCents?: number; eventId?: string } = {},
): Promise<Line> {
  const quantity = opts.quantity ?? 1;
  const eventId =
    opts.eventId ??
    (await json<{ id: string }>(await t.api('/api/v1/events', { body: eventBody() }), 201)).id;
  const type = await json<{ id: string }>(
    await t.api(`/api/v1/events/${eventId}/ticket-types`, {
      body: ticketTypeBody({
        name: `Type ${++people}`,
        priceCents: opts.priceCents ?? 5000,
        quantity,
      }),
    }),
    201,
  );
  const holder = await json<Line['holder']>(
    await t.api(`/api/v1/events/${eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: type.id,
        quantity,
        attendee: { name: 'First Buyer', email: nextEmail() },
      },
    }),
    201,
  );
  return { eventId, ticketTypeId: type.id, holder };
}

/** A public registration for the line's ticket type, as sent (for its status and problem). */
export function buy(
  t: TestServer,
  line: { eventId: string; ticketTypeId: string },
  opts: { quantity?: number; email?: string; joinWaitlist?: boolean } = {},
): Promise<Response> {
  return t.api(`/api/v1/events/${line.eventId}/registrations`, {
    token: null,
    body: {
      ticketTypeId: line.ticketTypeId,
      quantity: opts.quantity ?? 1,
      attendee: { name: 'Someone Waiting', email: opts.email ?? nextEmail() },
      ...(opts.joinWaitlist === false ? {} : { joinWaitlist: true }),
    },
  });
}

/** Joins the line (the type must be sold out). */
export async function join(
  t: TestServer,
  line: { eventId: string; ticketTypeId: string },
  opts: { quantity?: number; email?: string } = {},
): Promise<Place> {
  const email = opts.email ?? nextEmail();
  const body = await json<{
    status: string;
    waitlistEntryId: string;
    position: number;
    accessKey: string;
  }>(await buy(t, line, { ...opts, email }), 202);
  return { id: body.waitlistEntryId, position: body.position, accessKey: body.accessKey, email };
}

export const asHolder = (key: string) => ({ token: null, headers: { 'x-access-key': key } });

export async function entryOf(t: TestServer, place: Place): Promise<EntryBody> {
  return json<EntryBody>(
    await t.api(`/api/v1/waitlist/${place.id}`, asHolder(place.accessKey)),
    200,
  );
}

export function claim(t: TestServer, place: Place, body?: unknown): Promise<Response> {
  return t.api(`/api/v1/waitlist/${place.id}/claim`, {
    method: 'POST',
    ...asHolder(place.accessKey),
    ...(body === undefined ? {} : { body }),
  });
}

export async function seats(
  t: TestServer,
  line: Line,
): Promise<{ sold: number; held: number; available: number }> {
  const types = await json<{ id: string; sold: number; held: number; available: number }[]>(
    await t.api(`/api/v1/events/${line.eventId}/ticket-types`),
    200,
  );
  const { sold, held, available } = types.find((x) => x.id === line.ticketTypeId)!;
  return { sold, held, available };
}

/** Outbox payloads of a topic about one aggregate, oldest first. */
export async function announced(
  t: TestServer,
  topic: string,
  aggregateId: string,
): Promise<Record<string, unknown>[]> {
  const { rows } = await t.server.db.query<{ payload: Record<string, unknown> }>(
    'SELECT payload FROM outbox WHERE topic = $1 AND aggregate_id = $2 ORDER BY id',
    [topic, aggregateId],
  );
  return rows.map((r) => r.payload);
}
