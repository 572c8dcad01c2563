import type { TestServer } from '../../../../test/harness.js';
import { saveClient } from '../../identity/client-store.js';
import {
  createSale,
  json,
  register,
  type Sale,
} from '../../ticketing/test-support/ticket-fixtures.js';

// Test support for check-in, devices and sync end to end: an event with sold tickets, kiosks
// enrolled through the API, and a check-in call.

export interface SoldEvent extends Sale {
  tickets: { id: string; token: string }[];
}

/** An event with `count` tickets, sold one order at a time. */
export async function eventWithTickets(t: TestServer, count: number): Promise<SoldEvent> {
  const sale = await createSale(t);
  const tickets: SoldEvent['tickets'] = [];
  for (let i = 0; i < count; i++) {
    const order = await register(t, sale, 1);
    tickets.push({ id: order.tickets[0]!.id, token: order.tickets[0]!.token });
  }
  return { ...sale, tickets };
}

export interface Kiosk {
  deviceId: string;
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
  token: string;
}

export async function createDevice(t: TestServer, eventId: string, name = 'Kiosk') {
  return json<{
    id: string;
    enrollmentCode: string;
    enrollmentUri: string;
    staffAppUrl: string;
    status: string;
  }>(await t.api(`/api/v1/events/${eventId}/devices`, { body: { name } }), 201);
}

export async function enroll(t: TestServer, code: string): Promise<Response> {
  return t.api('/api/v1/devices/enroll', { token: null, body: { code } });
}

/** A kiosk enrolled for the event, with a fresh access token of its own client. */
export async function enrolledKiosk(
  t: TestServer,
  eventId: string,
  name = 'Kiosk',
): Promise<Kiosk> {
  const device = await createDevice(t, eventId, name);
  const cred = await json<{
    deviceId: string;
    clientId: string;
    clientSecret: string;
    tokenEndpoint: string;
  }>(await enroll(t, device.enrollmentCode), 200);
  const res = await clientToken(cred.tokenEndpoint, cred.clientId, cred.clientSecret);
  const token = (await json<{ access_token: string }>(res, 200)).access_token;
  return { ...cred, token };
}

export function clientToken(endpoint: string, clientId: string, secret: string): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
}

export interface Answer {
  result: string;
  reason: string;
  scanId: string;
  listId: string;
  ticketId?: string;
  attendee?: { name: string };
  ticketType?: { id: string; name: string };
  previous?: { at: string; gate?: string };
  replayed: boolean;
}

export async function checkIn(
  t: TestServer,
  eventId: string,
  body: Record<string, unknown>,
  token?: string,
): Promise<Answer> {
  return json<Answer>(
    await t.api(`/api/v1/events/${eventId}/checkins`, { body, ...(token && { token }) }),
    200,
  );
}

export async function count(t: TestServer, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await t.server.db.query<{ n: number }>(sql, params);
  return Number(rows[0]!.n);
}

/** A token with the checkin scope of a client in a new organization. */
export async function strangerCheckinToken(t: TestServer): Promise<string> {
  const { rows } = await t.server.db.query<{ id: string }>(
    `INSERT INTO organizations (name) VALUES ('Elsewhere') RETURNING id`,
  );
  const clientId = `stranger-${rows[0]!.id}`;
  const secret = 'stranger-secret-0123456789-abcdefghijklmnop';
  await saveClient(t.server.db, {
    clientId,
    clientSecret: secret,
    name: 'Stranger',
    organizationId: rows[0]!.id,
    scopes: ['checkin', 'events:read'],
  });
  const b = await t.bootstrap();
  return (
    await json<{ access_token: string }>(await clientToken(b.token_endpoint, clientId, secret), 200)
  ).access_token;
}
