// GET and POST an event through the whole server (auth, validation, SQL) on PGlite and on PostgreSQL,
// beside a bare node:http server answering the same JSON from memory, in one run. Each server runs
// in its own process (the built `bin/lanyard server start`), the load generator in this one.
// Run: npm run bench -w server -- http [--seconds N] [--connections N]
import autocannon from 'autocannon';
import { eventBody } from '../test/harness.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { startBaselineProcess, startLanyardProcess } from './_processes.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 8);
const connections = arg('connections', 32);

interface Figures {
  reqPerSec: number;
  p99Ms: number;
  errors: number;
}

async function load(
  url: string,
  opts: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<Figures> {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
  });
  const bad = r.non2xx + r.errors + r.timeouts;
  return { reqPerSec: Math.round(r.requests.average), p99Ms: r.latency.p99, errors: bad };
}

async function lanyard(env: Record<string, string>) {
  const server = await startLanyardProcess(env);
  const headers = {
    authorization: `Bearer ${await server.token()}`,
    'content-type': 'application/json',
  };
  const created = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(eventBody()),
  });
  const event = (await created.json()) as { id: string };
  const json = JSON.stringify(event);
  const get = await load(`${server.url}/api/v1/events/${event.id}`, { headers });
  const post = await load(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(eventBody()),
  });
  await server.stop();
  return { get, post, json };
}

const pglite = await lanyard({});
const database = await createPostgresDatabase();
const postgres = await lanyard({ DATABASE_URL: database.url });
await database.drop();
const baseline = async (kind: 'bare' | 'express') => {
  const server = await startBaselineProcess(kind, pglite.json);
  const figures = await load(server.url, {});
  await server.stop();
  return figures;
};
const bareGet = await baseline('bare');
const expressGet = await baseline('express');

const ratio = (x: Figures, to = bareGet) => Math.round((x.reqPerSec / to.reqPerSec) * 100) / 100;
const rows = [
  ['bare node:http GET', bareGet],
  ['express one-route GET', expressGet],
  ['PGlite GET event', pglite.get],
  ['PGlite POST event', pglite.post],
  ['PostgreSQL GET event', postgres.get],
  ['PostgreSQL POST event', postgres.post],
] as const;
console.log(
  `http: ${connections} connections, ${seconds} s each; ratio = req/s over bare node:http`,
);
for (const [name, f] of rows) {
  console.log(
    `${name.padEnd(24)} ${String(f.reqPerSec).padStart(7)} req/s  p99 ${String(f.p99Ms).padStart(4)} ms  ratio ${ratio(f)}  errors ${f.errors}`,
  );
}
const target = 0.4;
console.log(
  `target: PostgreSQL GET ≥ ${target} of bare node:http → ${ratio(postgres.get) >= target ? 'met' : 'NOT met'}` +
    ` (express alone reaches ${ratio(expressGet)}; PostgreSQL GET is ${ratio(postgres.get, expressGet)} of express alone)`,
);
console.log(
  JSON.stringify({
    bench: 'http',
    bareGetPerSec: bareGet.reqPerSec,
    expressGetPerSec: expressGet.reqPerSec,
    pgliteGetPerSec: pglite.get.reqPerSec,
    pglitePostPerSec: pglite.post.reqPerSec,
    pgGetPerSec: postgres.get.reqPerSec,
    pgGetP99Ms: postgres.get.p99Ms,
    pgPostPerSec: postgres.post.reqPerSec,
    pgPostP99Ms: postgres.post.p99Ms,
    ratio: ratio(postgres.get),
    expressRatio: ratio(expressGet),
    ratioToExpress: ratio(postgres.get, expressGet),
    target,
    errors: rows.reduce((n, [, f]) => n + f.errors, 0),
  }),
);
