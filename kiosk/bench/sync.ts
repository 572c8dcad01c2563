// Sync: first sync of 100 000 tickets into an empty cache, then a delta of 1 000 changes, pulled
// over HTTP from an in-process server serving core-schema pages.
import { randomUUID } from 'node:crypto';
import { openCache } from '../src/agent/cache/handles.js';
import { ticketCount } from '../src/agent/cache/ticket-store.js';
import { accessTokens } from '../src/agent/sync/access-token.js';
import { FetchTransport } from '../src/agent/sync/fetch-transport.js';
import { SyncClient } from '../src/agent/sync/sync-client.js';
import { FeedServer, KIOSK_TOKEN } from '../test/support/feed-server.js';
import { eventId, listId, listOf, tempDir, ticketFor, upserted } from '../test/support/fixtures.js';
import { round } from './_setup.js';

const TICKETS = 100_000;
const DELTA = 1_000;
const server = await new FeedServer({ pageSize: 5_000 }).start();
const tickets = Array.from({ length: TICKETS }, (_, n) => ticketFor(n));
server.changes.push({ type: 'checkin_list.upserted', list: listOf() }, ...tickets.map(upserted));

const tmp = tempDir('kiosk-bench-');
const cache = openCache(tmp.dir);
const client = new SyncClient(
  cache,
  new FetchTransport({
    serverUrl: server.url,
    eventId,
    tokens: accessTokens({ kind: 'token', accessToken: KIOSK_TOKEN }),
  }),
);

let t0 = performance.now();
const first = await client.pullUntilCaughtUp();
const firstSyncMs = Math.round(performance.now() - t0);
const cached = ticketCount(cache.read);

// A realistic delta: renamed attendees, revocations, other gates' check-ins.
for (let i = 0; i < DELTA; i++) {
  const t = tickets[(i * 97) % TICKETS]!;
  if (i % 3 === 0) {
    server.changes.push(
      upserted({ ...t, attendee: { ...t.attendee, name: `${t.attendee.name} Jr` } }),
    );
  } else if (i % 3 === 1) {
    server.changes.push({
      type: 'ticket.revoked',
      ticketId: t.id,
      eventId,
      revokedAt: t.updatedAt,
    });
  } else {
    server.changes.push({
      type: 'scan.recorded',
      scan: {
        scanId: randomUUID(),
        eventId,
        listId,
        ticketId: t.id,
        deviceId: randomUUID(),
        direction: 'entry',
        result: 'admitted',
        scannedAt: new Date().toISOString(),
      },
    });
  }
}
t0 = performance.now();
const delta = await client.pullUntilCaughtUp();
const deltaMs = round(performance.now() - t0, 1);

cache.close();
tmp.remove();
await server.close();

console.log(
  `first sync: ${cached} tickets in ${first.pages} pages, ${firstSyncMs} ms (target < 10000)`,
);
console.log(
  `delta: ${delta.changes} changes in ${delta.pages} page(s), ${deltaMs} ms (target < 500)`,
);
const ok = firstSyncMs < 10_000 && deltaMs < 500 && cached === TICKETS;
console.log(
  JSON.stringify({
    bench: 'sync',
    tickets: cached,
    firstSyncMs,
    deltaChanges: delta.changes,
    deltaMs,
    targetFirstSyncMs: 10_000,
    targetDeltaMs: 500,
    ok,
  }),
);
