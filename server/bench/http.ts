// GET and POST an event through the whole server (auth, validation, SQL) on PGlite and on PostgreSQL,
// beside a bare node:http server answering the same JSON from memory, in one run.
// Run: npm run bench -w server -- http [--seconds N] [--connections N]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { eventBody, startTestServer, type TestServer } from '../test/harness.js';

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

async function bare(json: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function lanyard(kind: 'pglite' | 'postgres') {
  const t: TestServer = await startTestServer(kind);
  const headers = {
    authorization: `Bearer ${await t.token()}`,
    'content-type': 'application/json',
  };
  const created = await t.api('/api/v1/events', { body: eventBody() });
  const event = (await created.json()) as { id: string };
  const json = JSON.stringify(event);
  const get = await load(`${t.url}/api/v1/events/${event.id}`, { headers });
  const post = await load(`${t.url}/api/v1/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify(eventBody()),
  });
  await t.stop();
  return { get, post, json };
}

const pglite = await lanyard('pglite');
const postgres = await lanyard('postgres');
const b = await bare(pglite.json);
const bareGet = await load(b.url, {});
await b.close();

const ratio = (x: Figures) => Math.round((x.reqPerSec / bareGet.reqPerSec) * 100) / 100;
const rows = [
  ['bare node:http GET', bareGet],
  ['PGlite GET event', pglite.get],
  ['PGlite POST event', pglite.post],
  ['PostgreSQL GET event', postgres.get],
  ['PostgreSQL POST event', postgres.post],
] as const;
console.log(`http: ${connections} connections, ${seconds} s each`);
for (const [name, f] of rows) {
  console.log(
    `${name.padEnd(24)} ${String(f.reqPerSec).padStart(7)} req/s  p99 ${String(f.p99Ms).padStart(4)} ms  ratio ${ratio(f)}  errors ${f.errors}`,
  );
}
const target = 0.4;
console.log(
  `target: PostgreSQL GET ≥ ${target} of bare node:http → ${ratio(postgres.get) >= target ? 'met' : 'NOT met'}`,
);
console.log(
  JSON.stringify({
    bench: 'http',
    bareGetPerSec: bareGet.reqPerSec,
    pgliteGetPerSec: pglite.get.reqPerSec,
    pglitePostPerSec: pglite.post.reqPerSec,
    pgGetPerSec: postgres.get.reqPerSec,
    pgGetP99Ms: postgres.get.p99Ms,
    pgPostPerSec: postgres.post.reqPerSec,
    pgPostP99Ms: postgres.post.p99Ms,
    ratio: ratio(postgres.get),
    target,
    errors: rows.reduce((n, [, f]) => n + f.errors, 0),
  }),
);
