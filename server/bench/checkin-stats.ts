// Check-in stats at scale on real PostgreSQL: one event with 100 000 valid tickets and 200 000
// scans over a morning (first entries of 90 % of the tickets at 3 gates, 40 000 exits, then
// refusals), generated with generate_series straight into the tables; the counters' trigger runs
// as for any writer (the kiosk feed's and webhooks' row triggers are off meanwhile, as in the
// reports bench). Then `GET /checkin-stats` one request at a time through HTTP (p50 / p95),
// beside the recount from every scan that the stats ran before the counters (migration 0026), and
// a recount of every ticket's counters at once (what the migration's backfill costs).
// Run: npm run bench -w server -- checkin-stats [--tickets N] [--scans N] [--requests N]
import { loadavg } from 'node:os';
import { toStats } from '../src/features/checkin/stats.js';
import { checkinStatsRows } from '../src/features/checkin/stats-store.js';
import { recountedStatsRows } from '../src/features/checkin/test-support/stats-recount.js';
import type { CheckinStats } from '../src/features/checkin/schema.js';
import { startTestServer } from '../test/harness.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const tickets = arg('tickets', 100_000);
const scans = arg('scans', 200_000);
const requests = arg('requests', 200);
const TARGET_P95_MS = 10;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 100) / 100;
};
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

const t = await startTestServer('postgres');
try {
  const call = async <T>(path: string, body?: unknown) => {
    const res = await t.api(path, body === undefined ? {} : { body });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const e = (
    await call<{ id: string }>('/api/v1/events', {
      name: 'Check-in stats bench',
      startsAt: '2027-06-01T07:00:00Z',
      endsAt: '2027-06-02T18:00:00Z',
      timezone: 'Europe/Berlin',
    })
  ).id;
  const type = (
    await call<{ id: string }>(`/api/v1/events/${e}/ticket-types`, {
      name: 'Regular',
      priceCents: 0,
      currency: 'EUR',
      quantity: tickets,
      maxPerOrder: 10,
    })
  ).id;
  const db = t.server.db;
  const load = performance.now();
  await db.query(
    `INSERT INTO orders (event_id, ticket_type_id, quantity, attendee_name, attendee_email,
       email_normalized, answers, subtotal_cents, discount_cents, total_cents, currency, status,
       payment_method, access_key_hash)
     SELECT $1, $2, 2, 'Guest ' || g, 'guest' || g || '@example.org', 'guest' || g || '@example.org',
       '{}', 0, 0, 0, 'EUR', 'confirmed', 'manual', 'x'
     FROM generate_series(1, $3) g`,
    [e, type, tickets / 2],
  );
  await db.query(
    `INSERT INTO tickets (order_id, event_id, ticket_type_id, attendee_name, attendee_email, status, token, kid)
     SELECT o.id, o.event_id, o.ticket_type_id, o.attendee_name, o.attendee_email, 'valid', 'bench', 'k'
     FROM orders o CROSS JOIN LATERAL generate_series(1, o.quantity) WHERE o.event_id = $1`,
    [e],
  );
  const ticketSeconds = seconds(load);
  await db.query('ALTER TABLE checkin_scans DISABLE TRIGGER checkin_scans_sync');
  await db.query('ALTER TABLE checkin_scans DISABLE TRIGGER checkin_scans_webhooks');
  const scanStart = performance.now();
  await db.query(
    `WITH v AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
       FROM tickets WHERE event_id = $1 AND status = 'valid'
     ), k AS (
       SELECT g, 1 + (g - 1) % (SELECT count(*) FROM v) AS n FROM generate_series(1, $2) g
     )
     INSERT INTO checkin_scans (scan_id, event_id, list_id, ticket_id, device_id, actor, gate, direction,
       result, reason, origin, token_sha256, scanned_at)
     SELECT gen_random_uuid(), $1, $1, v.id, NULL, 'bench', (ARRAY['North','South','East'])[1 + k.g % 3],
       CASE WHEN k.g > v.total * 0.9 AND k.g <= v.total * 0.9 + 40000 THEN 'exit' ELSE 'entry' END,
       CASE WHEN k.g <= v.total * 0.9 + 40000 THEN 'admitted' ELSE 'already_checked_in' END,
       'bench', 'online', 'x',
       timestamptz '2027-06-01T07:00:00Z' + (k.g::float / $2) * interval '3 hours'
     FROM k JOIN v ON v.n = k.n`,
    [e, scans],
  );
  const scanSeconds = seconds(scanStart);
  await db.query('ALTER TABLE checkin_scans ENABLE TRIGGER checkin_scans_sync');
  await db.query('ALTER TABLE checkin_scans ENABLE TRIGGER checkin_scans_webhooks');
  await db.query('ANALYZE');

  // Every ticket's counters recomputed in one transaction: the work of the migration's backfill.
  const recountAll = performance.now();
  await db.transaction((tx) =>
    tx.query(`SELECT checkin_recount(ARRAY(SELECT id FROM tickets WHERE event_id = $1))`, [e]),
  );
  const recountAllSeconds = seconds(recountAll);

  const time = async (n: number, f: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < n + 3; i++) {
      const start = performance.now();
      await f();
      if (i >= 3) times.push(performance.now() - start);
    }
    return { p50: pct(times, 50), p95: pct(times, 95) };
  };
  const { rows } = await db.query<{ org: string }>(
    'SELECT organization_id AS org FROM events WHERE id = $1',
    [e],
  );
  const org = rows[0]!.org;
  const counted = await call<CheckinStats>(`/api/v1/events/${e}/checkin-stats`);
  const recounted = toStats(e, await recountedStatsRows(db, e, org), new Date());
  const agree = JSON.stringify({ ...counted, at: 0 }) === JSON.stringify({ ...recounted, at: 0 });
  const http = await time(requests, () => call(`/api/v1/events/${e}/checkin-stats`));
  const sql = await time(requests, () => checkinStatsRows(db, e, org));
  const recount = await time(Math.min(requests, 10), () => recountedStatsRows(db, e, org));

  const load1 = Math.round(loadavg()[0]! * 10) / 10;
  console.log(
    `${tickets} tickets (${ticketSeconds} s), ${scans} scans (${scanSeconds} s, counters kept by the trigger); ` +
      `admitted ${counted.admitted}, inside ${counted.inside}, ${counted.gates.length} gates`,
  );
  console.log(
    `GET checkin-stats      p50 ${http.p50} ms  p95 ${http.p95} ms  (${requests} requests)`,
  );
  console.log(`its statement alone   p50 ${sql.p50} ms  p95 ${sql.p95} ms`);
  console.log(
    `recount from the scans p50 ${recount.p50} ms  p95 ${recount.p95} ms  (the stats before 0027)`,
  );
  console.log(
    `every ticket's counters recomputed in ${recountAllSeconds} s (the migration's backfill)`,
  );
  console.log(`counters equal the recount: ${agree ? 'yes' : 'NO'}; load average ${load1}`);
  console.log(
    `target: p95 < ${TARGET_P95_MS} ms → ${http.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      bench: 'checkin-stats',
      tickets,
      scans,
      scanSeconds,
      p50Ms: http.p50,
      p95Ms: http.p95,
      sqlP50Ms: sql.p50,
      sqlP95Ms: sql.p95,
      recountP50Ms: recount.p50,
      recountAllSeconds,
      countersEqualRecount: agree,
      loadAverage: load1,
      target: TARGET_P95_MS,
    }),
  );
  if (!agree) process.exitCode = 1;
} finally {
  await t.stop();
}
