import {
  register,
  json,
  type Order,
} from '../../../server/src/features/ticketing/test-support/ticket-fixtures.js';
import { checkIn } from '../../../server/src/features/checkin/test-support/checkin-fixtures.js';
import { addItem, agendaPath, releaseSchedule } from '../../../server/test/schedule-fixtures.js';
import {
  caughtUp,
  flagsOf,
  openVenue,
  startStation,
  until,
  type Station,
  type Venue,
} from './support/venue.js';

// Acceptance (issue 17): a check-in list bound to a schedule room admits, at the room's door,
// the confirmed signups of the session on now — online, and offline from the synced signups;
// two offline doors admitting one signup at once converge to one entry and a flag.
describe('a session door: check-in list of a room [postgres]', () => {
  let venue: Venue;
  let doorA: Station;
  let doorB: Station;
  let seated: Order;
  let stranger: Order;
  let late: Order;
  let online: Order;
  let labListId: string;
  let hallListId: string;
  let workshopId: string;

  const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
  const signUp = async (order: Order, sessionId: string) =>
    json<{ status: string }>(
      await venue.t.api(agendaPath(order.tickets[0]!.id, `/signups/${sessionId}`), {
        method: 'POST',
        token: null,
        headers: { 'x-access-key': order.accessKey },
      }),
      201,
    );

  beforeAll(async () => {
    venue = await openVenue(0);
    const { t, ev } = venue;
    [seated, stranger, late, online] = [
      await register(t, ev),
      await register(t, ev),
      await register(t, ev),
      await register(t, ev),
    ];
    const lab = await addItem(t, ev.eventId, 'rooms', { name: 'Lab', capacity: 12 });
    const hall = await addItem(t, ev.eventId, 'rooms', { name: 'Hall', capacity: 300 });
    workshopId = (
      await addItem(t, ev.eventId, 'sessions', {
        title: 'Soldering workshop',
        durationMinutes: 60,
        signupCapacity: 10,
      })
    ).id;
    const keynote = await addItem(t, ev.eventId, 'sessions', {
      title: 'Keynote',
      durationMinutes: 60,
    });
    // The workshop started ten minutes ago; the keynote is this afternoon.
    await addItem(t, ev.eventId, 'slots', {
      kind: 'session',
      sessionId: workshopId,
      roomId: lab.id,
      startsAt: minutes(-10),
    });
    await addItem(t, ev.eventId, 'slots', {
      kind: 'session',
      sessionId: keynote.id,
      roomId: hall.id,
      startsAt: minutes(180),
    });
    expect((await releaseSchedule(t, ev.eventId, 'Programme', true)).status).toBe(201);
    expect(await signUp(seated, workshopId)).toEqual({ status: 'confirmed' });
    expect(await signUp(online, workshopId)).toEqual({ status: 'confirmed' });
    const list = async (body: object) =>
      json<{ id: string; roomId: string | null }>(
        await t.api(`/api/v1/events/${ev.eventId}/checkin-lists`, { body }),
        201,
      );
    const labList = await list({ name: 'Lab door', roomId: lab.id, gates: ['lab'] });
    expect(labList.roomId).toBe(lab.id);
    labListId = labList.id;
    hallListId = (await list({ name: 'Hall door', roomId: hall.id, gates: ['hall'] })).id;
    [doorA, doorB] = await Promise.all([
      startStation(venue, 'lab-a', { gate: 'lab' }),
      startStation(venue, 'lab-b', { gate: 'lab' }),
    ]);
    await until('both doors synced', async () =>
      (await Promise.all([doorA.api, doorB.api].map((api) => caughtUp(api, 0)))).every(Boolean),
    );
  });
  afterAll(async () => {
    await Promise.all([doorA?.stop(), doorB?.stop()]);
    await venue?.close();
  });

  it('admits a signup online, refuses a ticket without one, and any ticket when no session is on', async () => {
    const { t, ev } = venue;
    const door = { token: online.tickets[0]!.token, listId: labListId };
    expect(await checkIn(t, ev.eventId, door)).toMatchObject({ result: 'admitted' });
    expect(await checkIn(t, ev.eventId, door)).toMatchObject({ result: 'already_checked_in' });
    expect(
      await checkIn(t, ev.eventId, { token: stranger.tickets[0]!.token, listId: labListId }),
    ).toMatchObject({ result: 'invalid', reason: 'not_signed_up' });
    expect(
      await checkIn(t, ev.eventId, { token: seated.tickets[0]!.token, listId: hallListId }),
    ).toMatchObject({ result: 'invalid', reason: 'no_session_now' });
  });

  it('admits signups offline from the synced list, and converges when two doors admit one', async () => {
    // A signup made now reaches the doors through the change feed.
    const signedUpAt = Date.now();
    expect(await signUp(late, workshopId)).toEqual({ status: 'confirmed' });
    // A round that starts now, after the signup's commit: one already under way may have read the
    // feed before it and still finish after `signedUpAt`.
    await Promise.all([doorA.agent.syncNow(), doorB.agent.syncNow()]);
    await until('both doors heard of the signup', async () =>
      (await Promise.all([doorA.api, doorB.api].map((api) => caughtUp(api, signedUpAt)))).every(
        Boolean,
      ),
    );

    await venue.network.cut();
    const a = await doorA.api.scan(seated.tickets[0]!.token);
    const b = await doorB.api.scan(seated.tickets[0]!.token);
    expect([a, b]).toEqual([
      expect.objectContaining({ result: 'admitted', offline: true }),
      expect.objectContaining({ result: 'admitted', offline: true }),
    ]);
    expect(await doorA.api.scan(stranger.tickets[0]!.token)).toMatchObject({
      result: 'invalid',
      reason: 'not_signed_up',
      offline: true,
    });
    expect(await doorB.api.scan(late.tickets[0]!.token)).toMatchObject({
      result: 'admitted',
      offline: true,
    });
    expect(await doorB.api.scan(late.tickets[0]!.token)).toMatchObject({
      result: 'already_checked_in',
      offline: true,
    });

    const mended = Date.now();
    await venue.network.mend();
    await until('both doors uploaded', async () =>
      (await Promise.all([doorA.api, doorB.api].map((api) => caughtUp(api, mended)))).every(
        Boolean,
      ),
    );
    // One entry counts for the workshop; the other door's is flagged as a duplicate.
    const flags = (await flagsOf(venue)).filter((f) => f.ticketId === seated.tickets[0]!.id);
    expect(flags).toHaveLength(1);
    expect([flags[0]!.scan.scanId, flags[0]!.duplicateOf.scanId].sort()).toEqual(
      [a.scanId, b.scanId].sort(),
    );
    const { rows } = await venue.t.server.db.query<{ list_id: string }>(
      `SELECT DISTINCT list_id::text FROM checkin_scans WHERE scan_id = ANY($1::uuid[])`,
      [[a.scanId, b.scanId]],
    );
    expect(rows).toEqual([{ list_id: labListId }]);
  });
});
