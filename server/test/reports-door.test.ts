import { startTestServer, type TestServer } from './harness.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';
import { salesEvents } from './sales-stream-reader.js';

interface DoorView {
  minutes: string[];
  gates: { label: string; arrivals: number[] }[];
  lists: { label: string; arrivals: number[] }[];
  inside: number[];
  devices: { device: string; scansPerMinute: number }[];
  forecast: { model: string; nextHour: number; stillExpected: number; bins: unknown[] };
  lanes: { lanes: number; targetWaitMinutes: number; model: string };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(['pglite', 'postgres'] as const)('the live door view [%s]', (kind) => {
  let t: TestServer;
  let eventId: string;
  let tokens: string[];
  beforeAll(async () => {
    t = await startTestServer(kind);
    eventId = (await createEvent(t)).id;
    const typeId = await createTicketType(t, eventId, {
      priceCents: 0,
      quantity: 100,
      maxPerOrder: 20,
    });
    const order = await json<{ tickets: { token: string }[] }>(
      await registerRaw(t, eventId, {
        ticketTypeId: typeId,
        quantity: 20,
        attendee: { name: 'Group', email: 'group@example.org' },
      }),
      201,
    );
    tokens = order.tickets.map((x) => x.token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const scan = async (token: string, gate: string) =>
    (
      await json<{ result: string }>(
        await t.api(`/api/v1/events/${eventId}/checkins`, { body: { token, gate } }),
        200,
      )
    ).result;

  it('counts arrivals per gate and list, people inside, and advises lanes for the target', async () => {
    for (const [i, token] of tokens.slice(0, 7).entries())
      expect(await scan(token, i < 4 ? 'North' : 'South')).toBe('admitted');
    expect(await scan(tokens[0]!, 'North')).toBe('already_checked_in');
    const view = await json<DoorView>(
      await t.api(`/api/v1/events/${eventId}/door?minutes=30&targetWaitMinutes=2`),
      200,
    );
    expect(view.minutes.length).toBeGreaterThanOrEqual(30);
    expect(Object.fromEntries(view.gates.map((g) => [g.label, sum(g.arrivals)]))).toEqual({
      North: 4,
      South: 3,
    });
    expect(view.lists.map((l) => [l.label, sum(l.arrivals)])).toEqual([['Default', 7]]);
    expect(view.inside.at(-1)).toBe(7);
    expect(view.forecast).toMatchObject({ model: 'holt-linear-capped', stillExpected: 13 });
    expect(view.forecast.nextHour).toBeLessThanOrEqual(13);
    expect(view.lanes).toMatchObject({ model: 'M/M/c', targetWaitMinutes: 2 });
    expect(view.lanes.lanes).toBeGreaterThanOrEqual(1);
  });

  it('refuses a target out of range with 400', async () => {
    const res = await t.api(`/api/v1/events/${eventId}/door?targetWaitMinutes=0`);
    expect(res.status).toBe(400);
  });

  it('streams the view at once and again when someone comes in', async () => {
    const abort = new AbortController();
    const res = await fetch(`${t.url}/api/v1/events/${eventId}/door/stream?minutes=10`, {
      headers: { authorization: `Bearer ${await t.token()}` },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const next = salesEvents<DoorView>(res);
    const first = (await next())!;
    expect(first.inside.at(-1)).toBe(7);
    expect(await scan(tokens[10]!, 'East')).toBe('admitted');
    let view = (await next())!;
    while (view.inside.at(-1) !== 8) view = (await next())!;
    expect(view.gates.map((g) => g.label)).toContain('East');
    abort.abort();
  });
});
