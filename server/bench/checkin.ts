// Online check-ins against real PostgreSQL at a paced rate: a kiosk (enrolled device token) scans
// distinct tickets, with every tenth scan a ticket already inside, at 500 scans/s by default,
// evenly spaced (open loop, see _paced.ts), at most --connections open at once.
// Prints throughput, p50/p99 latency from each scan's due time and the result counts (each ticket
// admitted once). The first --warmup seconds at the same rate (new connections, a cold pool and
// caches, code not yet optimized) are printed apart and not counted: doors open on a server that
// has been up for hours.
// Run: npx tsc -b && npm run bench -w server -- checkin [--rate N] [--seconds N] [--warmup N]
//      [--connections N]
import pg from 'pg';
import { eventBody, ticketTypeBody } from '../test/harness.js';
import { ADMIN_URL, createPostgresDatabase } from '../src/test-support/databases.js';
import { backendCpuSeconds, cpuSecondsOf } from './_cpu.js';
import { paced, type PacedFigures } from './_paced.js';
import { startLanyardProcess } from './_processes.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rate = arg('rate', 500);
const seconds = arg('seconds', 20);
const warmup = arg('warmup', 3);
const connections = arg('connections', 50);
const TARGET_P99_MS = 25;
const PER_ORDER = 50;

const database = await createPostgresDatabase();
const server = await startLanyardProcess({ DATABASE_URL: database.url });
const db = new pg.Client({ connectionString: database.url });
await db.connect();
try {
  const admin = {
    authorization: `Bearer ${await server.token()}`,
    'content-type': 'application/json',
  };
  const call = async <T>(path: string, body: unknown, headers: Record<string, string> = admin) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  // Tickets for every scan of the run, sold in orders of 50, eight orders at a time.
  const orderCount = Math.ceil((rate * (seconds + warmup) * 1.1) / PER_ORDER);
  const event = await call<{ id: string }>('/api/v1/events', eventBody({ name: 'Check-in bench' }));
  const type = await call<{ id: string }>(
    `/api/v1/events/${event.id}/ticket-types`,
    ticketTypeBody({ priceCents: 0, quantity: orderCount * PER_ORDER, maxPerOrder: PER_ORDER }),
  );
  const tokens: string[] = [];
  let orders = 0;
  const sell = async () => {
    for (let n = orders++; n < orderCount; n = orders++) {
      const order = await call<{ tickets: { token: string }[] }>(
        `/api/v1/events/${event.id}/registrations`,
        {
          ticketTypeId: type.id,
          quantity: PER_ORDER,
          attendee: { name: `Guest ${n}`, email: `guest${n}@example.org` },
        },
        { 'content-type': 'application/json' },
      );
      tokens.push(...order.tickets.map((t) => t.token));
    }
  };
  await Promise.all(Array.from({ length: 8 }, sell));

  // The scanner is an enrolled kiosk, so every request also passes the device check.
  const device = await call<{ enrollmentCode: string }>(`/api/v1/events/${event.id}/devices`, {
    name: 'Bench kiosk',
  });
  const cred = await call<{ clientId: string; clientSecret: string; tokenEndpoint: string }>(
    '/api/v1/devices/enroll',
    { code: device.enrollmentCode },
    { 'content-type': 'application/json' },
  );
  const tokenRes = await fetch(cred.tokenEndpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${cred.clientId}:${cred.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const kioskToken = ((await tokenRes.json()) as { access_token: string }).access_token;

  let results: Record<string, number> = {};
  let non200 = 0;
  // Scan i of the whole bench; every tenth repeats a ticket scanned a moment ago.
  const scans = (first: number, runSeconds: number) => ({
    url: `${server.url}/api/v1/events/${event.id}/checkins`,
    rate,
    seconds: runSeconds,
    connections,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${kioskToken}`, 'content-type': 'application/json' },
    body: (n: number) => {
      const i = first + n;
      const token = i % 10 === 9 ? tokens[i - 5]! : tokens[i % tokens.length]!;
      return JSON.stringify({ token, gate: `gate-${i % 8}` });
    },
    onResponse: (status: number, body: string) => {
      if (status !== 200) {
        non200++;
        return;
      }
      const result = (JSON.parse(body) as { result: string }).result;
      results[result] = (results[result] ?? 0) + 1;
    },
  });
  const warm = warmup > 0 ? await paced(scans(0, warmup)) : undefined;
  const warmResults = results;
  results = {};
  // CPU per scan of the server process, the database's backends and this generator (/proc).
  const databaseName = new URL(database.url).pathname.slice(1);
  const serverCpu0 = cpuSecondsOf(server.child.pid!);
  const postgresCpu0 = backendCpuSeconds(databaseName);
  const generatorCpu0 = process.cpuUsage();
  const run = await paced(scans(warm?.sent ?? 0, seconds));
  const msPerScan = (seconds: number) => Math.round(((seconds * 1000) / run.sent) * 100) / 100;
  const serverCpuMsPerScan = msPerScan(cpuSecondsOf(server.child.pid!) - serverCpu0);
  const postgresCpuMsPerScan = msPerScan(backendCpuSeconds(databaseName) - postgresCpu0);
  const generatorCpu = process.cpuUsage(generatorCpu0);
  const generatorCpuMsPerScan = msPerScan((generatorCpu.user + generatorCpu.system) / 1e6);
  const { rows } = await db.query<{ admitted: number; tickets: number }>(
    `SELECT count(*)::int AS admitted, count(DISTINCT ticket_id)::int AS tickets
     FROM checkin_scans WHERE event_id = $1 AND result = 'admitted'`,
    [event.id],
  );
  const { perSec } = run;
  const ok =
    run.p99Ms < TARGET_P99_MS &&
    non200 === 0 &&
    run.errors === 0 &&
    rows[0]!.admitted === rows[0]!.tickets;
  console.log(
    `checkin: ${rate} scans/s paced over ${connections} connections for ${seconds} s, kiosk token, PostgreSQL at ${new URL(ADMIN_URL).host}`,
  );
  if (warm) {
    console.log(
      `warm-up, ${warmup} s (not counted): ${warm.perSec} scans/s  p50 ${warm.p50Ms} ms  ` +
        `p99 ${warm.p99Ms} ms  max ${warm.maxMs} ms  results ${JSON.stringify(warmResults)}`,
    );
  }
  console.log(
    `${perSec} scans/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  max ${run.maxMs} ms  ` +
      `results ${JSON.stringify(results)}  non-200 ${non200}  errors ${run.errors}  ` +
      `generator lag max ${run.maxSendLagMs} ms`,
  );
  // Steadier than latency on a shared machine.
  console.log(
    `CPU per scan: server ${serverCpuMsPerScan} ms  PostgreSQL ${postgresCpuMsPerScan} ms  ` +
      `generator ${generatorCpuMsPerScan} ms`,
  );
  console.log(
    `admitted ${rows[0]!.admitted} scans for ${rows[0]!.tickets} distinct tickets (must be equal)`,
  );
  // Where the slow answers were: the quarter seconds holding one over the target, by due time.
  const slowQuarters = (label: string, f: PacedFigures) => {
    const slow = f.quarters.filter((q) => q.maxMs >= TARGET_P99_MS);
    console.log(
      `${label} from ${new Date(f.startedAt).toISOString()}: ${slow.length} of ${f.quarters.length} quarter seconds with an answer ≥ ${TARGET_P99_MS} ms` +
        slow
          .map((q) => `\n  +${q.fromMs / 1000} s  n ${q.answers}  p50 ${q.p50Ms}  max ${q.maxMs}`)
          .join(''),
    );
  };
  if (warm) slowQuarters('warm-up', warm);
  slowQuarters('run', run);
  console.log(`target: p99 < ${TARGET_P99_MS} ms at ${rate} scans/s → ${ok ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      bench: 'checkin',
      rate,
      perSec,
      p50Ms: run.p50Ms,
      p99Ms: run.p99Ms,
      maxMs: run.maxMs,
      serverCpuMsPerScan,
      postgresCpuMsPerScan,
      generatorCpuMsPerScan,
      admitted: results.admitted ?? 0,
      alreadyCheckedIn: results.already_checked_in ?? 0,
      errors: non200 + run.errors,
      target: TARGET_P99_MS,
      ok,
    }),
  );
} finally {
  await db.end();
  await server.stop();
  await database.drop();
}
