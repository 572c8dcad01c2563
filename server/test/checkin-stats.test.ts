import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import type { CheckinStats } from '../src/features/checkin/schema.js';
import { toStats } from '../src/features/checkin/stats.js';
import { recountedStatsRows } from '../src/features/checkin/test-support/stats-recount.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  enrolledKiosk,
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

  it('keeps its counters equal to a recount from every scan, through exits, uploads out of order, annulments, revocations and racing scans', async () => {
    const venue = await eventWithTickets(t, 12);
    const e = venue.eventId;
    const token = (i: number) => venue.tickets[i]!.token;
    const list = (body: Record<string, unknown>) =>
      t
        .api(`/api/v1/events/${e}/checkin-lists`, { body })
        .then((r) => json<{ id: string }>(r, 201));
    const hall = await list({
      name: 'Hall',
      entryRule: 'reentry_after_exit',
      gates: ['Front', 'Back'],
    });
    const workshop = await list({ name: 'Workshop', gates: ['W'] });
    const kiosk = await enrolledKiosk(t, e);
    const { rows } = await t.server.db.query<{ org: string }>(
      'SELECT organization_id AS org FROM events WHERE id = $1',
      [e],
    );
    const expectCountsMatchRecount = async () => {
      const counted = await stats(e);
      const recounted = toStats(
        e,
        await recountedStatsRows(t.server.db, e, rows[0]!.org),
        new Date(),
      );
      expect({ ...counted, at: 0 }).toEqual({ ...recounted, at: 0 });
      return counted;
    };
    const scan = (i: number, listId: string, gate: string, direction: 'entry' | 'exit') =>
      checkIn(t, e, { token: token(i), listId, gate, direction });

    for (let i = 0; i < 8; i++)
      expect((await scan(i, hall.id, 'Front', 'entry')).result).toBe('admitted');
    for (const i of [0, 1, 2])
      expect((await scan(i, hall.id, 'Back', 'exit')).result).toBe('admitted');
    expect((await scan(1, hall.id, 'Front', 'entry')).result).toBe('admitted');
    await scan(3, workshop.id, 'W', 'entry');
    await expectCountsMatchRecount();

    // A kiosk that was offline uploads scans made before some of the online ones: ticket 4's exit
    // an hour ago does not take it out (its online entry came later); ticket 9's entry counts.
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const offline = [
      {
        scanId: randomUUID(),
        token: token(4),
        scannedAt: ago(60),
        direction: 'exit',
        gate: 'Back',
      },
      {
        scanId: randomUUID(),
        token: token(9),
        scannedAt: ago(30),
        direction: 'entry',
        gate: 'Front',
      },
      { scanId: randomUUID(), token: token(10), scannedAt: ago(20), direction: 'entry' },
    ].map((s) => ({ ...s, listId: hall.id, deviceId: kiosk.deviceId, deviceResult: 'admitted' }));
    const uploaded = await t.api(`/api/v1/events/${e}/scans`, {
      token: kiosk.token,
      body: { scans: offline },
    });
    expect([uploaded.status, await uploaded.text()]).toEqual([200, expect.anything()]);
    await expectCountsMatchRecount();

    // An annulled entry stops counting; a revoked ticket leaves every figure.
    const wrong = await scan(11, hall.id, 'Front', 'entry');
    const annulled = await t.api(`/api/v1/events/${e}/scans/${wrong.scanId}/annul`, { body: {} });
    expect(annulled.status).toBe(200);
    const revoked = await t.api(`/api/v1/tickets/${venue.tickets[5]!.id}/revoke`, { body: {} });
    expect(revoked.status).toBe(200);
    const before = await expectCountsMatchRecount();

    // Racing scans: each remaining ticket scanned at both gates at once, and ticket 6 leaving by
    // both doors together; exactly one of each pair counts.
    const racing = await Promise.all([
      ...[0, 2, 11].flatMap((i) => [
        scan(i, hall.id, 'Front', 'entry'),
        scan(i, hall.id, 'Back', 'entry'),
      ]),
      scan(6, hall.id, 'Front', 'exit'),
      scan(6, hall.id, 'Back', 'exit'),
      scan(7, workshop.id, 'W', 'entry'),
      scan(7, hall.id, 'Back', 'exit'),
    ]);
    expect(racing.filter((r) => r.result === 'admitted')).toHaveLength(6);
    const after = await expectCountsMatchRecount();
    // 0, 2 and 11 came in, 6 and 7 left the hall (7 is inside the workshop): 8 - 2 + 3 - 2 + 1.
    expect(after.inside - before.inside).toBe(3 - 1);
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
