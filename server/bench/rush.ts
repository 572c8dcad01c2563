// A sale rush against real PostgreSQL: N concurrent clients register for one hot ticket type, then
// for ten types at once. Prints confirmed registrations/s, p99, oversold (must be 0), and pgbench's
// simple-update TPS measured in the same run on the same server, with the ratio. A warm-up rush on
// an event of its own comes first (a fresh server's pool, caches and JIT, as a server running since
// before the doors opened has them) and is printed apart, not counted; --warmup 0 skips it.
// Then the same hot rush through HAProxy in front of three replicas on the same PostgreSQL and
// Redis (test/replicas/cluster.ts, as docs/operations.md sets them up), after a warm-up rush of
// their own; --cluster 0 skips it.
// Run: npm run bench -w server -- rush [--connections N] [--seats N] [--warmup SEATS] [--cluster 0]
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { eventBody, ticketTypeBody } from '../test/harness.js';
import { ADMIN_URL, createPostgresDatabase } from '../src/test-support/databases.js';
import { backendCpuSeconds, cpuSecondsOf } from './_cpu.js';
import { startLanyardProcess } from './_processes.js';
import { startCluster } from '../test/replicas/cluster.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const connections = arg('connections', 64);
const seats = arg('seats', 6000);
const warmupSeats = arg('warmup', seats / 2);
const withCluster = arg('cluster', 1) !== 0;

interface Round {
  confirmedPerSec: number;
  p99Ms: number;
  confirmed: number;
  soldOut: number;
  otherErrors: number;
  oversold: number;
  /** CPU ms per request of the server process, its PostgreSQL backends and this load generator. */
  serverCpuMs: number;
  postgresCpuMs: number;
  generatorCpuMs: number;
}

/** Where the CPU of a round goes: the server process and the bench database's backends. */
interface CpuMeter {
  serverPid: number;
  database: string;
}

async function rush(
  url: string,
  eventId: string,
  typeIds: string[],
  db: pg.Client | pg.Pool,
  cpu: CpuMeter | undefined,
  roundSeats = seats,
): Promise<Round> {
  const serverCpu0 = cpu ? cpuSecondsOf(cpu.serverPid) : 0;
  const postgresCpu0 = cpu ? backendCpuSeconds(cpu.database) : 0;
  const generatorCpu0 = process.cpuUsage();
  let n = 0;
  let confirmed = 0;
  let soldOut = 0;
  let other = 0;
  const started = Date.now();
  let lastConfirmedAt = started;
  const result = await autocannon({
    url: `${url}/api/v1/events/${eventId}/registrations`,
    connections,
    // Every seat, plus losers that must be turned away.
    amount: Math.ceil(roundSeats * 1.2),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            body: JSON.stringify({
              ticketTypeId: typeIds[i % typeIds.length],
              quantity: 1,
              attendee: { name: `Rush ${i}`, email: `rush${i}@example.org` },
            }),
          };
        },
        onResponse: (status) => {
          if (status === 201) {
            confirmed++;
            lastConfirmedAt = Date.now();
          } else if (status === 409) soldOut++;
          else other++;
        },
      },
    ],
  });
  const requests = Math.max(n, 1);
  // Not measured for the cluster (three server processes): 0.
  const serverCpuMs = cpu ? ((cpuSecondsOf(cpu.serverPid) - serverCpu0) * 1000) / requests : 0;
  const postgresCpuMs = cpu
    ? ((backendCpuSeconds(cpu.database) - postgresCpu0) * 1000) / requests
    : 0;
  const generatorCpu = process.cpuUsage(generatorCpu0);
  const generatorCpuMs = (generatorCpu.user + generatorCpu.system) / 1000 / requests;
  const { rows } = await db.query<{ sold: number; quantity: number; tickets: number }>(
    `SELECT sum(tt.sold)::int AS sold, sum(tt.quantity)::int AS quantity,
            (SELECT count(*)::int FROM tickets WHERE event_id = $1) AS tickets
     FROM ticket_types tt WHERE tt.event_id = $1`,
    [eventId],
  );
  const r = rows[0]!;
  const seconds = Math.max((lastConfirmedAt - started) / 1000, 0.001);
  return {
    confirmedPerSec: Math.round(confirmed / seconds),
    p99Ms: result.latency.p99,
    confirmed,
    soldOut,
    otherErrors: other + result.errors + result.timeouts,
    oversold: Math.max(0, r.sold - r.quantity, r.tickets - r.quantity, confirmed - r.quantity),
    serverCpuMs: Math.round(serverCpuMs * 100) / 100,
    postgresCpuMs: Math.round(postgresCpuMs * 100) / 100,
    generatorCpuMs: Math.round(generatorCpuMs * 100) / 100,
  };
}

function pgbenchTps(url: string): number {
  const env = { ...process.env, PGCONNECT_TIMEOUT: '10' };
  execFileSync('pgbench', ['-i', '-q', '-s', '1', url], { env, stdio: 'ignore' });
  const out = execFileSync(
    'pgbench',
    ['-b', 'simple-update', '-c', String(Math.min(connections, 32)), '-j', '2', '-T', '10', url],
    {
      env,
      encoding: 'utf8',
    },
  );
  return Math.round(Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0));
}

const database = await createPostgresDatabase();
const server = await startLanyardProcess({ DATABASE_URL: database.url });
const db = new pg.Client({ connectionString: database.url });
await db.connect();
try {
  const headers = {
    authorization: `Bearer ${await server.token()}`,
    'content-type': 'application/json',
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const hotEvent = await post('/api/v1/events', eventBody({ name: 'Hot' }));
  const hot = await post(
    `/api/v1/events/${hotEvent.id}/ticket-types`,
    ticketTypeBody({ priceCents: 0, quantity: seats }),
  );
  const tenEvent = await post('/api/v1/events', eventBody({ name: 'Ten' }));
  const ten: string[] = [];
  for (let i = 0; i < 10; i++) {
    ten.push(
      (
        await post(
          `/api/v1/events/${tenEvent.id}/ticket-types`,
          ticketTypeBody({ name: `T${i}`, priceCents: 0, quantity: seats / 10 }),
        )
      ).id,
    );
  }
  const cpu = { serverPid: server.child.pid!, database: new URL(database.url).pathname.slice(1) };
  let warmRound: Round | undefined;
  if (warmupSeats > 0) {
    const warmEvent = await post('/api/v1/events', eventBody({ name: 'Warm-up' }));
    const warm = await post(
      `/api/v1/events/${warmEvent.id}/ticket-types`,
      ticketTypeBody({ priceCents: 0, quantity: warmupSeats }),
    );
    warmRound = await rush(server.url, warmEvent.id, [warm.id], db, cpu, warmupSeats);
  }
  const hotRound = await rush(server.url, hotEvent.id, [hot.id], db, cpu);
  const tenRound = await rush(server.url, tenEvent.id, ten, db, cpu);
  await server.stop();

  let clusterWarm: Round | undefined;
  let clusterHot: Round | undefined;
  if (withCluster) {
    const cluster = await startCluster(0);
    try {
      const make = async (name: string, quantity: number) => {
        const res = await cluster.api('/api/v1/events', { body: eventBody({ name }) });
        const event = (await res.json()) as { id: string };
        const type = (await (
          await cluster.api(`/api/v1/events/${event.id}/ticket-types`, {
            body: ticketTypeBody({ priceCents: 0, quantity }),
          })
        ).json()) as { id: string };
        return { eventId: event.id, typeId: type.id };
      };
      if (warmupSeats > 0) {
        const w = await make('Warm-up', warmupSeats);
        clusterWarm = await rush(
          cluster.url,
          w.eventId,
          [w.typeId],
          cluster.db,
          undefined,
          warmupSeats,
        );
      }
      const h = await make('Hot', seats);
      clusterHot = await rush(cluster.url, h.eventId, [h.typeId], cluster.db, undefined);
    } finally {
      await cluster.stop();
    }
  }

  const benchDb = await createPostgresDatabase();
  const tps = pgbenchTps(benchDb.url);
  await benchDb.drop();

  const target = 500;
  console.log(
    `rush: ${connections} concurrent clients, ${seats} free seats per round, PostgreSQL at ${new URL(ADMIN_URL).host}`,
  );
  const rounds: [string, Round][] = [
    ['one hot ticket type', hotRound],
    ['ten ticket types', tenRound],
  ];
  if (warmRound) rounds.unshift([`warm-up (${warmupSeats} seats, not counted)`, warmRound]);
  if (clusterWarm) rounds.push(['3 replicas, warm-up', clusterWarm]);
  if (clusterHot) rounds.push(['3 replicas, hot type', clusterHot]);
  for (const [name, r] of rounds) {
    console.log(
      `${name.padEnd(20)} ${String(r.confirmedPerSec).padStart(6)} confirmed/s  p99 ${String(r.p99Ms).padStart(4)} ms  ` +
        `confirmed ${r.confirmed}  sold out ${r.soldOut}  errors ${r.otherErrors}  oversold ${r.oversold}  ` +
        `CPU per request: server ${r.serverCpuMs} ms, PostgreSQL ${r.postgresCpuMs} ms, load generator ${r.generatorCpuMs} ms`,
    );
  }
  console.log(
    `pgbench -b simple-update: ${tps} TPS; hot type / pgbench = ${(hotRound.confirmedPerSec / tps).toFixed(2)}`,
  );
  console.log(
    `target: ≥ ${target} confirmed/s on one hot type and 0 oversold → ${hotRound.confirmedPerSec >= target && hotRound.oversold + tenRound.oversold === 0 ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'rush',
      connections,
      confirmedPerSec: hotRound.confirmedPerSec,
      p99Ms: hotRound.p99Ms,
      tenTypesConfirmedPerSec: tenRound.confirmedPerSec,
      tenTypesP99Ms: tenRound.p99Ms,
      oversold: hotRound.oversold + tenRound.oversold + (clusterHot?.oversold ?? 0),
      errors: hotRound.otherErrors + tenRound.otherErrors + (clusterHot?.otherErrors ?? 0),
      serverCpuMsPerRequest: hotRound.serverCpuMs,
      postgresCpuMsPerRequest: hotRound.postgresCpuMs,
      generatorCpuMsPerRequest: hotRound.generatorCpuMs,
      warmupConfirmedPerSec: warmRound?.confirmedPerSec ?? null,
      warmupP99Ms: warmRound?.p99Ms ?? null,
      clusterConfirmedPerSec: clusterHot?.confirmedPerSec ?? null,
      clusterP99Ms: clusterHot?.p99Ms ?? null,
      clusterOversold: clusterHot?.oversold ?? null,
      clusterToOne: clusterHot
        ? Math.round((clusterHot.confirmedPerSec / hotRound.confirmedPerSec) * 100) / 100
        : null,
      pgbenchTps: tps,
      ratio: Math.round((hotRound.confirmedPerSec / tps) * 100) / 100,
      target,
    }),
  );
} finally {
  await db.end();
  await database.drop();
}
