import { eventBody, startTestServer, ticketTypeBody, type TestServer } from './harness.js';

describe.each(['pglite', 'postgres'] as const)('events and ticket types over HTTP [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates an event and a ticket type with the bootstrap token, and keeps them and the token across a restart', async () => {
    const token = await t.token();
    const ev = await t.api('/api/v1/events', { body: eventBody() });
    expect(ev.status).toBe(201);
    const event = (await ev.json()) as { id: string; name: string; status: string };
    expect(event).toMatchObject({
      name: 'DevConf 2027',
      status: 'active',
      timezone: 'Europe/Berlin',
    });

    const tt = await t.api(`/api/v1/events/${event.id}/ticket-types`, {
      body: ticketTypeBody({ maxPerOrder: 4 }),
    });
    expect(tt.status).toBe(201);
    const ticketType = (await tt.json()) as { id: string };

    await t.restart();

    const again = await t.api(`/api/v1/events/${event.id}`, { token });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: event.id, name: 'DevConf 2027' });
    const list = await t.api(`/api/v1/events/${event.id}/ticket-types`, { token });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([
      expect.objectContaining({
        id: ticketType.id,
        quantity: 100,
        sold: 0,
        held: 0,
        available: 100,
        maxPerOrder: 4,
      }),
    ]);
  });

  it('changes an event, refusing an end before the start', async () => {
    const { id } = (await (await t.api('/api/v1/events', { body: eventBody() })).json()) as {
      id: string;
    };
    const ok = await t.api(`/api/v1/events/${id}`, {
      method: 'PATCH',
      body: { name: 'DevConf 2027 (moved)' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: 'DevConf 2027 (moved)' });
    const bad = await t.api(`/api/v1/events/${id}`, {
      method: 'PATCH',
      body: { endsAt: '2027-04-01T00:00:00Z' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'endsAt' }],
    });
    const after = (await (await t.api(`/api/v1/events/${id}`)).json()) as { endsAt: string };
    expect(after.endsAt).toBe('2027-05-02T18:00:00.000Z');
  });

  it('pages through events newest first with a cursor, without repeats or gaps', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.api('/api/v1/events', { body: eventBody({ name: `Paged ${i}` }) });
      created.push(((await res.json()) as { id: string }).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await t.api(`/api/v1/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 5)).toEqual([...created].reverse());
  });

  it('archives an event: it stays readable, leaves the default list and takes no new ticket types', async () => {
    const { id } = (await (
      await t.api('/api/v1/events', { body: eventBody({ name: 'To archive' }) })
    ).json()) as { id: string };
    const archived = await t.api(`/api/v1/events/${id}/archive`, { method: 'POST' });
    expect(await archived.json()).toMatchObject({ status: 'archived' });
    const list = (await (await t.api('/api/v1/events?limit=200')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((e) => e.id)).not.toContain(id);
    const withArchived = (await (
      await t.api('/api/v1/events?limit=200&includeArchived=true')
    ).json()) as { items: { id: string }[] };
    expect(withArchived.items.map((e) => e.id)).toContain(id);
    const tt = await t.api(`/api/v1/events/${id}/ticket-types`, { body: ticketTypeBody() });
    expect(tt.status).toBe(409);
    expect(await tt.json()).toMatchObject({ code: 'event_archived' });
  });

  it('refuses a second ticket type with the same name in one event', async () => {
    const { id } = (await (await t.api('/api/v1/events', { body: eventBody() })).json()) as {
      id: string;
    };
    expect(
      (await t.api(`/api/v1/events/${id}/ticket-types`, { body: ticketTypeBody({ name: 'VIP' }) }))
        .status,
    ).toBe(201);
    const dup = await t.api(`/api/v1/events/${id}/ticket-types`, {
      body: ticketTypeBody({ name: 'vip' }),
    });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ code: 'duplicate_ticket_type_name' });
  });

  it('serves an OpenAPI 3.1 document that describes the event routes', async () => {
    const res = await t.api('/api/v1/openapi.json', { token: null });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/events']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/events/{eventId}/ticket-types']?.get).toBeDefined();
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await t.api('/healthz', { token: null })).status).toBe(200);
    const ready = await t.api('/readyz', { token: null });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    const metrics = await (await t.api('/metrics', { token: null })).text();
    expect(metrics).toContain(
      'lanyard_http_requests_total{method="POST",route="/api/v1/events",status="201"}',
    );
    expect(metrics).toContain('lanyard_db_pool_connections');
  });
});
