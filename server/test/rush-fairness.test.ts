import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import { clientAddress, requestFrom, type AddressedResponse } from './from-address.js';
import { createEvent, createTicketType } from './registration-fixtures.js';
import { solvedChallenge } from './solve-challenge.js';

// A sale rush with the default limits: unpaid orders count against their email and their client
// address (5 per address, 2 per email), waitlist places against their address (10), so one
// address with throwaway emails cannot hold the seats real buyers come for. On PostgreSQL, with
// every request at once from its own source address. The first rush also asks for proof of work
// (solved with altcha-lib's solver; a smaller ALTCHA_MAX_COUNTER keeps 260 solutions quick here).

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('postgres', { RATE_LIMITS: 'on', ALTCHA_MAX_COUNTER: '2000' });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const HOARDER = '127.0.250.1';
// Hundreds of requests (and proof-of-work solutions) at once: generous on a shared two-core machine.
const LOADED_MS = 180_000;

function register(
  from: string,
  eventId: string,
  body: Record<string, unknown>,
): Promise<AddressedResponse> {
  return requestFrom(from, `${t.url}/api/v1/events/${eventId}/registrations`, { body });
}

const buyer = (name: string) => ({ name, email: `${name}-${randomUUID()}@example.org` });

it(
  'gives every one of 200 buyers at 200 addresses a seat while one hoarding address holds 5',
  async () => {
    const eventId = (await createEvent(t, { proofOfWork: true })).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 4900, quantity: 210 });
    // Each buyer solves a challenge, then registers: as the portal does.
    const order = async (from: string, name: string) =>
      register(from, eventId, {
        ticketTypeId,
        quantity: 1,
        attendee: buyer(name),
        altcha: await solvedChallenge(from, t.url, eventId),
      });

    const [buyers, hoards] = await Promise.all([
      Promise.all(Array.from({ length: 200 }, (_, i) => order(clientAddress(i), `b${i}`))),
      Promise.all(Array.from({ length: 60 }, (_, i) => order(HOARDER, `throwaway${i}`))),
    ]);

    expect(buyers.map((r) => r.status)).toEqual(Array(200).fill(201));
    expect(buyers.every((r) => (r.body as { status: string }).status === 'pending_payment')).toBe(
      true,
    );
    const held = hoards.filter((r) => r.status === 201);
    expect(held).toHaveLength(5);
    // The rest were refused: the address's cap on unpaid orders, or its registration rate.
    for (const r of hoards.filter((h) => h.status !== 201)) {
      expect([409, 429]).toContain(r.status);
      // A refused solution would be a 400: every one was good, once.
      expect((r.body as { code: string }).code).toMatch(/^(hold_limit_reached|rate_limited)$/);
    }
    const types = (await (await t.api(`/api/v1/events/${eventId}/ticket-types`)).json()) as {
      held: number;
      available: number;
    }[];
    expect(types[0]).toMatchObject({ held: 205, available: 5 });
  },
  LOADED_MS,
);

it(
  'caps the unpaid orders of one email, whatever address sends them',
  async () => {
    const eventId = (await createEvent(t)).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 4900, quantity: 50 });
    const attendee = buyer('same');
    const all = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        register(clientAddress(300 + i), eventId, { ticketTypeId, quantity: 1, attendee }),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(2);
    expect(all.filter((r) => r.status === 409).map((r) => r.body)).toEqual(
      Array(4).fill(expect.objectContaining({ code: 'hold_limit_reached', limit: 'email' })),
    );
  },
  LOADED_MS,
);

it(
  'takes the caps from the event, where an organizer can change or lift them',
  async () => {
    const eventId = (await createEvent(t, { maxHoldsPerIp: 2 })).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 4900, quantity: 50 });
    const from = clientAddress(400);
    const order = () => ({ ticketTypeId, quantity: 1, attendee: buyer('office') });
    expect((await register(from, eventId, order())).status).toBe(201);
    expect((await register(from, eventId, order())).status).toBe(201);
    expect((await register(from, eventId, order())).body).toMatchObject({
      code: 'hold_limit_reached',
      limit: 'ip',
    });
    const lifted = await t.api(`/api/v1/events/${eventId}`, {
      method: 'PATCH',
      body: { maxHoldsPerIp: null },
    });
    expect(await lifted.json()).toMatchObject({ maxHoldsPerIp: null, maxHoldsPerEmail: 2 });
    expect((await register(from, eventId, order())).status).toBe(201);
    // A free order holds nothing: no cap.
    const free = await createTicketType(t, eventId, { priceCents: 0, quantity: 50 });
    const to = clientAddress(401);
    for (let i = 0; i < 3; i++) {
      const r = await register(to, eventId, {
        ticketTypeId: free,
        quantity: 1,
        attendee: buyer('f'),
      });
      expect(r.status).toBe(201);
    }
  },
  LOADED_MS,
);

it(
  'keeps 300 spam waitlist entries from one address from pushing a real person back',
  async () => {
    const eventId = (await createEvent(t)).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 1 });
    const join = (from: string, name: string) =>
      register(from, eventId, {
        ticketTypeId,
        quantity: 1,
        attendee: buyer(name),
        joinWaitlist: true,
      });
    expect((await join(clientAddress(500), 'first')).status).toBe(201);

    const spammer = '127.0.250.2';
    const spam = await Promise.all(
      Array.from({ length: 300 }, (_, i) => join(spammer, `spam${i}`)),
    );
    expect(spam.filter((r) => r.status === 202)).toHaveLength(10);
    expect(
      spam.filter((r) => r.status === 409).length + spam.filter((r) => r.status === 429).length,
    ).toBe(290);

    const person = await join(clientAddress(501), 'real');
    expect(person.status).toBe(202);
    expect((person.body as { position: number }).position).toBe(11);
  },
  LOADED_MS,
);

it(
  'shows an organizer the hoarding address first, and releases its holds',
  async () => {
    const eventId = (await createEvent(t)).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 4900, quantity: 8 });
    const hoarder = clientAddress(600);
    const order = (from: string, name: string, quantity = 1) =>
      register(from, eventId, { ticketTypeId, quantity, attendee: buyer(name) });
    for (let i = 0; i < 5; i++) expect((await order(hoarder, `h${i}`)).status).toBe(201);
    expect((await order(clientAddress(601), 'buyer', 2)).status).toBe(201);
    expect((await order(clientAddress(602), 'late', 2)).body).toMatchObject({ code: 'sold_out' });

    const holds = (await (await t.api(`/api/v1/events/${eventId}/holds`)).json()) as {
      orders: number;
      seats: number;
      byAddress: { key: string; orders: number; seats: number; others: number }[];
      byEmail: { key: string }[];
    };
    expect(holds).toMatchObject({ orders: 6, seats: 7 });
    expect(holds.byAddress[0]).toMatchObject({ key: hoarder, orders: 5, seats: 5, others: 5 });
    expect(holds.byAddress[1]).toMatchObject({ key: clientAddress(601), orders: 1, seats: 2 });
    expect(holds.byEmail).toHaveLength(6);

    const released = await t.api(`/api/v1/events/${eventId}/holds/release`, {
      body: { clientIp: hoarder },
    });
    expect(await released.json()).toEqual({ orders: 5, seats: 5 });
    const { rows: audited } = await t.server.db.query<{ details: unknown }>(
      `SELECT payload->'details' AS details FROM audit.audit_log
       WHERE action = 'holds.released' AND event_id = $1`,
      [eventId],
    );
    expect(audited.map((r) => r.details)).toEqual([
      expect.objectContaining({ clientIp: hoarder, orders: 5, seats: 5 }),
    ]);
    const after = (await (await t.api(`/api/v1/events/${eventId}/holds`)).json()) as {
      byAddress: { key: string }[];
    };
    expect(after.byAddress.map((g) => g.key)).toEqual([clientAddress(601)]);
    // The seats are on sale again.
    expect((await order(clientAddress(602), 'late', 2)).status).toBe(201);

    const neither = await t.api(`/api/v1/events/${eventId}/holds/release`, { body: {} });
    expect(neither.status).toBe(400);
  },
  LOADED_MS,
);
