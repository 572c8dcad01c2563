import { startTestServer, type TestServer } from './harness.js';
import { createEvent, createTicketType, json } from './registration-fixtures.js';

// Registration answers as people read them: exported under the question's label, and required by
// the import as the portal requires them.

describe.each(['pglite', 'postgres'] as const)('answers [%s]', (kind) => {
  let t: TestServer;
  let eventId: string;
  let typeId: string;
  let company: string;
  let shirt: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    eventId = (await createEvent(t)).id;
    typeId = await createTicketType(t, eventId, { name: 'Regular', priceCents: 0 });
    const question = async (body: Record<string, unknown>) =>
      (
        await json<{ id: string }>(
          await t.api(`/api/v1/events/${eventId}/questions`, { body }),
          201,
        )
      ).id;
    company = await question({ label: 'Company', kind: 'text' });
    shirt = await question({
      label: 'T-shirt size',
      kind: 'choice',
      required: true,
      options: ['S', 'M', 'L'],
      position: 1,
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('exports attendees with one column per question label', async () => {
    await json(
      await t.api(`/api/v1/events/${eventId}/registrations`, {
        token: null,
        body: {
          ticketTypeId: typeId,
          quantity: 1,
          attendee: { name: 'Ada', email: 'ada@example.org' },
          answers: { [company]: 'Globex', [shirt]: 'M' },
        },
      }),
      201,
    );
    const csv = await (
      await t.api(`/api/v1/events/${eventId}/exports/attendees?format=csv`)
    ).text();
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(
      'ticket_id,name,email,ticket_type,status,order_id,order_status,created_at,Company,T-shirt size',
    );
    expect(line!.endsWith(',Globex,M')).toBe(true);
    const rows = await json<{ answers: Record<string, unknown> }[]>(
      await t.api(`/api/v1/events/${eventId}/exports/attendees?format=json`),
      200,
    );
    expect(rows[0]!.answers).toEqual({ Company: 'Globex', 'T-shirt size': 'M' });
  });

  it('imports no row that lacks a required answer, naming its line and the question', async () => {
    const result = await json<{
      imported: number;
      errors: { line: number; code: string; message: string }[];
    }>(
      await t.api(`/api/v1/events/${eventId}/attendees/import`, {
        body: {
          rows: [
            {
              line: 2,
              name: 'Bo',
              email: 'bo@example.org',
              ticketType: 'Regular',
              answers: { [shirt]: 'L' },
            },
            {
              line: 3,
              name: 'Cy',
              email: 'cy@example.org',
              ticketType: 'Regular',
              answers: { [company]: 'Initech' },
            },
          ],
        },
      }),
      200,
    );
    expect(result.imported).toBe(1);
    expect(result.errors).toEqual([
      { line: 3, code: 'missing_answer', message: 'answer to "T-shirt size" is required' },
    ]);
    const names = await json<{ items: { name: string }[] }>(
      await t.api(`/api/v1/events/${eventId}/attendees?q=Cy`),
      200,
    );
    expect(names.items.filter((i) => i.name === 'Cy')).toEqual([]);
  });

  it('lets the organizer correct answers, checked like registration and kept in the ticket history', async () => {
    const order = await json<{ tickets: { id: string }[] }>(
      await t.api(`/api/v1/events/${eventId}/registrations`, {
        token: null,
        body: {
          ticketTypeId: typeId,
          quantity: 1,
          attendee: { name: 'Dee', email: 'dee@example.org' },
          answers: { [shirt]: 'S' },
        },
      }),
      201,
    );
    const ticketId = order.tickets[0]!.id;
    const put = (answers: Record<string, unknown>, token?: string | null) =>
      t.api(`/api/v1/tickets/${ticketId}/answers`, {
        method: 'PUT',
        body: { answers },
        ...(token === undefined ? {} : { token }),
      });
    const missing = await put({ [company]: 'Hooli' });
    expect(missing.status).toBe(400);
    expect((await missing.json()) as { detail: string }).toMatchObject({
      detail: expect.stringContaining('T-shirt size: is required'),
    });
    expect((await put({ [shirt]: 'L' }, null)).status).toBe(401);
    const changed = await json<{ answers: Record<string, unknown> }>(
      await put({ [shirt]: 'L', [company]: 'Hooli' }),
      200,
    );
    expect(changed.answers).toEqual({ [shirt]: 'L', [company]: 'Hooli' });
    const history = await json<{ entries: { action: string; details: unknown }[] }>(
      await t.api(`/api/v1/tickets/${ticketId}/history`),
      200,
    );
    expect(history.entries.at(-1)).toMatchObject({
      action: 'answers_changed',
      details: { from: { [shirt]: 'S' }, to: { [shirt]: 'L', [company]: 'Hooli' } },
    });
  });
});
