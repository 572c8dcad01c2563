// The public schedule.json of a 3-day, 20-room, 600-session, 400-speaker program, released on
// real PostgreSQL, fetched gzipped (as browsers and schedule apps ask) by 20 connections for
// 10 s through the built server (autocannon):
// every request reads the event and its latest release number, the rendered feed comes from
// memory. The program goes in through the import endpoint as a frab schedule.json.
// Run: npx tsc -b && npm run build -w server && npm run bench -w server -- schedule-feed
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { startLanyardProcess } from './_processes.js';

const TARGET_REQ_PER_SEC = 2000;
const pad = (n: number) => String(n).padStart(2, '0');

function program() {
  const days = [1, 2, 3].map((d, i) => {
    const rooms: Record<string, unknown[]> = {};
    for (let r = 0; r < 20; r++)
      rooms[`Room ${r}`] = Array.from({ length: 10 }, (_, k) => {
        const n = i * 200 + r * 10 + k;
        return {
          guid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          id: n + 1,
          title: `Session ${n}`,
          abstract: `What session ${n} is about.`,
          type: 'Talk',
          language: 'en',
          track: `Track ${n % 8}`,
          room: `Room ${r}`,
          date: `2027-05-0${d}T${pad(9 + k)}:00:00+02:00`,
          duration: '00:45',
          persons: [{ code: `P${n % 400}`, public_name: `Speaker ${n % 400}` }],
        };
      });
    return { rooms };
  });
  return { schedule: { conference: { days } } };
}

const database = await createPostgresDatabase();
const server = await startLanyardProcess({ DATABASE_URL: database.url, RATE_LIMITS: 'off' });
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
  return (await res.json()) as Record<string, unknown>;
};
const event = await post('/api/v1/events', {
  name: 'Feed Fest',
  startsAt: '2027-05-01T07:00:00Z',
  endsAt: '2027-05-03T18:00:00Z',
  timezone: 'Europe/Berlin',
});
const eventId = event.id as string;
await post(`/api/v1/events/${eventId}/schedule/import`, program());
await post(`/api/v1/events/${eventId}/schedule/releases`, {
  comment: 'bench',
  allowIncomplete: true,
});
const url = `${server.url}/api/v1/events/${eventId}/schedule.json`;
const bytes = (await (await fetch(url)).text()).length;
const r = await autocannon({
  url,
  connections: 20,
  duration: 10,
  headers: { 'accept-encoding': 'gzip' },
});
const load1 = Math.round(loadavg()[0]! * 100) / 100;
await server.stop();
await database.drop();

const reqPerSec = Math.round(r.requests.average);
const errors = r.non2xx + r.errors + r.timeouts;
console.log(`schedule.json of 600 sessions: ${bytes} bytes`);
console.log(
  `${reqPerSec} req/s, p99 ${r.latency.p99} ms, ${errors} errors (target ≥ ${TARGET_REQ_PER_SEC} req/s); load average ${load1}`,
);
console.log(
  JSON.stringify({
    bench: 'schedule-feed',
    bytes,
    reqPerSec,
    p99Ms: r.latency.p99,
    errors,
    loadavg1: load1,
  }),
);
