import { verifyTicketToken, PublicKeyring } from '@lanyard/core';
import { startTestServer, type TestServer } from './harness.js';
import {
  createEvent,
  createTicketType,
  json,
  otherOrganizationToken,
  problemOf,
  registerRaw,
  scopedToken,
  ticketTypes,
} from './registration-fixtures.js';

interface ImportResult {
  imported: number;
  skipped: number;
  errors: { line: number; code: string; message: string }[];
  dryRun: boolean;
}

const row = (line: number, over: Record<string, unknown> = {}) => ({
  line,
  name: `Guest ${line}`,
  email: `guest-${line}@example.org`,
  ticketType: 'Regular',
  ...over,
});

describe.each(['pglite', 'postgres'] as const)('bulk attendee import over HTTP [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const importRows = (eventId: string, body: Record<string, unknown>, token?: string) =>
    t.api(`/api/v1/events/${eventId}/attendees/import`, { body, ...(token ? { token } : {}) });
  const setup = async (quantity = 100) => {
    const event = await createEvent(t);
    const regularId = await createTicketType(t, event.id, {
      name: 'Regular',
      priceCents: 9900,
      quantity,
    });
    return { eventId: event.id, regularId };
  };

  it('issues a valid, signed comp ticket per good row and names each bad row by its line', async () => {
    const { eventId, regularId } = await setup();
    const res = await importRows(eventId, {
      rows: [
        row(2),
        row(3, { email: 'nope' }),
        row(4, { ticketType: 'regular' }),
        row(5, { ticketType: 'Gold' }),
      ],
    });
    const out = await json<ImportResult>(res, 200);
    expect(out).toEqual({
      imported: 2,
      skipped: 0,
      dryRun: false,
      errors: [
        { line: 3, code: 'invalid_email', message: 'email "nope" is not an email address' },
        {
          line: 5,
          code: 'unknown_ticket_type',
          message: 'ticket type "Gold" is not on sale for this event',
        },
      ],
    });
    expect((await ticketTypes(t, eventId)).find((x) => x.id === regularId)).toMatchObject({
      sold: 2,
    });
    const page = await json<{
      items: { token: string; status: string; attendee: { email: string } }[];
    }>(await t.api(`/api/v1/events/${eventId}/tickets`), 200);
    expect(page.items.map((i) => [i.attendee.email, i.status]).sort()).toEqual([
      ['guest-2@example.org', 'valid'],
      ['guest-4@example.org', 'valid'],
    ]);
    const keys = await json<{ keys: { kid: string; publicKey: string; alg: 'Ed25519' }[] }>(
      await t.api(`/api/v1/events/${eventId}/signing-keys`),
      200,
    );
    const ring = new PublicKeyring(keys.keys);
    expect(verifyTicketToken(page.items[0]!.token, { keys: ring, eventId }).ok).toBe(true);
  });

  it('imports nothing twice: a re-run skips every row already imported, whatever the email case', async () => {
    const { eventId, regularId } = await setup();
    await json<ImportResult>(await importRows(eventId, { rows: [row(2), row(3)] }), 200);
    const again = await json<ImportResult>(
      await importRows(eventId, {
        rows: [row(2, { email: 'GUEST-2@example.org ' }), row(3), row(4)],
      }),
      200,
    );
    expect(again).toMatchObject({ imported: 1, skipped: 2, errors: [] });
    expect((await ticketTypes(t, eventId)).find((x) => x.id === regularId)).toMatchObject({
      sold: 3,
    });
  });

  it('imports rows once when two runs send them at the same time', async () => {
    const { eventId, regularId } = await setup();
    const rows = [row(2), row(3), row(4)];
    const both = await Promise.all([
      importRows(eventId, { rows }).then((r) => json<ImportResult>(r, 200)),
      importRows(eventId, { rows }).then((r) => json<ImportResult>(r, 200)),
    ]);
    expect(both.map((o) => o.imported).sort()).toEqual([0, 3]);
    expect(both.map((o) => o.skipped).sort()).toEqual([0, 3]);
    expect((await ticketTypes(t, eventId)).find((x) => x.id === regularId)).toMatchObject({
      sold: 3,
    });
  });

  it('skips an attendee who already registered for the same ticket type', async () => {
    const { eventId, regularId } = await setup();
    await createTicketType(t, eventId, { name: 'Free', priceCents: 0, quantity: 5 });
    const types = await ticketTypes(t, eventId);
    const free = types.find((x) => x.id !== regularId)!;
    const reg = await registerRaw(t, eventId, {
      ticketTypeId: free.id,
      quantity: 1,
      attendee: { name: 'Early', email: 'early@example.org' },
    });
    expect(reg.status).toBe(201);
    const out = await json<ImportResult>(
      await importRows(eventId, {
        rows: [
          row(2, { email: 'early@example.org', ticketType: 'Free' }),
          row(3, { email: 'early@example.org' }),
        ],
      }),
      200,
    );
    expect(out).toMatchObject({ imported: 1, skipped: 1 });
  });

  it('fills the seats that are left and reports the rows beyond them as sold out', async () => {
    const { eventId } = await setup(2);
    const out = await json<ImportResult>(
      await importRows(eventId, { rows: [row(2), row(3), row(4), row(5)] }),
      200,
    );
    expect(out.imported).toBe(2);
    expect(out.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'sold_out'],
      [5, 'sold_out'],
    ]);
  });

  it('respects a shared quota, as registration does', async () => {
    const { eventId, regularId } = await setup(10);
    const quota = await t.api(`/api/v1/events/${eventId}/quotas`, {
      body: { name: 'Room', size: 1, ticketTypeIds: [regularId] },
    });
    expect(quota.status).toBe(201);
    const out = await json<ImportResult>(
      await importRows(eventId, { rows: [row(2), row(3)] }),
      200,
    );
    expect(out).toMatchObject({ imported: 1, errors: [{ line: 3, code: 'sold_out' }] });
  });

  it('checks everything on a dry run and writes nothing', async () => {
    const { eventId, regularId } = await setup();
    const out = await json<ImportResult>(
      await importRows(eventId, { rows: [row(2), row(3, { name: '' })], dryRun: true }),
      200,
    );
    expect(out).toEqual({
      imported: 1,
      skipped: 0,
      dryRun: true,
      errors: [{ line: 3, code: 'missing_name', message: 'name is empty' }],
    });
    expect((await ticketTypes(t, eventId)).find((x) => x.id === regularId)).toMatchObject({
      sold: 0,
    });
  });

  it('announces each ticket on the outbox when invitations are asked for', async () => {
    const { eventId } = await setup();
    await json<ImportResult>(
      await importRows(eventId, { rows: [row(2), row(3)], invite: true }),
      200,
    );
    const { rows } = await t.server.db.query<{ topic: string; n: number }>(
      'SELECT topic, count(*)::int AS n FROM outbox WHERE event_id = $1 GROUP BY topic ORDER BY topic',
      [eventId],
    );
    expect(rows).toEqual([
      { topic: 'attendee.invited', n: 2 },
      { topic: 'attendees.imported', n: 1 },
    ]);
  });

  it('refuses a batch over 1000 rows, a token without tickets:write and another organization', async () => {
    const { eventId } = await setup();
    const big = Array.from({ length: 1001 }, (_, i) => row(i + 2));
    await problemOf(await importRows(eventId, { rows: big }), 400, 'validation_failed');
    const readOnly = await scopedToken(t, ['events:read', 'tickets:read']);
    expect((await importRows(eventId, { rows: [row(2)] }, readOnly)).status).toBe(403);
    const other = await otherOrganizationToken(t);
    await problemOf(await importRows(eventId, { rows: [row(2)] }, other), 404, 'event_not_found');
  });
});
