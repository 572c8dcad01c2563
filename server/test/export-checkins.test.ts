import { startTestServer, type TestServer } from './harness.js';
import {
  checkIn,
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

describe.each(['pglite', 'postgres'] as const)('checkins export [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 2);
    await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token, gate: '=HYPERLINK("x")' });
    await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token, gate: 'South' });
    await checkIn(t, ev.eventId, { token: 'garbage' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lists every scan in the order received, refusals included, with the attendee', async () => {
    const res = await t.api(`/api/v1/events/${ev.eventId}/exports/checkins?format=json`);
    expect(res.status).toBe(200);
    const rows = (await res.json()) as Record<string, string | null>[];
    expect(rows.map((r) => [r.result, r.gate, r.ticket_id, r.list])).toEqual([
      ['admitted', '=HYPERLINK("x")', ev.tickets[0]!.id, 'Default'],
      ['already_checked_in', 'South', ev.tickets[0]!.id, 'Default'],
      ['invalid', null, null, 'Default'],
    ]);
    expect(rows[0]).toMatchObject({ direction: 'entry', origin: 'online' });
    expect(rows[0]!.name).toMatch(/^Attendee \d+$/);
    expect(rows[0]!.email).toMatch(/@example\.org$/);
    expect(rows[2]).toMatchObject({ name: null, email: null, ticket_type: null });
  });

  it('writes CSV with a header and escapes a cell that would run as a formula', async () => {
    const res = await t.api(`/api/v1/events/${ev.eventId}/exports/checkins`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe(
      'scan_id,ticket_id,name,email,ticket_type,list,gate,direction,result,reason,origin,device,scanned_at,received_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('answers an empty export for an event without scans and 404 for an unknown event', async () => {
    const quiet = await eventWithTickets(t, 1);
    const res = await t.api(`/api/v1/events/${quiet.eventId}/exports/checkins?format=json`);
    expect(await res.json()).toEqual([]);
    const unknown = await t.api(
      '/api/v1/events/00000000-0000-4000-8000-000000000000/exports/checkins',
    );
    expect(unknown.status).toBe(404);
  });
});
