// Webhook delivery against real PostgreSQL and a local receiver: registrations paced at 100/s
// (open loop) with a webhook endpoint listening, and the time from each registration's
// transaction to its webhook's arrival (the payload's `timestamp` is the transaction's time, so
// this is an upper bound of commit → arrival); then a backlog: every delivery of that phase
// replayed at once, deliveries/s until the last arrives.
// Run: npm run bench -w server -- webhooks [--rate N] [--seconds N]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventBody, ticketTypeBody } from '../test/harness.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { paced } from './_paced.js';
import { startLanyardProcess } from './_processes.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rate = arg('rate', 100);
const seconds = arg('seconds', 20);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const arrivals: { path: string; at: number; sentAt: number }[] = [];
let waiting: { n: number; resolve: () => void } | undefined;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { timestamp: string };
    arrivals.push({ path: req.url ?? '', at, sentAt: Date.parse(body.timestamp) });
    res.writeHead(204).end();
    if (waiting && arrivals.length >= waiting.n) waiting.resolve();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
const arrived = (n: number, timeoutMs: number) =>
  new Promise<void>((resolve, reject) => {
    if (arrivals.length >= n) return resolve();
    const timer = setTimeout(
      () => reject(new Error(`${arrivals.length} of ${n} webhooks arrived`)),
      timeoutMs,
    );
    waiting = {
      n,
      resolve: () => {
        clearTimeout(timer);
        resolve();
      },
    };
  });

const database = await createPostgresDatabase();
const server = await startLanyardProcess({
  DATABASE_URL: database.url,
  WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
});
try {
  const token = await server.token();
  const api = async <T>(path: string, body?: unknown, method = body ? 'POST' : 'GET') => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const event = await api<{ id: string }>('/api/v1/events', eventBody());
  const type = await api<{ id: string }>(
    `/api/v1/events/${event.id}/ticket-types`,
    ticketTypeBody({ priceCents: 0, quantity: 1_000_000 }),
  );
  const hook = await api<{ id: string }>('/api/v1/webhooks', {
    url: `${receiverUrl}/hook`,
    events: ['registration.confirmed'],
  });

  // Phase 1: registrations at `rate` per second.
  const since = new Date(Date.now() - 1000).toISOString();
  const count = rate * seconds;
  let confirmed = 0;
  const load = await paced({
    url: `${server.url}/api/v1/events/${event.id}/registrations`,
    rate,
    seconds,
    connections: 32,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: (i) =>
      JSON.stringify({
        ticketTypeId: type.id,
        quantity: 1,
        attendee: { name: `Bench ${i}`, email: `bench-${i}@example.org` },
      }),
    onResponse: (status) => {
      if (status === 201) confirmed++;
    },
  });
  await arrived(confirmed, 60_000);
  const latencies = arrivals.map((a) => a.at - a.sentAt).sort((a, b) => a - b);
  const p50Ms = percentile(latencies, 50);
  const p95Ms = percentile(latencies, 95);
  const maxMs = latencies.at(-1)!;
  console.log(
    `registrations: ${confirmed} of ${count} confirmed at ${load.perSec.toFixed(0)}/s (p99 answer ${load.p99Ms.toFixed(1)} ms)`,
  );
  console.log(
    `transaction → webhook arrival: p50 ${p50Ms} ms, p95 ${p95Ms} ms, max ${maxMs} ms (target p95 < 1000 ms)`,
  );

  // Phase 2: the same deliveries replayed at once.
  const backlogStart = arrivals.length;
  const started = Date.now();
  const backlog = (await api<{ replayed: number }>(`/api/v1/webhooks/${hook.id}/replay`, { since }))
    .replayed;
  await arrived(backlogStart + backlog, 120_000);
  const elapsed = (arrivals.at(-1)!.at - started) / 1000;
  const deliveriesPerSec = Math.round(backlog / elapsed);
  console.log(
    `backlog: ${backlog} deliveries replayed in ${elapsed.toFixed(1)} s = ${deliveriesPerSec} deliveries/s`,
  );
  console.log(
    JSON.stringify({
      bench: 'webhooks',
      registrationsPerSec: Math.round(load.perSec),
      commitToArrivalP50Ms: p50Ms,
      commitToArrivalP95Ms: p95Ms,
      commitToArrivalMaxMs: maxMs,
      deliveriesPerSec,
      backlog,
    }),
  );
} finally {
  await server.stop();
  await database.drop();
  receiver.close();
}
