import { readFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  eventWithTickets,
  strangerCheckinToken,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// The check-in migration is parked beside its feature until 0006 and 0007 exist; apply it here
// until the server does (then this does nothing).
async function requireCheckinSchema(t: TestServer): Promise<void> {
  const { rows } = await t.server.db.query<{ t: string | null }>(
    "SELECT to_regclass('checkin_lists')::text AS t",
  );
  if (rows[0]?.t != null) return;
  const sql = new URL('../src/features/checkin/migration/0008_checkin.sql', import.meta.url);
  await t.server.db.exec(await readFile(sql, 'utf8'));
}

interface Stats {
  eventId: string;
  admitted: number;
  total: number;
  lists: { listId: string; name: string; admitted: number; total: number }[];
  gates: { gate: string | null; listId: string; listName: string | null; admitted: number }[];
}

describe.each(['pglite', 'postgres'] as const)('check-in stats [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  const stats = async (eventId: string) =>
    json<Stats>(await t.api(`/api/v1/events/${eventId}/checkin-stats`), 200);

  beforeAll(async () => {
    t = await startTestServer(kind);
    await requireCheckinSchema(t);
    ev = await eventWithTickets(t, 4);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts nothing admitted before the doors open, all valid tickets on the default list', async () => {
    expect(await stats(ev.eventId)).toMatchObject({
      eventId: ev.eventId,
      admitted: 0,
      total: 4,
      lists: [{ listId: ev.eventId, name: 'Default', admitted: 0, total: 4 }],
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
    expect(s).toMatchObject({ admitted: 3, total: 3 });
    expect(s.lists).toEqual([{ listId: ev.eventId, name: 'Default', admitted: 3, total: 3 }]);
    expect(s.gates).toEqual([
      { gate: null, listId: ev.eventId, listName: 'Default', admitted: 1 },
      { gate: 'North', listId: ev.eventId, listName: 'Default', admitted: 1 },
      { gate: 'South', listId: ev.eventId, listName: 'Default', admitted: 1 },
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
    expect(s).toMatchObject({ admitted: 2, total: 3 });
    expect(s.lists).toEqual([
      { listId: main.id, name: 'Main', admitted: 1, total: 3 },
      { listId: workshop.id, name: 'Workshop', admitted: 2, total: 3 },
    ]);
    expect(s.gates).toEqual([
      { gate: 'A', listId: main.id, listName: 'Main', admitted: 1 },
      { gate: 'W', listId: workshop.id, listName: 'Workshop', admitted: 2 },
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
