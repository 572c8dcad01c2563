import { randomUUID } from 'node:crypto';
import { startTestServer, ticketTypeBody, type TestServer } from './harness.js';
import {
  json,
  problemOf,
  register,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

interface ListBody {
  id: string;
  name: string;
  isDefault: boolean;
  entryRule: string;
  gates: string[];
  ticketTypeIds: string[] | null;
  window: { from: string | null; until: string | null };
}

describe.each(['pglite', 'postgres'] as const)('check-in lists [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  let vipTypeId: string;
  let vipToken: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 6);
    vipTypeId = (
      await json<{ id: string }>(
        await t.api(`/api/v1/events/${ev.eventId}/ticket-types`, {
          body: ticketTypeBody({ name: 'VIP', priceCents: 0 }),
        }),
        201,
      )
    ).id;
    vipToken = (await register(t, { eventId: ev.eventId, ticketTypeId: vipTypeId }, 1)).tickets[0]!
      .token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const lists = `/api/v1/events/${'{id}'}/checkin-lists`;
  const path = () => lists.replace('{id}', ev.eventId);
  const create = async (body: Record<string, unknown>) =>
    json<ListBody>(await t.api(path(), { body }), 201);

  it('shows the default list while the event has none', async () => {
    const body = await json<{ items: ListBody[] }>(await t.api(path()), 200);
    expect(body.items).toEqual([
      expect.objectContaining({
        id: ev.eventId,
        isDefault: true,
        entryRule: 'single',
        ticketTypeIds: null,
      }),
    ]);
  });

  it('admits only the listed ticket types, inside the window', async () => {
    const vip = await create({ name: 'VIP lounge', ticketTypeIds: [vipTypeId], gates: ['lounge'] });
    expect(vip).toMatchObject({ isDefault: false, entryRule: 'single', gates: ['lounge'] });
    expect(
      await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token, gate: 'lounge' }),
    ).toMatchObject({
      result: 'invalid',
      reason: 'not_on_list',
      listId: vip.id,
    });
    expect(await checkIn(t, ev.eventId, { token: vipToken, listId: vip.id })).toMatchObject({
      result: 'admitted',
    });
    const later = await create({
      name: 'Day 2',
      window: { from: '2099-01-01T00:00:00Z', until: '2099-01-02T00:00:00Z' },
    });
    expect(
      await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token, listId: later.id }),
    ).toMatchObject({
      result: 'invalid',
      reason: 'outside_window',
    });
  });

  it('lets a ticket back in after an exit only on a re-entry list, and any number of times on a multi list', async () => {
    const hall = await create({ name: 'Hall', entryRule: 'reentry_after_exit' });
    const scan = (direction: string) =>
      checkIn(t, ev.eventId, { token: ev.tickets[1]!.token, listId: hall.id, direction });
    expect((await scan('exit')).reason).toBe('not_checked_in');
    expect((await scan('entry')).result).toBe('admitted');
    expect((await scan('entry')).result).toBe('already_checked_in');
    expect(await scan('exit')).toMatchObject({ result: 'admitted', reason: 'exit' });
    expect((await scan('entry')).result).toBe('admitted');

    const sessions = await create({ name: 'Sessions', entryRule: 'multi' });
    for (let i = 0; i < 3; i++) {
      expect(
        (await checkIn(t, ev.eventId, { token: ev.tickets[2]!.token, listId: sessions.id })).result,
      ).toBe('admitted');
    }
    // A single-entry list counts on its own: the hall admission does not use it up.
    const single = await create({ name: 'Main' });
    expect(
      (await checkIn(t, ev.eventId, { token: ev.tickets[1]!.token, listId: single.id })).result,
    ).toBe('admitted');
  });

  it('updates and deletes lists; a deleted list is no longer scanned against', async () => {
    const list = await create({ name: 'Temporary', gates: ['side'] });
    const updated = await json<ListBody>(
      await t.api(`${path()}/${list.id}`, {
        method: 'PATCH',
        body: { entryRule: 'multi', gates: ['side', 'back'] },
      }),
      200,
    );
    expect(updated).toMatchObject({
      name: 'Temporary',
      entryRule: 'multi',
      gates: ['side', 'back'],
    });
    expect((await t.api(`${path()}/${list.id}`, { method: 'DELETE' })).status).toBe(204);
    await problemOf(await t.api(`${path()}/${list.id}`), 404, 'checkin_list_not_found');
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/checkins`, {
        body: { token: 'x', listId: list.id },
      }),
      404,
      'checkin_list_not_found',
    );
  });

  it('refuses bad lists with a reason', async () => {
    await problemOf(await t.api(path(), { body: { name: 'Hall' } }), 409, 'checkin_list_exists');
    await problemOf(
      await t.api(path(), { body: { name: 'Other', gates: ['lounge'] } }),
      409,
      'gate_taken',
    );
    await problemOf(
      await t.api(path(), { body: { name: 'Odd', ticketTypeIds: [randomUUID()] } }),
      400,
      'unknown_ticket_type',
    );
    await problemOf(
      await t.api(path(), {
        body: {
          name: 'Back to front',
          window: { from: '2030-01-02T00:00:00Z', until: '2030-01-01T00:00:00Z' },
        },
      }),
      400,
      'validation_failed',
    );
    await problemOf(
      await t.api(path(), { body: { name: 'x', entryRule: 'twice' } }),
      400,
      'validation_failed',
    );
    await problemOf(
      await t.api(lists.replace('{id}', randomUUID()), { body: { name: 'x' } }),
      404,
      'event_not_found',
    );
  });
});
