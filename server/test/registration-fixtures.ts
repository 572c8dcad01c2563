import { eventBody, ticketTypeBody, type TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { sideConnection as sideConnectionTo } from '../src/test-support/lock-barrier.js';

export { blockedBackend } from '../src/test-support/lock-barrier.js';
export {
  json,
  problemOf,
  otherOrganizationToken,
  scopedToken,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';

// Fixtures for organizer configuration and registration behaviour tests, all through HTTP.

export async function createEvent(t: TestServer, over: Record<string, unknown> = {}) {
  return json<{ id: string } & Record<string, unknown>>(
    await t.api('/api/v1/events', { body: eventBody(over) }),
    201,
  );
}

export async function createTicketType(
  t: TestServer,
  eventId: string,
  over: Record<string, unknown> = {},
) {
  const res = await t.api(`/api/v1/events/${eventId}/ticket-types`, {
    body: ticketTypeBody({ name: `Type ${Math.random().toString(36).slice(2, 8)}`, ...over }),
  });
  return (await json<{ id: string }>(res, 201)).id;
}

export interface Attendee {
  name: string;
  email: string;
}

export const attendee = (i: number | string): Attendee => ({
  name: `Attendee ${i}`,
  email: `attendee-${i}@example.org`,
});

/** POST a registration; the raw response, so tests can look at losers too. */
export function registerRaw(
  t: TestServer,
  eventId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return t.api(`/api/v1/events/${eventId}/registrations`, { body, token: null, headers });
}

export interface OrderBody {
  id: string;
  status: 'confirmed' | 'pending_payment';
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  paymentMethod: string;
  holdExpiresAt: string | null;
  tickets: { id: string }[];
}

export interface TypeCounts {
  id: string;
  sold: number;
  held: number;
  available: number;
}

export async function ticketTypes(t: TestServer, eventId: string): Promise<TypeCounts[]> {
  return json<TypeCounts[]>(await t.api(`/api/v1/events/${eventId}/ticket-types`), 200);
}

/** Rows in the database for one event: what a sale leaves behind. */
export async function footprint(t: TestServer, eventId: string) {
  const count = async (sql: string) =>
    (await t.server.db.query<{ n: number }>(sql, [eventId])).rows[0]!.n;
  return {
    orders: await count(`SELECT count(*)::int AS n FROM orders WHERE event_id = $1`),
    confirmed: await count(
      `SELECT count(*)::int AS n FROM orders WHERE event_id = $1 AND status = 'confirmed'`,
    ),
    tickets: await count(`SELECT count(*)::int AS n FROM tickets WHERE event_id = $1`),
    history: await count(
      `SELECT count(*)::int AS n FROM ticket_history h JOIN tickets tk ON tk.id = h.ticket_id WHERE tk.event_id = $1`,
    ),
    outbox: await count(
      `SELECT count(*)::int AS n FROM outbox WHERE event_id = $1 AND topic LIKE 'registration.%'`,
    ),
    waitlist: await count(`SELECT count(*)::int AS n FROM waitlist_entries WHERE event_id = $1`),
    seats: await count(
      `SELECT coalesce(sum(sold + held), 0)::int AS n FROM ticket_types WHERE event_id = $1`,
    ),
    quotaUsed: await count(
      `SELECT coalesce(sum(used), 0)::int AS n FROM quotas WHERE event_id = $1`,
    ),
    promoUses: await count(
      `SELECT coalesce(sum(uses), 0)::int AS n FROM promo_codes WHERE event_id = $1`,
    ),
  };
}

/** A connection of its own to the test server's PostgreSQL database (postgres runs only). */
export const sideConnection = (t: TestServer) => sideConnectionTo(t.server.config.databaseUrl);
