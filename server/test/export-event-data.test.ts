import { startTestServer, type TestServer } from './harness.js';
import {
  createEvent,
  createTicketType,
  json,
  otherOrganizationToken,
  problemOf,
  scopedToken,
} from './registration-fixtures.js';

describe.each(['pglite', 'postgres'] as const)('streaming exports over HTTP [%s]', (kind) => {
  let t: TestServer;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    eventId = (await createEvent(t)).id;
    await createTicketType(t, eventId, { name: 'Regular', quantity: 3000 });
    // More rows than one page of the export, some of them hostile to spreadsheets.
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      line: i + 2,
      name: i === 0 ? '=HYPERLINK("http://evil","click")' : i === 1 ? 'Li, "Ana"' : `Guest ${i}`,
      email: `guest-${i}@example.org`,
      ticketType: 'Regular',
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await json(
        await t.api(`/api/v1/events/${eventId}/attendees/import`, {
          body: { rows: rows.slice(i, i + 1000) },
        }),
        200,
      );
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  const exportOf = (what: string, format: string, token?: string) =>
    t.api(`/api/v1/events/${eventId}/exports/${what}?format=${format}`, token ? { token } : {});

  it('streams every attendee as CSV, once each, with formula cells escaped and quotes doubled', async () => {
    const res = await exportOf('attendees', 'csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'ticket_id,name,email,ticket_type,status,order_id,order_status,created_at',
    );
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(2500);
    expect(lines.find((l) => l.includes('guest-0@'))).toContain(
      `"'=HYPERLINK(""http://evil"",""click"")"`,
    );
    expect(lines.find((l) => l.includes('guest-1@'))).toContain('"Li, ""Ana"""');
  });

  it('streams orders as a JSON array with numbers as numbers', async () => {
    const res = await exportOf('orders', 'json');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const orders = (await res.json()) as Record<string, unknown>[];
    expect(orders).toHaveLength(2500);
    expect(orders.find((o) => o.email === 'guest-0@example.org')).toMatchObject({
      status: 'confirmed',
      name: '=HYPERLINK("http://evil","click")',
      ticket_type: 'Regular',
      quantity: 1,
      total_cents: 0,
      payment_method: 'free',
    });
  });

  it('refuses an unknown export, a token without tickets:read and another organization', async () => {
    await problemOf(await exportOf('badges', 'csv'), 400, 'validation_failed');
    await problemOf(await exportOf('attendees', 'xlsx'), 400, 'validation_failed');
    const noTickets = await scopedToken(t, ['events:read']);
    expect((await exportOf('attendees', 'csv', noTickets)).status).toBe(403);
    await problemOf(
      await exportOf('attendees', 'csv', await otherOrganizationToken(t)),
      404,
      'event_not_found',
    );
  });
});
