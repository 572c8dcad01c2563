import pg from 'pg';
import { eventBody, ticketTypeBody, type TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';

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
export async function sideConnection(t: TestServer): Promise<pg.Client> {
  const url = t.server.config.databaseUrl;
  if (!url) throw new Error('sideConnection needs the postgres test server');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Waits until some backend of this database is blocked on a lock while running a statement that
 * starts with `statement`; returns its pid.
 */
export async function blockedBackend(
  side: pg.Client,
  statement: string,
  timeoutMs = 10_000,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    // Inside a transaction pg_stat_activity is a snapshot; take a fresh one on every look.
    await side.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await side.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock' AND query LIKE $1 || '%'`,
      [statement],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no backend blocked on "${statement}" within ${timeoutMs} ms`);
}
