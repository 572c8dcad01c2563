import { startTestServer, type TestServer } from './harness.js';
import { isSoldOutAtCommit } from '../src/features/registration/capacity.js';
import { placeOrder } from '../src/features/registration/place-order.js';
import {
  attendee,
  createEvent,
  createTicketType,
  footprint,
  json,
  problemOf,
  registerRaw,
  ticketTypes,
} from './registration-fixtures.js';

const RUSH = 500;
const SEATS = 100;

describe.each(['pglite', 'postgres'] as const)('a sale rush [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Every other buyer asks for the waitlist when sold out. */
  const rush = (eventId: string, typeFor: (i: number) => string) =>
    Promise.all(
      Array.from({ length: RUSH }, (_, i) =>
        registerRaw(t, eventId, {
          ticketTypeId: typeFor(i),
          quantity: 1,
          attendee: attendee(`rush-${i}`),
          joinWaitlist: i % 2 === 1,
        }),
      ),
    );

  /** 100 confirmed; every loser got 409 sold_out or, when asked, a waitlist place. */
  async function expectExactlySold(responses: Response[], eventId: string) {
    const by = (s: number) => responses.filter((r) => r.status === s);
    expect(by(201)).toHaveLength(SEATS);
    expect(by(201).length + by(202).length + by(409).length).toBe(RUSH);
    for (const r of by(409)) await problemOf(r, 409, 'sold_out');
    const places = await Promise.all(
      by(202).map((r) => json<{ status: string; position: number }>(r, 202)),
    );
    expect(places.every((p) => p.status === 'waitlisted')).toBe(true);
    expect(places.every((p) => p.position >= 1)).toBe(true);

    const rows = await footprint(t, eventId);
    expect(rows).toMatchObject({
      orders: SEATS,
      confirmed: SEATS,
      tickets: SEATS,
      seats: SEATS,
      waitlist: places.length,
    });
  }

  it(`sells exactly ${SEATS} of a quantity of ${SEATS} to ${RUSH} concurrent registrations`, async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, quantity: SEATS });
    const responses = await rush(eventId, () => type);
    await expectExactlySold(responses, eventId);
    expect(await ticketTypes(t, eventId)).toEqual([
      expect.objectContaining({ id: type, sold: SEATS, held: 0, available: 0 }),
    ]);
  }, 180_000);

  it(`sells exactly ${SEATS} when two ticket types share a quota of ${SEATS}`, async () => {
    const { id: eventId } = await createEvent(t);
    const early = await createTicketType(t, eventId, { priceCents: 0, quantity: 400 });
    const regular = await createTicketType(t, eventId, { priceCents: 0, quantity: 400 });
    const quota = await json<{ id: string }>(
      await t.api(`/api/v1/events/${eventId}/quotas`, {
        body: { name: 'Venue', size: SEATS, ticketTypeIds: [early, regular] },
      }),
      201,
    );
    const responses = await rush(eventId, (i) => (i % 4 < 2 ? early : regular));
    await expectExactlySold(responses, eventId);

    const types = await ticketTypes(t, eventId);
    expect(types.reduce((n, x) => n + x.sold, 0)).toBe(SEATS);
    expect(types.every((x) => x.held === 0 && x.available === 0)).toBe(true);
    expect(
      await json(await t.api(`/api/v1/events/${eventId}/quotas/${quota.id}`), 200),
    ).toMatchObject({ size: SEATS, used: SEATS, available: 0 });
  }, 180_000);

  it('an order whose seat claim finds its quota full at COMMIT leaves nothing behind', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, quantity: 5 });
    await json(
      await t.api(`/api/v1/events/${eventId}/quotas`, {
        body: { name: 'Room', size: 1, ticketTypeIds: [type] },
      }),
      201,
    );
    expect(
      (
        await registerRaw(t, eventId, {
          ticketTypeId: type,
          quantity: 1,
          attendee: attendee('first'),
        })
      ).status,
    ).toBe(201);
    const before = await footprint(t, eventId);

    // Past the sale's fail-fast read: only the claim written with the order can stop it.
    const failure = await t.server.db
      .transaction((tx) =>
        placeOrder(tx, {
          eventId,
          ticketTypeId: type,
          quantity: 1,
          attendee: { name: 'Second', email: 'second@example.org' },
          emailNormalized: 'second@example.org',
          answers: {},
          promoCodeId: null,
          price: { subtotalCents: 0, discountCents: 0, totalCents: 0 },
          currency: 'EUR',
          paymentProvider: 'manual',
          holdMinutes: 15,
          now: new Date(),
          claimSeats: true,
        }),
      )
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(isSoldOutAtCommit(failure)).toBe(true);
    expect(await footprint(t, eventId)).toEqual(before);
    expect(await ticketTypes(t, eventId)).toEqual([
      expect.objectContaining({ id: type, sold: 1, held: 0, available: 0 }),
    ]);
  });
});
