import { startTestServer, type TestServer } from './harness.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import {
  json,
  otherOrganizationToken,
  problemOf,
  scopedToken,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  asHolder,
  buy,
  claim,
  entryOf,
  join,
  later,
  soldOutLine,
  type EntryBody,
  type Place,
} from '../src/features/waitlist/test-support/waitlist-fixtures.js';

// Being on the waitlist: one entry per email and ticket type, a visible place in line, leaving,
// and the organizer's view of the line.

interface Page {
  items: (EntryBody & { ticketTypeId: string; attendee: { email: string } })[];
  nextCursor: string | null;
}

describe.each(['pglite', 'postgres'] as const)('waitlist entries [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const leave = (place: Place) =>
    t.api(`/api/v1/waitlist/${place.id}`, { method: 'DELETE', ...asHolder(place.accessKey) });

  it('keeps one entry per email and ticket type, whatever the case of the email', async () => {
    const line = await soldOutLine(t);
    const place = await join(t, line, { email: 'Dana@Example.org' });
    await problemOf(
      await buy(t, line, { email: '  dana@EXAMPLE.org ' }),
      409,
      'already_on_waitlist',
    );
    const otherType = await soldOutLine(t, { eventId: line.eventId });
    expect((await join(t, otherType, { email: 'dana@example.org' })).position).toBe(1);

    expect((await leave(place)).status).toBe(204);
    const again = await join(t, line, { email: 'dana@example.org' });
    expect(again.id).not.toBe(place.id);
    expect(again.position).toBe(1);
  });

  it('shows each person their place among those still waiting, moving up as others leave or get offers', async () => {
    const line = await soldOutLine(t);
    const places: Place[] = [];
    for (let i = 0; i < 4; i++) places.push(await join(t, line));
    const positions = async () =>
      Promise.all(places.map(async (p) => (await entryOf(t, p)).position));
    expect(await positions()).toEqual([1, 2, 3, 4]);

    expect((await leave(places[1]!)).status).toBe(204);
    expect(await positions()).toEqual([1, null, 2, 3]);

    await releaseExpiredHolds(t.server.db, { now: later(31) });
    expect(await positions()).toEqual([null, null, 1, 2]);
    expect(await entryOf(t, places[0]!)).toMatchObject({ status: 'offered', quantity: 1 });
  });

  it('tells people who join at the same moment each their own place in line', async () => {
    const line = await soldOutLine(t);
    const places = await Promise.all(Array.from({ length: 12 }, () => join(t, line)));
    expect(places.map((p) => p.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('lets an entry leave twice without complaint, but not once its offer became an order', async () => {
    const line = await soldOutLine(t);
    const waiting = await join(t, line);
    const claimer = await join(t, line);
    expect((await leave(waiting)).status).toBe(204);
    expect((await leave(waiting)).status).toBe(204);
    expect((await entryOf(t, waiting)).status).toBe('cancelled');
    await problemOf(await claim(t, waiting), 409, 'waitlist_entry_cancelled');

    await releaseExpiredHolds(t.server.db, { now: later(31) });
    const order = await json<{ id: string }>(await claim(t, claimer), 201);
    const refused = await problemOf(await leave(claimer), 409, 'offer_already_claimed');
    expect(refused.orderId).toBe(order.id);
    await problemOf(
      await t.api(`/api/v1/waitlist/${claimer.id}`, { method: 'DELETE', token: null }),
      401,
      'missing_credential',
    );
  });

  it('lists an event’s line for its organizer in order, by ticket type and status, a page at a time', async () => {
    const line = await soldOutLine(t);
    const other = await soldOutLine(t, { eventId: line.eventId });
    const places: Place[] = [];
    for (let i = 0; i < 3; i++) places.push(await join(t, line));
    const elsewhere = await join(t, other);
    const reader = await scopedToken(t, ['events:read']);
    const list = async (query: string) =>
      json<Page>(
        await t.api(`/api/v1/events/${line.eventId}/waitlist${query}`, { token: reader }),
        200,
      );

    const all = await list('');
    expect(all.items.map((e) => e.id)).toEqual([...places.map((p) => p.id), elsewhere.id]);
    expect(all.items.map((e) => e.position)).toEqual([1, 2, 3, 1]);
    expect(all.items[0]).toMatchObject({
      status: 'waiting',
      ticketTypeId: line.ticketTypeId,
      attendee: { email: places[0]!.email },
    });
    expect(all.nextCursor).toBeNull();

    const ofType = await list(`?ticketTypeId=${line.ticketTypeId}&limit=2`);
    expect(ofType.items.map((e) => e.id)).toEqual([places[0]!.id, places[1]!.id]);
    const rest = await list(
      `?ticketTypeId=${line.ticketTypeId}&limit=2&cursor=${ofType.nextCursor!}`,
    );
    expect(rest.items.map((e) => e.id)).toEqual([places[2]!.id]);
    expect(rest.nextCursor).toBeNull();

    await releaseExpiredHolds(t.server.db, { now: later(31) });
    const offered = await list(`?status=offered`);
    expect(offered.items.map((e) => e.id)).toEqual([places[0]!.id, elsewhere.id]);
    expect(offered.items.every((e) => e.offerExpiresAt !== null && e.position === null)).toBe(true);
  });

  it('shows an event’s line only to its own organization, and refuses bad queries', async () => {
    const line = await soldOutLine(t);
    await join(t, line);
    const path = `/api/v1/events/${line.eventId}/waitlist`;
    await problemOf(
      await t.api(path, { token: await otherOrganizationToken(t) }),
      404,
      'event_not_found',
    );
    await problemOf(await t.api(path, { token: null }), 401, 'missing_token');
    await problemOf(await t.api(`${path}?cursor=bogus`), 400, 'invalid_cursor');
    await problemOf(await t.api(`${path}?status=pending`), 400, 'validation_failed');
    await problemOf(await t.api(`${path}?limit=0`), 400, 'validation_failed');
    await problemOf(await t.api(`${path}?ticketTypeId=nope`), 400, 'validation_failed');
    await problemOf(await t.api(`${path}?colour=red`), 400, 'validation_failed');
  });
});
