// Attendee search on real PostgreSQL: 1 000 000 attendees of one event generated straight into
// the tables, then searches through the HTTP endpoint of the built server, one at a time, for
// attendees drawn at random: a full name with one typo (dropped, doubled, swapped or wrong letter,
// in the first name or the surname), a surname alone with one typo, an email's local part, a
// ticket id prefix, in turn. Prints p50/p95/p99 overall and per kind, and how often the answer's
// top 3 held who was meant (see _search-queries.ts).
//
// The people (_search-people.ts): 4 000 first names and 60 000 surnames, each list's real common
// names first and invented rarer ones after, drawn with Zipf-like skew (rank r with weight r^-s,
// s = 0.8 for first names, 0.75 for surnames). At 1 000 000 attendees: the top surname (Smith)
// 1.3 %, the top 1 000 surnames 32 %, the top first name 3.5 %, the top 100 first names 36 %,
// ~880 000 distinct full names. Emails: 30 % first.last + two digits at a free-mail domain, the
// rest at one of 2 000 company domains (Zipf, s = 0.9), each company writing them one way
// (first.last, flast, firstlast or first_last). The same seed gives the same people every run.
// Run: npx tsc -b && npm run bench -w server -- search [--attendees N] [--searches N]
import pg from 'pg';
import { eventBody, ticketTypeBody } from '../test/harness.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { startLanyardProcess } from './_processes.js';
import { loadAttendees } from './_search-load.js';
import { population, random } from './_search-people.js';
import { KINDS, searchFor, type Attendee, type Kind } from './_search-queries.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const attendees = arg('attendees', 1_000_000);
const searches = arg('searches', 350);
const TARGET_P95_MS = 50;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};

const database = await createPostgresDatabase();
const server = await startLanyardProcess({ DATABASE_URL: database.url });
const db = new pg.Client({ connectionString: database.url });
await db.connect();
try {
  const token = await server.token();
  const call = async <T>(path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const event = await call<{ id: string }>('/api/v1/events', eventBody({ name: 'Search bench' }));
  const type = await call<{ id: string }>(
    `/api/v1/events/${event.id}/ticket-types`,
    ticketTypeBody({ name: 'Regular', priceCents: 0, quantity: attendees }),
  );

  const loadStart = performance.now();
  await loadAttendees(db, { id: event.id, ticketTypeId: type.id }, attendees, population());
  const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;

  const { rows: sample } = await db.query<Attendee>(
    `SELECT id AS "ticketId", attendee_name AS name, attendee_email AS email
     FROM tickets TABLESAMPLE BERNOULLI (least(100, 100.0 * $2 / $3)) REPEATABLE (42)
     WHERE event_id = $1 LIMIT $2`,
    [event.id, Math.ceil(searches * 1.2), attendees],
  );
  const find = async (q: string) => {
    const started = performance.now();
    const res = await fetch(
      `${server.url}/api/v1/events/${event.id}/attendees?q=${encodeURIComponent(q)}&limit=10`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!res.ok) throw new Error(`search ${q}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { items: { ticketId: string; name: string }[] };
    return { ms: performance.now() - started, hits: body.items };
  };
  for (const person of sample.slice(0, 20)) await find(person.name); // warm-up, not timed

  const rnd = random(7);
  const latencies: number[] = [];
  const byKind = new Map<Kind, { ms: number[]; found: number }>(
    KINDS.map((k) => [k, { ms: [], found: 0 }]),
  );
  for (const [i, person] of sample.slice(0, searches).entries()) {
    const search = searchFor(person, i, rnd);
    const { ms, hits } = await find(search.query);
    const kind = byKind.get(search.kind)!;
    latencies.push(ms);
    kind.ms.push(ms);
    if (search.found(hits.slice(0, 3))) kind.found++;
  }
  const inTop3 = [...byKind.values()].reduce((sum, k) => sum + k.found, 0);
  const result = {
    bench: 'search',
    attendees,
    loadSeconds,
    searches: latencies.length,
    p50Ms: pct(latencies, 50),
    p95Ms: pct(latencies, 95),
    p99Ms: pct(latencies, 99),
    inTop3,
    inTop3Ratio: Math.round((inTop3 / latencies.length) * 1000) / 1000,
    byKind: Object.fromEntries(
      [...byKind].map(([k, v]) => [k, { p95Ms: pct(v.ms, 95), inTop3: v.found, of: v.ms.length }]),
    ),
    target: TARGET_P95_MS,
    ok: pct(latencies, 95) <= TARGET_P95_MS,
  };
  console.log(
    `search: ${attendees} attendees in one event on PostgreSQL, loaded in ${loadSeconds} s`,
  );
  console.log(
    `${result.searches} searches over HTTP, one at a time: p50 ${result.p50Ms} ms  ` +
      `p95 ${result.p95Ms} ms  p99 ${result.p99Ms} ms; who was meant in the top 3 for ` +
      `${inTop3} of ${result.searches} (${Math.round(result.inTop3Ratio * 100)} %)`,
  );
  for (const [k, v] of byKind)
    console.log(`  ${k.padEnd(24)} p95 ${pct(v.ms, 95)} ms, top 3: ${v.found} of ${v.ms.length}`);
  console.log(`target: p95 ≤ ${TARGET_P95_MS} ms → ${result.ok ? 'met' : 'NOT met'}`);
  console.log(JSON.stringify(result));
} finally {
  await db.end();
  await server.stop();
  await database.drop();
}
