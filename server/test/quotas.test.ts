import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  json,
  otherOrganizationToken,
  problemOf,
  registerRaw,
  scopedToken,
  sideConnection,
  blockedBackend,
  ticketTypes,
} from './registration-fixtures.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';

interface QuotaBody {
  id: string;
  name: string;
  size: number;
  used: number;
  available: number;
  ticketTypeIds: string[];
  status: string;
}

describe.each(['pglite', 'postgres'] as const)('quotas over HTTP [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const quotas = (eventId: string) => `/api/v1/events/${eventId}/quotas`;
  const createQuota = async (eventId: string, body: Record<string, unknown>) =>
    json<QuotaBody>(await t.api(quotas(eventId), { body }), 201);
  const patchQuota = (eventId: string, quotaId: string, body: Record<string, unknown>) =>
    t.api(`${quotas(eventId)}/${quotaId}`, { method: 'PATCH', body });
  const sell = async (eventId: string, ticketTypeId: string, who: string, quantity = 1) =>
    registerRaw(t, eventId, { ticketTypeId, quantity, attendee: attendee(who) });

  it('shares seats between two ticket types: list and get show size, used and available, and ticket types are bounded by it', async () => {
    const { id: eventId } = await createEvent(t);
    const early = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
    const regular = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
    const quota = await createQuota(eventId, {
      name: 'Main hall',
      size: 5,
      ticketTypeIds: [regular, early],
    });
    expect(quota).toMatchObject({
      name: 'Main hall',
      size: 5,
      used: 0,
      available: 5,
      status: 'active',
      ticketTypeIds: [early, regular].sort(),
    });

    expect((await sell(eventId, early, 'q1', 3)).status).toBe(201);
    expect((await sell(eventId, regular, 'q2', 2)).status).toBe(201);
    await problemOf(await sell(eventId, regular, 'q3'), 409, 'sold_out');

    const listed = await json<QuotaBody[]>(await t.api(quotas(eventId)), 200);
    expect(listed).toEqual([expect.objectContaining({ id: quota.id, used: 5, available: 0 })]);
    const one = await json<QuotaBody>(await t.api(`${quotas(eventId)}/${quota.id}`), 200);
    expect(one).toMatchObject({ used: 5, available: 0 });
    const types = await ticketTypes(t, eventId);
    expect(types.map((x) => x.available)).toEqual([0, 0]);
  });

  it('refuses a size below the seats already used, and sells again after the size is raised', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0 });
    const quota = await createQuota(eventId, { name: 'Hall', size: 3, ticketTypeIds: [type] });
    for (const who of ['s1', 's2', 's3']) expect((await sell(eventId, type, who)).status).toBe(201);

    const below = await problemOf(
      await patchQuota(eventId, quota.id, { size: 2 }),
      409,
      'size_below_used',
    );
    expect(below).toMatchObject({ size: 2, used: 3 });
    const same = await json<QuotaBody>(await patchQuota(eventId, quota.id, { size: 3 }), 200);
    expect(same).toMatchObject({ size: 3, used: 3, available: 0 });

    const raised = await json<QuotaBody>(
      await patchQuota(eventId, quota.id, { size: 4, name: 'Bigger hall' }),
      200,
    );
    expect(raised).toMatchObject({ name: 'Bigger hall', size: 4, used: 3, available: 1 });
    expect((await sell(eventId, type, 's4')).status).toBe(201);
    await problemOf(await sell(eventId, type, 's5'), 409, 'sold_out');
  });

  it('brings the sold seats of a joining ticket type into used, and refuses the join when they do not fit', async () => {
    const { id: eventId } = await createEvent(t);
    const a = await createTicketType(t, eventId, { priceCents: 0 });
    const b = await createTicketType(t, eventId, { priceCents: 0 });
    await sell(eventId, a, 'j1', 2);
    await sell(eventId, b, 'j2', 4);

    // Created over a type with sales: they count from the start.
    const quota = await createQuota(eventId, { name: 'Shared', size: 5, ticketTypeIds: [a] });
    expect(quota).toMatchObject({ used: 2, available: 3 });
    await problemOf(
      await t.api(quotas(eventId), { body: { name: 'Tiny', size: 5, ticketTypeIds: [a, b] } }),
      409,
      'size_below_used',
    );

    const refused = await problemOf(
      await patchQuota(eventId, quota.id, { ticketTypeIds: [a, b] }),
      409,
      'size_below_used',
    );
    expect(refused).toMatchObject({ size: 5, used: 6 });
    const unchanged = await json<QuotaBody>(await t.api(`${quotas(eventId)}/${quota.id}`), 200);
    expect(unchanged).toMatchObject({ used: 2, ticketTypeIds: [a] });

    // Size and membership in one change: checked together.
    const joined = await json<QuotaBody>(
      await patchQuota(eventId, quota.id, { size: 7, ticketTypeIds: [b, a] }),
      200,
    );
    expect(joined).toMatchObject({ size: 7, used: 6, available: 1, ticketTypeIds: [a, b].sort() });
    expect((await sell(eventId, b, 'j3')).status).toBe(201);
    await problemOf(await sell(eventId, a, 'j4'), 409, 'sold_out');
  });

  it('takes the seats of a leaving ticket type out of used, which then sells up to its own quantity', async () => {
    const { id: eventId } = await createEvent(t);
    const a = await createTicketType(t, eventId, { priceCents: 0, quantity: 10 });
    const b = await createTicketType(t, eventId, { priceCents: 0, quantity: 10 });
    const quota = await createQuota(eventId, { name: 'Pair', size: 4, ticketTypeIds: [a, b] });
    await sell(eventId, a, 'l1', 3);
    await sell(eventId, b, 'l2', 1);
    await problemOf(await sell(eventId, b, 'l3'), 409, 'sold_out');

    const left = await json<QuotaBody>(
      await patchQuota(eventId, quota.id, { ticketTypeIds: [a] }),
      200,
    );
    expect(left).toMatchObject({ used: 3, available: 1, ticketTypeIds: [a] });
    expect((await sell(eventId, b, 'l4', 9)).status).toBe(201);
    expect((await sell(eventId, a, 'l5')).status).toBe(201);
    await problemOf(await sell(eventId, a, 'l6'), 409, 'sold_out');
  });

  it('archives a quota: it no longer bounds its ticket types, cannot be changed, and its name is free again', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, quantity: 3 });
    const quota = await createQuota(eventId, { name: 'Gallery', size: 1, ticketTypeIds: [type] });
    await sell(eventId, type, 'a1');
    await problemOf(await sell(eventId, type, 'a2'), 409, 'sold_out');

    const archived = await json<QuotaBody>(
      await t.api(`${quotas(eventId)}/${quota.id}/archive`, { method: 'POST' }),
      200,
    );
    expect(archived.status).toBe('archived');
    expect((await sell(eventId, type, 'a3', 2)).status).toBe(201);
    await problemOf(await patchQuota(eventId, quota.id, { size: 9 }), 409, 'quota_archived');
    expect(await json<QuotaBody[]>(await t.api(quotas(eventId)), 200)).toEqual([]);
    expect(
      await json<QuotaBody[]>(await t.api(`${quotas(eventId)}?includeArchived=true`), 200),
    ).toEqual([expect.objectContaining({ id: quota.id })]);
    await createQuota(eventId, { name: 'gallery', size: 10, ticketTypeIds: [type] });
  });

  it('refuses bad input field by field, ticket types of another event, and a duplicate name', async () => {
    const { id: eventId } = await createEvent(t);
    const { id: otherEventId } = await createEvent(t);
    const mine = await createTicketType(t, eventId);
    const foreign = await createTicketType(t, otherEventId);

    const bad = await problemOf(
      await t.api(quotas(eventId), {
        body: { name: ' ', size: -1, ticketTypeIds: [], extra: 1 },
      }),
      400,
      'validation_failed',
    );
    expect((bad.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
      ['extra', 'name', 'size', 'ticketTypeIds'].sort(),
    );
    const repeated = await problemOf(
      await t.api(quotas(eventId), { body: { name: 'R', size: 1, ticketTypeIds: [mine, mine] } }),
      400,
      'validation_failed',
    );
    expect(repeated.errors).toEqual([
      { field: 'ticketTypeIds', message: 'must not repeat a ticket type' },
    ]);

    const unknown = await problemOf(
      await t.api(quotas(eventId), {
        body: { name: 'Mixed', size: 10, ticketTypeIds: [mine, foreign] },
      }),
      400,
      'unknown_ticket_type',
    );
    expect(unknown.errors).toEqual([
      { field: 'ticketTypeIds.1', message: 'is not a ticket type of this event' },
    ]);

    const quota = await createQuota(eventId, { name: 'Hall', size: 10, ticketTypeIds: [mine] });
    await problemOf(
      await t.api(quotas(eventId), { body: { name: 'HALL', size: 1, ticketTypeIds: [mine] } }),
      409,
      'duplicate_quota_name',
    );
    await problemOf(
      await patchQuota(eventId, quota.id, { ticketTypeIds: [foreign] }),
      400,
      'unknown_ticket_type',
    );
    await problemOf(await patchQuota(eventId, quota.id, {}), 400, 'validation_failed');
  });

  it('answers 404 to another organization, an unknown quota and a quota of another event, and 403 without events:write', async () => {
    const { id: eventId } = await createEvent(t);
    const { id: otherEventId } = await createEvent(t);
    const type = await createTicketType(t, eventId);
    const quota = await createQuota(eventId, { name: 'Hall', size: 10, ticketTypeIds: [type] });
    const elsewhere = await otherOrganizationToken(t);

    await problemOf(await t.api(quotas(eventId), { token: elsewhere }), 404, 'event_not_found');
    await problemOf(
      await t.api(`${quotas(eventId)}/${quota.id}`, { token: elsewhere }),
      404,
      'quota_not_found',
    );
    await problemOf(
      await t.api(`${quotas(eventId)}/${quota.id}`, {
        token: elsewhere,
        method: 'PATCH',
        body: { size: 1 },
      }),
      404,
      'event_not_found',
    );
    await problemOf(
      await t.api(`${quotas(eventId)}/${quota.id}/archive`, { token: elsewhere, method: 'POST' }),
      404,
      'quota_not_found',
    );
    await problemOf(
      await t.api(quotas(eventId), {
        token: elsewhere,
        body: { name: 'Mine now', size: 1, ticketTypeIds: [type] },
      }),
      404,
      'event_not_found',
    );
    await problemOf(await t.api(`${quotas(otherEventId)}/${quota.id}`), 404, 'quota_not_found');
    await problemOf(
      await t.api(`${quotas(eventId)}/00000000-0000-4000-8000-000000000000`),
      404,
      'quota_not_found',
    );

    const readOnly = await scopedToken(t, ['events:read']);
    expect((await t.api(quotas(eventId), { token: readOnly })).status).toBe(200);
    const refused = await t.api(quotas(eventId), {
      token: readOnly,
      body: { name: 'Nope', size: 1, ticketTypeIds: [type] },
    });
    expect(refused.status).toBe(403);
  });

  it('offers the seats of a raised quota to the waitlist', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, quantity: 50 });
    const quota = await createQuota(eventId, { name: 'Hall', size: 1, ticketTypeIds: [type] });
    await sell(eventId, type, 'w0');
    for (const who of ['w1', 'w2', 'w3']) {
      const res = await registerRaw(t, eventId, {
        ticketTypeId: type,
        quantity: 1,
        attendee: attendee(who),
        joinWaitlist: true,
      });
      expect(res.status).toBe(202);
    }
    await json(await patchQuota(eventId, quota.id, { size: 3 }), 200);
    const { rows } = await t.server.db.query<{ email: string; status: string }>(
      `SELECT attendee_email AS email, status FROM waitlist_entries WHERE event_id = $1 ORDER BY position`,
      [eventId],
    );
    expect(rows).toEqual([
      { email: 'attendee-w1@example.org', status: 'offered' },
      { email: 'attendee-w2@example.org', status: 'offered' },
      { email: 'attendee-w3@example.org', status: 'waiting' },
    ]);
    expect(await json<QuotaBody>(await t.api(`${quotas(eventId)}/${quota.id}`), 200)).toMatchObject(
      {
        used: 3,
        available: 0,
      },
    );
  });

  it('keeps used equal to its ticket types’ sold and held seats when the membership changes during a rush', async () => {
    const { id: eventId } = await createEvent(t);
    const a = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
    const b = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
    const quota = await createQuota(eventId, { name: 'Venue', size: 1000, ticketTypeIds: [a] });
    let running = true;
    const rush = Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        sell(eventId, i % 2 ? a : b, `rush-${i}`).then((r) => r.status),
      ),
    ).finally(() => {
      running = false;
    });
    // Membership flips between [a] and [a, b] for as long as the rush runs.
    const changes = (async () => {
      const statuses = new Set<number>();
      for (let n = 0; running || n % 2 === 1; n++) {
        const res = await patchQuota(eventId, quota.id, { ticketTypeIds: n % 2 ? [a] : [a, b] });
        statuses.add(res.status);
      }
      return statuses;
    })();
    expect(await changes).toEqual(new Set([200]));
    expect(new Set(await rush)).toEqual(new Set([201]));

    const q = await json<QuotaBody>(await t.api(`${quotas(eventId)}/${quota.id}`), 200);
    const types = await ticketTypes(t, eventId);
    const seatsOf = (id: string) => {
      const x = types.find((y) => y.id === id)!;
      return x.sold + x.held;
    };
    expect(seatsOf(a) + seatsOf(b)).toBe(120);
    expect(q.used).toBe(seatsOf(a));
  });
});

describe('quota membership against a release in flight [postgres]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('does not take a released hold out of a quota twice when its ticket type leaves the quota mid-release', async () => {
    const { id: eventId } = await createEvent(t);
    const paid = await createTicketType(t, eventId, { priceCents: 5000 });
    const free = await createTicketType(t, eventId, { priceCents: 0 });
    const created: QuotaBody[] = [];
    for (const name of ['One', 'Two']) {
      created.push(
        await json<QuotaBody>(
          await t.api(`/api/v1/events/${eventId}/quotas`, {
            body: { name, size: 100, ticketTypeIds: [paid, free] },
          }),
          201,
        ),
      );
    }
    // A release takes quotas in id order: hold it at the first, then change the second.
    const [first, second] = created.sort((x, y) => (x.id < y.id ? -1 : 1)) as [
      QuotaBody,
      QuotaBody,
    ];
    expect(
      (await registerRaw(t, eventId, { ticketTypeId: free, quantity: 2, attendee: attendee('f') }))
        .status,
    ).toBe(201);
    expect(
      (await registerRaw(t, eventId, { ticketTypeId: paid, quantity: 1, attendee: attendee('p') }))
        .status,
    ).toBe(201);
    await t.server.db.query(
      `UPDATE orders SET hold_expires_at = now() - interval '1 minute' WHERE ticket_type_id = $1`,
      [paid],
    );

    const side = await sideConnection(t);
    try {
      await side.query('BEGIN');
      await side.query('SELECT 1 FROM quotas WHERE id = $1 FOR UPDATE', [first.id]);
      const release = releaseExpiredHolds(t.server.db, { ticketTypeId: paid });
      await blockedBackend(side, 'UPDATE quotas');
      const leave = t.api(`/api/v1/events/${eventId}/quotas/${second.id}`, {
        method: 'PATCH',
        body: { ticketTypeIds: [free] },
      });
      await new Promise((r) => setTimeout(r, 200));
      await side.query('COMMIT');
      expect(await release).toBe(1);
      expect((await leave).status).toBe(200);
    } finally {
      await side.end();
    }
    const after = await json<QuotaBody[]>(await t.api(`/api/v1/events/${eventId}/quotas`), 200);
    // Only the free type's two sold seats remain in either quota.
    expect(after.map((q) => q.used)).toEqual([2, 2]);
  });
});
