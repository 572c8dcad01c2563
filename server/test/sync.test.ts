import { syncPageSchema, type SyncPage } from '@lanyard/core';
import { startTestServer, ticketTypeBody, type TestServer } from './harness.js';
import {
  json,
  problemOf,
  register,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  enrolledKiosk,
  eventWithTickets,
  type Kiosk,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

describe.each(['pglite', 'postgres'] as const)('the kiosk sync feed [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  let kiosk: Kiosk;
  let hiddenTypeId: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 7);
    kiosk = await enrolledKiosk(t, ev.eventId);
    await json(await t.api(`/api/v1/tickets/${ev.tickets[6]!.id}/revoke`, { body: {} }), 200);
    await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token, gate: 'north' });
    await checkIn(t, ev.eventId, { token: ev.tickets[1]!.token, gate: 'south' });
    hiddenTypeId = (
      await json<{ id: string }>(
        await t.api(`/api/v1/events/${ev.eventId}/ticket-types`, {
          body: ticketTypeBody({ name: 'Speaker', priceCents: 0, hidden: true }),
        }),
        201,
      )
    ).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function pull(query: Record<string, string | number> = {}): Promise<SyncPage> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const res = await t.api(`/api/v1/events/${ev.eventId}/sync?${qs}`, { token: kiosk.token });
    return syncPageSchema.parse(await json(res, 200));
  }

  /** Pulls from `cursor` until the server has nothing more. */
  async function drain(cursor?: string, limit = 1000) {
    const pages: SyncPage[] = [];
    for (;;) {
      const page = await pull({ ...(cursor && { cursor }), limit });
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) return { pages, cursor: cursor! };
    }
  }

  it('pages a first sync through every list, ticket, passage and key', async () => {
    const { pages } = await drain(undefined, 3);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((p) => p.snapshot === true)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    const changes = pages.flatMap((p) => p.changes);
    const tickets = changes.flatMap((c) => (c.type === 'ticket.upserted' ? [c.ticket] : []));
    expect(tickets.map((x) => x.id).sort()).toEqual(ev.tickets.map((x) => x.id).sort());
    expect(tickets.find((x) => x.id === ev.tickets[6]!.id)?.status).toBe('revoked');
    expect(changes.filter((c) => c.type === 'checkin_list.upserted')).toEqual([
      expect.objectContaining({
        list: expect.objectContaining({
          id: ev.eventId,
          ticketTypeIds: 'all',
          entryRule: 'single',
        }),
      }),
    ]);
    const scans = changes.flatMap((c) => (c.type === 'scan.recorded' ? [c.scan] : []));
    expect(scans.map((s) => [s.ticketId, s.gate]).sort()).toEqual(
      [
        [ev.tickets[0]!.id, 'north'],
        [ev.tickets[1]!.id, 'south'],
      ].sort(),
    );
    expect(pages.every((p) => p.keys.length === 1)).toBe(true);
    // Every page names every ticket type, the hidden one too, for screens offline.
    for (const p of pages)
      expect(p.ticketTypes).toEqual(
        expect.arrayContaining([
          { id: ev.ticketTypeId, name: 'Regular' },
          { id: hiddenTypeId, name: 'Speaker' },
        ]),
      );
  });

  it('sends a revocation, a new ticket, another device’s scan and a new list as deltas', async () => {
    const { cursor } = await drain();
    await json(await t.api(`/api/v1/tickets/${ev.tickets[2]!.id}/revoke`, { body: {} }), 200);
    const sold = await register(t, ev, 1);
    await checkIn(t, ev.eventId, { token: ev.tickets[3]!.token, gate: 'east' });
    const list = await json<{ id: string }>(
      await t.api(`/api/v1/events/${ev.eventId}/checkin-lists`, {
        body: { name: 'Main', entryRule: 'reentry_after_exit' },
      }),
      201,
    );
    const { pages } = await drain(cursor);
    const changes = pages.flatMap((p) => p.changes);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ticket.revoked', ticketId: ev.tickets[2]!.id }),
        expect.objectContaining({
          type: 'ticket.upserted',
          ticket: expect.objectContaining({ id: sold.tickets[0]!.id, status: 'valid' }),
        }),
        expect.objectContaining({
          type: 'scan.recorded',
          scan: expect.objectContaining({ ticketId: ev.tickets[3]!.id, gate: 'east' }),
        }),
        { type: 'checkin_list.deleted', listId: ev.eventId, eventId: ev.eventId },
        expect.objectContaining({
          type: 'checkin_list.upserted',
          list: expect.objectContaining({ id: list.id, entryRule: 'reentry_after_exit' }),
        }),
      ]),
    );
    // Nothing earlier comes back.
    expect(
      changes.some((c) => c.type === 'ticket.upserted' && c.ticket.id === ev.tickets[0]!.id),
    ).toBe(false);
    // Deleting the last list brings the default list back.
    const after = (await drain()).cursor;
    expect(
      (await t.api(`/api/v1/events/${ev.eventId}/checkin-lists/${list.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    const back = (await drain(after)).pages.flatMap((p) => p.changes);
    expect(back).toEqual(
      expect.arrayContaining([
        { type: 'checkin_list.deleted', listId: list.id, eventId: ev.eventId },
        expect.objectContaining({
          type: 'checkin_list.upserted',
          list: expect.objectContaining({ id: ev.eventId }),
        }),
      ]),
    );
  });

  it('sends a rotated-in signing key, and keeps trusting the retired one', async () => {
    const { cursor, pages } = await drain();
    const before = pages.at(-1)!.keys.map((k) => k.kid);
    const rotated = await json<{ kid: string }>(
      await t.api(`/api/v1/events/${ev.eventId}/signing-keys/rotate`, { body: {} }),
      201,
    );
    const delta = await drain(cursor);
    expect(delta.pages.flatMap((p) => p.changes)).toEqual([
      expect.objectContaining({
        type: 'signing_key.added',
        key: expect.objectContaining({ kid: rotated.kid }),
      }),
    ]);
    expect(
      delta.pages
        .at(-1)!
        .keys.map((k) => k.kid)
        .sort(),
    ).toEqual([...before, rotated.kid].sort());
  });

  it('holds a long-poll until a change arrives, and answers within 5 s of it', async () => {
    const { cursor } = await drain();
    const started = Date.now();
    const waiting = pull({ cursor, wait: 25 });
    await new Promise((r) => setTimeout(r, 700));
    const changedAt = Date.now();
    await json(await t.api(`/api/v1/tickets/${ev.tickets[4]!.id}/revoke`, { body: {} }), 200);
    const page = await waiting;
    const answeredAt = Date.now();
    expect(answeredAt - started).toBeGreaterThanOrEqual(600);
    expect(answeredAt - changedAt).toBeLessThan(5000);
    expect(page.changes).toEqual([
      expect.objectContaining({ type: 'ticket.revoked', ticketId: ev.tickets[4]!.id }),
    ]);
    expect(page.cursor).not.toBe(cursor);
  });

  it('answers an idle long-poll with no changes when its time is up', async () => {
    const { cursor } = await drain();
    const started = Date.now();
    const page = await pull({ cursor, wait: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(page).toMatchObject({ cursor, changes: [], hasMore: false });
  });

  it('loses no ticket sold while kiosks pull concurrently', async () => {
    let { cursor } = await drain();
    const seen = new Set<string>();
    let selling = true;
    const sales = (async () => {
      const sold = await Promise.all(Array.from({ length: 30 }, () => register(t, ev, 1)));
      selling = false;
      return sold.map((o) => o.tickets[0]!.id);
    })();
    while (selling) {
      const page = await pull({ cursor, limit: 5 });
      for (const c of page.changes) if (c.type === 'ticket.upserted') seen.add(c.ticket.id);
      cursor = page.cursor;
    }
    const ids = await sales;
    for (const page of (await drain(cursor)).pages)
      for (const c of page.changes) if (c.type === 'ticket.upserted') seen.add(c.ticket.id);
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('refuses a cursor it did not hand out, and a bad limit', async () => {
    const get = (qs: string) =>
      t.api(`/api/v1/events/${ev.eventId}/sync?${qs}`, { token: kiosk.token });
    await problemOf(await get('cursor=c:42'), 400, 'invalid_cursor');
    await problemOf(await get('cursor=d.1.x'), 400, 'invalid_cursor');
    await problemOf(await get('limit=0'), 400, 'validation_failed');
    await problemOf(await get('wait=3600'), 400, 'validation_failed');
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/sync`, { token: null }),
      401,
      'missing_token',
    );
  });
});
