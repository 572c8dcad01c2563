import { startTestServer, type TestServer } from './harness.js';
import type { CheckinStats } from '../src/features/checkin/schema.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  eventWithTickets,
  strangerCheckinToken,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

type Stats = CheckinStats;

describe.each(['pglite', 'postgres'] as const)('check-in stats [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  const stats = async (eventId: string) =>
    json<Stats>(await t.api(`/api/v1/events/${eventId}/checkin-stats`), 200);

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 4);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts nothing admitted before the doors open, all valid tickets on the default list', async () => {
    expect(await stats(ev.eventId)).toMatchObject({
      eventId: ev.eventId,
      admitted: 0,
      inside: 0,
      total: 4,
      lists: [{ listId: ev.eventId, name: 'Default', admitted: 0, inside: 0, total: 4 }],
      gates: [],
    });
  });

  it('counts each admitted ticket once, by gate, and leaves out refusals and revoked tickets', async () => {
    const [a, b, c] = ev.tickets;
    await checkIn(t, ev.eventId, { token: a!.token, gate: 'North' });
    await checkIn(t, ev.eventId, { token: a!.token, gate: 'South' }); // already checked in
    await checkIn(t, ev.eventId, { token: b!.token, gate: 'South' });
    await checkIn(t, ev.eventId, { token: c!.token });
    await checkIn(t, ev.eventId, { token: 'not a ticket', gate: 'North' });
    const revoked = ev.tickets[3]!;
    expect((await t.api(`/api/v1/tickets/${revoked.id}/revoke`, { body: {} })).status).toBe(200);

    const s = await stats(ev.eventId);
    expect(s).toMatchObject({ admitted: 3, inside: 3, total: 3 });
    expect(s.lists).toEqual([
      { listId: ev.eventId, name: 'Default', admitted: 3, inside: 3, total: 3 },
    ]);
    expect(s.gates).toEqual([
      { gate: null, listId: ev.eventId, listName: 'Default', admitted: 1, exits: 0 },
      { gate: 'North', listId: ev.eventId, listName: 'Default', admitted: 1, exits: 0 },
      { gate: 'South', listId: ev.eventId, listName: 'Default', admitted: 1, exits: 0 },
    ]);
  });

  it('splits figures by check-in list: a list counts the tickets of its own ticket types', async () => {
    const other = await eventWithTickets(t, 3);
    const list = (body: Record<string, unknown>) =>
      t
        .api(`/api/v1/events/${other.eventId}/checkin-lists`, { body })
        .then((r) => json<{ id: string }>(r, 201));
    const main = await list({ name: 'Main', gates: ['A'] });
    const workshop = await list({
      name: 'Workshop',
      ticketTypeIds: [other.ticketTypeId],
      gates: ['W'],
    });
    await checkIn(t, other.eventId, { token: other.tickets[0]!.token, gate: 'A' });
    await checkIn(t, other.eventId, { token: other.tickets[0]!.token, gate: 'W' });
    await checkIn(t, other.eventId, { token: other.tickets[1]!.token, gate: 'W' });

    const s = await stats(other.eventId);
    expect(s).toMatchObject({ admitted: 2, inside: 2, total: 3 });
    expect(s.lists).toEqual([
      { listId: main.id, name: 'Main', admitted: 1, inside: 1, total: 3 },
      { listId: workshop.id, name: 'Workshop', admitted: 2, inside: 2, total: 3 },
    ]);
    expect(s.gates).toEqual([
      { gate: 'A', listId: main.id, listName: 'Main', admitted: 1, exits: 0 },
      { gate: 'W', listId: workshop.id, listName: 'Workshop', admitted: 2, exits: 0 },
    ]);
  });

  it('counts who is inside now: an exit lets a ticket out, a re-entry brings it back', async () => {
    const venue = await eventWithTickets(t, 3);
    const hall = await json<{ id: string }>(
      await t.api(`/api/v1/events/${venue.eventId}/checkin-lists`, {
        body: { name: 'Hall', entryRule: 'reentry_after_exit', gates: ['Front', 'Back'] },
      }),
      201,
    );
    const [a, b, c] = venue.tickets.map((x) => x.token);
    const scan = (token: string, gate: string, direction: 'entry' | 'exit') =>
      checkIn(t, venue.eventId, { token, gate, direction });
    expect((await scan(a!, 'Front', 'entry')).result).toBe('admitted');
    expect((await scan(b!, 'Front', 'entry')).result).toBe('admitted');
    expect((await scan(c!, 'Back', 'entry')).result).toBe('admitted');
    expect((await scan(a!, 'Back', 'exit')).result).toBe('admitted');
    expect((await scan(b!, 'Back', 'exit')).result).toBe('admitted');
    expect((await scan(b!, 'Front', 'entry')).result).toBe('admitted');
    // An exit of a ticket that is outside is refused and moves nothing.
    expect((await scan(a!, 'Back', 'exit')).result).toBe('invalid');

    const s = await stats(venue.eventId);
    expect(s).toMatchObject({ admitted: 3, inside: 2, total: 3 });
    expect(s.lists).toEqual([{ listId: hall.id, name: 'Hall', admitted: 3, inside: 2, total: 3 }]);
    expect(s.gates).toEqual([
      { gate: 'Back', listId: hall.id, listName: 'Hall', admitted: 1, exits: 2 },
      { gate: 'Front', listId: hall.id, listName: 'Hall', admitted: 2, exits: 0 },
    ]);
  });

  it('answers 404 for an event of another organization and 400 for a malformed id', async () => {
    const stranger = await strangerCheckinToken(t);
    const res = await t.api(`/api/v1/events/${ev.eventId}/checkin-stats`, { token: stranger });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('event_not_found');
    const bad = await t.api('/api/v1/events/not-a-uuid/checkin-stats');
    expect(bad.status).toBe(400);
  });
});
