import { startTestServer, type TestServer } from './harness.js';
import {
  createSale,
  json,
  otherOrganizationToken,
  problemOf,
  scopedToken,
  type Order,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';

interface Hits {
  items: {
    ticketId: string;
    name: string;
    email: string;
    ticketTypeName: string;
    status: string;
    checkedInAt: string | null;
  }[];
}

describe('searching an event’s attendees over HTTP', () => {
  let t: TestServer;
  let sale: Sale;
  let adaTicket: { id: string; token: string };
  const search = (query: string, token?: string, eventId = sale.eventId) =>
    t.api(`/api/v1/events/${eventId}/attendees?${query}`, token ? { token } : {});

  beforeAll(async () => {
    t = await startTestServer('postgres');
    sale = await createSale(t);
    const order = await json<Order>(
      await t.api(`/api/v1/events/${sale.eventId}/registrations`, {
        token: null,
        body: {
          ticketTypeId: sale.ticketTypeId,
          quantity: 1,
          attendee: { name: 'Ada Lovelace', email: 'ada@example.org' },
        },
      }),
      201,
    );
    adaTicket = order.tickets[0]!;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('finds a misspelled name with a tickets:read token, with ticket id, email, type and status', async () => {
    const res = await search('q=Ada%20Lovelase&limit=5', await scopedToken(t, ['tickets:read']));
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await json<Hits>(res, 200);
    expect(body.items[0]).toMatchObject({
      ticketId: adaTicket.id,
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      ticketTypeName: 'Regular',
      status: 'valid',
    });
  });

  it('says when a found ticket was first admitted at an entrance', async () => {
    const checkedIn = async () =>
      (await json<Hits>(await search('q=ada@example.org'), 200)).items[0]!.checkedInAt;
    expect(await checkedIn()).toBeNull();
    const checkin = await json<{ result: string }>(
      await t.api(`/api/v1/events/${sale.eventId}/checkins`, { body: { token: adaTicket.token } }),
      200,
    );
    expect(checkin.result).toBe('admitted');
    expect(Date.parse((await checkedIn())!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers "not found" for another organization’s event and for an unknown one', async () => {
    await problemOf(await search('q=Ada', await otherOrganizationToken(t)), 404, 'event_not_found');
    await problemOf(
      await search('q=Ada', undefined, '00000000-0000-4000-8000-000000000000'),
      404,
      'event_not_found',
    );
  });

  it('refuses a token without tickets:read', async () => {
    const res = await search('q=Ada', await scopedToken(t, ['events:read']));
    expect(res.status).toBe(403);
  });

  it.each([
    ['no query', '', 'query.q'],
    ['an empty query', 'q=%20%20', 'query.q'],
    ['a query over 200 characters', `q=${'a'.repeat(201)}`, 'query.q'],
    ['a limit of 0', 'q=Ada&limit=0', 'query.limit'],
    ['a limit over 100', 'q=Ada&limit=101', 'query.limit'],
    ['a limit that is not a number', 'q=Ada&limit=ten', 'query.limit'],
  ])('refuses %s, naming the field', async (_what, query, field) => {
    const body = await problemOf(await search(query), 400, 'validation_failed');
    expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
  });
});
