// GET and POST an event through the whole server (auth, validation, SQL) on PGlite and on PostgreSQL,
// and the requests a sale rush multiplies on PostgreSQL: the public event page (its HTML) and the
// public event with availability (its JSON, served from the short-lived cache), beside a bare
// node:http server and a one-route express app answering that JSON from memory, in one run. Each
// server runs in its own process (the built `bin/lanyard server start`), the load generator in
// this one.
// Run: npm run bench -w server -- http [--seconds N] [--connections N]
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { eventBody, ticketTypeBody } from '../test/harness.js';
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

const mean = (xs: Figures[]): Figures => ({
  reqPerSec: Math.round(xs.reduce((n, x) => n + x.reqPerSec, 0) / xs.length),
  p99Ms: Math.max(...xs.map((x) => x.p99Ms)),
  errors: xs.reduce((n, x) => n + x.errors, 0),
});

async function lanyard(env: Record<string, string>, withExpress = false) {
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
  await fetch(`${server.url}/api/v1/events/${event.id}/ticket-types`, {
    method: 'POST',
    headers,
    body: JSON.stringify(ticketTypeBody()),
  });
  const publicUrl = `${server.url}/api/v1/public/events/${event.id}`;
  const json = await (await fetch(publicUrl)).text();
  const get = await load(`${server.url}/api/v1/events/${event.id}`, { headers });
  // The rush's reads beside the one-route express app answering the same JSON, taken in turns
  // over three rounds so a neighbour's load on this machine weighs on all three alike.
  const rush = { express: [] as Figures[], publicGet: [] as Figures[], pageGet: [] as Figures[] };
  if (withExpress) {
    const express = await startBaselineProcess('express', json);
    for (let round = 0; round < 3; round++) {
      rush.express.push(await load(express.url, {}));
      rush.publicGet.push(await load(publicUrl, {}));
      rush.pageGet.push(await load(`${server.url}/e/${event.id}`, {}));
    }
    await express.stop();
  }
  const post = await load(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(eventBody()),
  });
  await server.stop();
  return {
    get,
    post,
    json,
    ...(withExpress && {
      expressBeside: mean(rush.express),
      publicGet: mean(rush.publicGet),
      pageGet: mean(rush.pageGet),
    }),
  };
}

const pglite = await lanyard({});
const database = await createPostgresDatabase();
const postgres = await lanyard({ DATABASE_URL: database.url }, true);
const { expressBeside, publicGet, pageGet } = postgres as Required<typeof postgres>;
await database.drop();
const baseline = async (kind: 'bare' | 'express') => {
  const server = await startBaselineProcess(kind, postgres.json);
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
  ['express, beside these', expressBeside],
  ['public event (cached)', publicGet],
  ['public event page HTML', pageGet],
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
const rushTarget = 0.5;
const publicRatio = ratio(publicGet, expressBeside);
const pageRatio = ratio(pageGet, expressBeside);
console.log(
  `target: public event and its page ≥ ${rushTarget} of express one-route (3 rounds in turn) → ` +
    `${publicRatio >= rushTarget && pageRatio >= rushTarget ? 'met' : 'NOT met'} (public event ${publicRatio}, page ${pageRatio})`,
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
    expressBesidePerSec: expressBeside.reqPerSec,
    publicGetPerSec: publicGet.reqPerSec,
    publicGetP99Ms: publicGet.p99Ms,
    pageGetPerSec: pageGet.reqPerSec,
    publicRatioToExpress: publicRatio,
    pageRatioToExpress: pageRatio,
    rushTarget,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    errors: rows.reduce((n, [, f]) => n + f.errors, 0),
  }),
);
