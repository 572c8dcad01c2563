import { randomInt, randomUUID } from 'node:crypto';
import { startCluster, type Cluster } from './replicas/cluster.js';
import { startNginx, type Nginx } from './replicas/nginx.js';
import { salesEvents } from './sales-stream-reader.js';
import { eventBody, ticketTypeBody } from './harness.js';

// What must hold when the server runs as three replicas behind a load balancer
// (docs/operations.md): the guarantees are the database's, so no replica can break them; what
// one replica writes, a client of another sees; and a rolling restart loses no request.

const DRAIN_SECONDS = 2;
let c: Cluster;

beforeAll(async () => {
  c = await startCluster(DRAIN_SECONDS);
}, 120_000);
afterAll(() => c?.stop(), 60_000);

async function sale(quantity: number) {
  const event = (await (await c.api('/api/v1/events', { body: eventBody() })).json()) as {
    id: string;
  };
  const res = await c.api(`/api/v1/events/${event.id}/ticket-types`, {
    body: ticketTypeBody({ priceCents: 0, quantity }),
  });
  const type = (await res.json()) as { id: string };
  return { eventId: event.id, ticketTypeId: type.id };
}

const registration = (s: { ticketTypeId: string }) => ({
  ticketTypeId: s.ticketTypeId,
  quantity: 1,
  attendee: { name: 'Rush Buyer', email: `buyer-${randomUUID()}@example.org` },
});

function register(base: string, s: { eventId: string; ticketTypeId: string }) {
  return fetch(`${base}/api/v1/events/${s.eventId}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(registration(s)),
  });
}

describe('three replicas behind HAProxy [postgres, redis]', () => {
  it('a rush through the load balancer sells exactly the quota', async () => {
    const s = await sale(50);
    const answers = await Promise.all(Array.from({ length: 200 }, () => register(c.url, s)));
    const statuses = answers.map((r) => r.status);
    const odd = answers.find((r) => r.status !== 201 && r.status !== 409);
    if (odd) throw new Error(`registration answered ${odd.status}: ${await odd.text()}`);
    expect(statuses.filter((x) => x === 201)).toHaveLength(50);
    expect(statuses.filter((x) => x === 409)).toHaveLength(150);
    const { rows } = await c.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE tt.id = $1',
      [s.ticketTypeId],
    );
    expect(rows[0]!.n).toBe(50);
  }, 60_000);

  it('40 scans of one ticket racing through the load balancer admit it once', async () => {
    const s = await sale(10);
    const order = (await (await register(c.url, s)).json()) as { tickets: { token: string }[] };
    const token = await c.token();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${c.url}/api/v1/events/${s.eventId}/checkins`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ token: order.tickets[0]!.token, gate: `Gate ${i % 4}` }),
        }).then((r) => r.json() as Promise<{ result: string }>),
      ),
    );
    const results = answers.map((a) => a.result);
    expect(results.filter((r) => r === 'admitted')).toHaveLength(1);
    expect(results.filter((r) => r === 'already_checked_in')).toHaveLength(39);
  }, 60_000);

  it('a sales stream on replica A shows a sale made on replica C within a second', async () => {
    const s = await sale(100);
    const controller = new AbortController();
    const stream = await fetch(`${c.direct[0]}/api/v1/events/${s.eventId}/sales/stream`, {
      headers: { authorization: `Bearer ${await c.token()}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const next = salesEvents<{ totals: { sold: number } }>(stream);
    try {
      expect((await next())!.totals.sold).toBe(0);
      const soldAt = Date.now();
      expect((await register(c.direct[2]!, s)).status).toBe(201);
      let seen = await next();
      while (seen && seen.totals.sold < 1) seen = await next();
      expect(seen!.totals.sold).toBe(1);
      expect(Date.now() - soldAt).toBeLessThan(1000);
    } finally {
      controller.abort();
    }
  }, 60_000);

  it('counts a rate limit over all three: the sixth "send my tickets" in 15 minutes is refused', async () => {
    const s = await sale(10);
    // One client, as HAProxy names it to each replica; its own address, so that the counts in
    // Redis (kept 15 minutes) are this run's.
    const client = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    const ask = (base: string) =>
      fetch(`${base}/api/v1/public/events/${s.eventId}/tickets-again`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ email: `someone-${randomUUID()}@example.org` }),
      });
    // Five per address (tickets-again-ip), spread over the replicas.
    for (let i = 0; i < 5; i++) expect((await ask(c.direct[i % 3]!)).status).toBe(202);
    for (const base of c.direct) {
      const refused = await ask(base);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { limit: string }).limit).toBe('tickets-again-ip');
    }
  });

  it('a rolling restart of all three under 200 requests/s fails no request', async () => {
    const s = await sale(100_000);
    const failures: string[] = [];
    let sent = 0;
    const inFlight = new Set<Promise<void>>();
    const fire = () => {
      sent++;
      // Nine page reads for each registration, as in a sale.
      const req =
        sent % 10 === 0
          ? register(c.url, s).then(
              (r) => r.status === 201 || failures.push(`register ${r.status}`),
            )
          : fetch(`${c.url}/api/v1/public/events/${s.eventId}`).then(
              async (r) =>
                r.status === 200 ||
                failures.push(
                  `page ${r.status} ${(await r.text()).slice(0, 80)} at ${Date.now() - started}`,
                ),
            );
      const p = req.then(
        () => {},
        (err: Error) =>
          void failures.push(`${err.message} ${String((err.cause as Error)?.message)}`),
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    };
    // 200 requests a second: each tick sends what the rate owes by now, so a late timer on a
    // busy machine does not lower it.
    const started = Date.now();
    const load = setInterval(() => {
      while (sent < ((Date.now() - started) / 1000) * 200) fire();
    }, 10);
    try {
      for (let i = 0; i < 3; i++) {
        await c.restart(i);
        // Back in HAProxy's rotation (two passed checks at 250 ms) before the next one stops.
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      clearInterval(load);
      await Promise.all(inFlight);
    }
    if (failures.length) console.log(c.haproxyLog());
    expect(failures).toEqual([]);
    expect(sent / ((Date.now() - started) / 1000)).toBeGreaterThan(150);
  }, 120_000);
});

describe('nginx in front of the same replicas (docs/ops/nginx.conf)', () => {
  let n: Nginx;
  beforeAll(async () => {
    n = await startNginx(c.direct);
  }, 30_000);
  afterAll(() => n?.stop());

  it('passes a registration, and a sales stream that shows a sale made through HAProxy within a second', async () => {
    const s = await sale(10);
    expect((await register(n.url, s)).status).toBe(201);
    const controller = new AbortController();
    const stream = await fetch(`${n.url}/api/v1/events/${s.eventId}/sales/stream`, {
      headers: { authorization: `Bearer ${await c.token()}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const next = salesEvents<{ totals: { sold: number } }>(stream);
    try {
      expect((await next())!.totals.sold).toBe(1);
      const soldAt = Date.now();
      expect((await register(c.url, s)).status).toBe(201);
      // Unbuffered: the event reaches the client through nginx as the replica writes it.
      let seen = await next();
      while (seen && seen.totals.sold < 2) seen = await next();
      expect(seen!.totals.sold).toBe(2);
      expect(Date.now() - soldAt).toBeLessThan(1000);
    } finally {
      controller.abort();
    }
    expect(n.log()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  }, 60_000);
});
