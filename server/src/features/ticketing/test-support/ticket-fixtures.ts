import { PublicKeyring, verifyTicketToken, type PublicKeyMaterial } from '@lanyard/core';
import { saveClient } from '../../identity/client-store.js';
import type { Scope } from '../../identity/principal.js';
import type { TestServer } from '../../../../test/harness.js';
import { eventBody, ticketTypeBody } from '../../../../test/harness.js';

// Test support for the ticketing end-to-end tests: an event with a free ticket type, registrations,
// tokens of chosen scopes and organizations, and verification with the published keys.

export interface Sale {
  eventId: string;
  ticketTypeId: string;
}

export interface Order {
  id: string;
  accessKey: string;
  tickets: { id: string; token: string; status: string }[];
}

export interface TicketBody {
  id: string;
  status: string;
  token: string;
  revision: number;
  kid: string;
  eventId: string;
  ticketTypeId: string;
  ticketTypeName: string;
  orderId: string;
  attendee: { name: string; email: string };
}

export async function createSale(t: TestServer, priceCents = 0): Promise<Sale> {
  const event = await json<{ id: string }>(
    await t.api('/api/v1/events', { body: eventBody() }),
    201,
  );
  const type = await json<{ id: string }>(
    await t.api(`/api/v1/events/${event.id}/ticket-types`, {
      body: ticketTypeBody({ name: 'Regular', priceCents, quantity: 1000 }),
    }),
    201,
  );
  return { eventId: event.id, ticketTypeId: type.id };
}

let attendees = 0;

export async function register(t: TestServer, sale: Sale, quantity = 1): Promise<Order> {
  const n = ++attendees;
  return json<Order>(
    await t.api(`/api/v1/events/${sale.eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: sale.ticketTypeId,
        quantity,
        attendee: { name: `Attendee ${n}`, email: `attendee${n}@example.org` },
      },
    }),
    201,
  );
}

/** A token of the bootstrap client (default organization) limited to `scopes`. */
export async function scopedToken(t: TestServer, scopes: Scope[]): Promise<string> {
  const b = await t.bootstrap();
  return tokenFor(t, b.client_id, b.client_secret, scopes);
}

/** A token of a client in a new organization, with every ticket scope unless told others. */
export async function otherOrganizationToken(
  t: TestServer,
  scopes: Scope[] = ['events:read', 'events:write', 'tickets:read', 'tickets:write'],
): Promise<string> {
  const { rows } = await t.server.db.query<{ id: string }>(
    `INSERT INTO organizations (name) VALUES ('Elsewhere') RETURNING id`,
  );
  const clientId = `elsewhere-${rows[0]!.id}`;
  const secret = 'elsewhere-secret-0123456789-abcdefghijklmnop';
  await saveClient(t.server.db, {
    clientId,
    clientSecret: secret,
    name: 'Elsewhere',
    organizationId: rows[0]!.id,
    scopes,
  });
  return tokenFor(t, clientId, secret, scopes);
}

async function tokenFor(t: TestServer, id: string, secret: string, scopes: Scope[]) {
  const b = await t.bootstrap();
  const res = await fetch(b.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: id,
      client_secret: secret,
      scope: scopes.join(' '),
    }),
  });
  return (await json<{ access_token: string }>(res, 200)).access_token;
}

/** The event's published public keys, as a kiosk would load them. */
export async function publishedKeys(t: TestServer, eventId: string): Promise<PublicKeyMaterial[]> {
  const body = await json<{ keys: (PublicKeyMaterial & { retired: boolean })[] }>(
    await t.api(`/api/v1/events/${eventId}/signing-keys`),
    200,
  );
  return body.keys;
}

/** Verifies a token offline with the event's published keys. */
export async function verifyWithPublishedKeys(t: TestServer, eventId: string, token: string) {
  return verifyTicketToken(token, {
    keys: new PublicKeyring(await publishedKeys(t, eventId)),
    eventId,
  });
}

export async function historyActions(t: TestServer, ticketId: string): Promise<string[]> {
  const body = await json<{ entries: { action: string }[] }>(
    await t.api(`/api/v1/tickets/${ticketId}/history`),
    200,
  );
  return body.entries.map((e) => e.action);
}

export async function outboxTopics(t: TestServer, ticketId: string): Promise<string[]> {
  const { rows } = await t.server.db.query<{ topic: string }>(
    'SELECT topic FROM outbox WHERE aggregate_id = $1 ORDER BY id',
    [ticketId],
  );
  return rows.map((r) => r.topic);
}

/** The body of a response, after checking its status (the body is in the failure message). */
export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  }
  return JSON.parse(text) as T;
}

/** Checks a problem+json answer and returns its body. */
export async function problemOf(res: Response, status: number, code: string) {
  const text = await res.text();
  expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(body).toMatchObject({
    status,
    code,
    type: expect.any(String),
    detail: expect.any(String),
  });
  return body;
}
