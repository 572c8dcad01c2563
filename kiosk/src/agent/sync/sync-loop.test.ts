import { randomUUID } from 'node:crypto';
import { FeedServer, KIOSK_TOKEN } from '../../../test/support/feed-server.js';
import {
  deviceId,
  eventId,
  listOf,
  tempDir,
  ticketFor,
  tokenFor,
  upserted,
} from '../../../test/support/fixtures.js';
import { openCache, type Cache } from '../cache/handles.js';
import { queuedCount, uploadOutcome } from '../cache/scan-store.js';
import { readClockOffset, readCursor, readState } from '../cache/state-store.js';
import { ticketCount } from '../cache/ticket-store.js';
import { OfflineDecider } from '../decide/offline-decider.js';
import { accessTokens } from './access-token.js';
import { Connectivity } from './connectivity.js';
import { FetchTransport } from './fetch-transport.js';
import { SyncClient } from './sync-client.js';
import { SyncLoop } from './sync-loop.js';

let tmp: ReturnType<typeof tempDir>;
let cache: Cache;
let server: FeedServer;
let connectivity: Connectivity;
let client: SyncClient;
const tickets = Array.from({ length: 25 }, (_, n) => ticketFor(n));

function transportWith(token: string) {
  return new FetchTransport({
    serverUrl: server.url,
    eventId,
    tokens: accessTokens({ kind: 'token', accessToken: token }),
  });
}

beforeEach(async () => {
  tmp = tempDir();
  cache = openCache(tmp.dir);
  server = await new FeedServer({ pageSize: 10 }).start();
  server.changes.push({ type: 'checkin_list.upserted', list: listOf() }, ...tickets.map(upserted));
  connectivity = new Connectivity();
  client = new SyncClient(cache, transportWith(KIOSK_TOKEN), 4);
});
afterEach(async () => {
  await server.close();
  cache.close();
  tmp.remove();
});

function scanOffline(count: number): string[] {
  const decider = new OfflineDecider(cache.write, { eventId, deviceId });
  return Array.from({ length: count }, (_, n) => {
    const scanId = randomUUID();
    decider.decideNow({
      scanId,
      data: tokenFor(tickets[n % tickets.length]!),
      direction: 'entry',
      scannedAtMs: Date.now(),
    });
    return scanId;
  });
}

describe('the sync client', () => {
  it('pulls page after page until caught up, starting with a snapshot', async () => {
    const result = await client.pullUntilCaughtUp();
    expect(result).toEqual({ pages: 3, changes: 26 });
    expect(server.pulls).toEqual([null, 'c:10', 'c:20']);
    expect(readCursor(cache.read)).toBe('c:26');
    expect(ticketCount(cache.read)).toBe(25);
  });

  it('resumes from its cursor and picks up only what changed since', async () => {
    await client.pullUntilCaughtUp();
    server.changes.push({
      type: 'ticket.revoked',
      ticketId: tickets[0]!.id,
      eventId,
      revokedAt: tickets[0]!.updatedAt,
    });
    expect(await client.pullUntilCaughtUp()).toEqual({ pages: 1, changes: 1 });
    expect(server.pulls.at(-1)).toBe('c:26');
  });

  it('uploads queued scans in batches and empties the queue', async () => {
    await client.pullUntilCaughtUp();
    const ids = scanOffline(10);
    expect(await client.pushQueued()).toEqual({ uploaded: 10 });
    expect(server.pushes.map((b) => b.length)).toEqual([4, 4, 2]);
    expect([...server.stored.keys()].sort()).toEqual([...ids].sort());
    expect(queuedCount(cache.read)).toBe(0);
  });

  it('sends nothing when the queue is empty', async () => {
    expect(await client.pushQueued()).toEqual({ uploaded: 0 });
    expect(server.pushes).toHaveLength(0);
  });

  it('records the clock offset from the server Date header', async () => {
    server.clockSkewMs = 120_000;
    await client.pullUntilCaughtUp();
    expect(Math.abs(readClockOffset(cache.read) - 120_000)).toBeLessThan(1500);
  });

  it('refuses a page that does not match the sync schema, applying nothing', async () => {
    server.changes.unshift({ type: 'ticket.teleported' } as never);
    await expect(client.pullUntilCaughtUp()).rejects.toMatchObject({ code: 'bad_response' });
    expect(readCursor(cache.read)).toBeUndefined();
    expect(ticketCount(cache.read)).toBe(0);
  });
});

describe('the sync loop', () => {
  const fast = { intervalMs: 20, backoff: { baseMs: 10, maxMs: 40 } };
  const until = async (check: () => boolean, ms = 3000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not reached');
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('syncs, reports online and stamps lastSyncAt', async () => {
    const loop = new SyncLoop(cache, client, connectivity, fast);
    loop.start();
    await until(() => readState(cache.read, 'last_sync_at') !== undefined);
    await loop.stop();
    expect(connectivity.current.online).toBe(true);
    expect(ticketCount(cache.read)).toBe(25);
  });

  it('backs off while the server is down, then comes back and uploads what was scanned meanwhile', async () => {
    server.down = true;
    const rounds: { ok: boolean; failures: number; nextInMs: number }[] = [];
    const loop = new SyncLoop(cache, client, connectivity, {
      ...fast,
      onRound: (r) => rounds.push(r),
    });
    loop.start();
    await until(() => rounds.length >= 4);
    expect(connectivity.current).toEqual({ online: false, lastError: 'unavailable' });
    expect(rounds.slice(0, 4).map((r) => r.failures)).toEqual([1, 2, 3, 4]);
    expect(rounds[3]!.nextInMs).toBeLessThanOrEqual(40);
    const ids = scanOffline(3);
    server.down = false;
    await until(() => connectivity.current.online === true && queuedCount(cache.read) === 0);
    await loop.stop();
    expect(ids.every((id) => server.stored.has(id))).toBe(true);
  });

  it('"sync now" asked while a failing round is in flight runs a fresh round after it', async () => {
    await client.pullUntilCaughtUp();
    const ids = scanOffline(2);
    server.down = true;
    server.delayMs = 30;
    const before = server.requests;
    const loop = new SyncLoop(cache, client, connectivity, fast);
    const inFlight = loop.syncNow();
    // Its upload has been refused and its pull is on the way when the server comes back.
    await until(() => server.requests >= before + 2);
    server.down = false;
    server.delayMs = 0;
    const asked = [loop.syncNow(), loop.syncNow()];
    await Promise.all([inFlight, ...asked]);
    await loop.stop();
    expect(connectivity.current).toEqual({ online: true, lastError: undefined });
    expect(queuedCount(cache.read)).toBe(0);
    expect(ids.every((id) => server.stored.has(id))).toBe(true);
    // The refused round, then one fresh round shared by both callers: one upload accepted.
    expect(server.pushes).toHaveLength(1);
  });

  it('goes offline with a reason when the server refuses the device credential', async () => {
    client = new SyncClient(cache, transportWith('revoked-token'));
    const loop = new SyncLoop(cache, client, connectivity, fast);
    loop.start();
    await until(() => connectivity.current.online === false);
    await loop.stop();
    expect(connectivity.current.lastError).toBe('unauthorized');
  });

  it('resends a batch whose answer was lost under the same scan ids, and takes "replayed" as done', async () => {
    await client.pullUntilCaughtUp();
    const ids = scanOffline(3);
    // The server stores the batch, then the connection drops before its answer arrives.
    let dropped = false;
    server.onRequest = (kind, res) => {
      if (kind !== 'push' || dropped) return;
      dropped = true;
      res.destroy();
    };
    await expect(client.pushQueued()).rejects.toThrow();
    expect(queuedCount(cache.read)).toBe(3);
    expect(ids.map((id) => uploadOutcome(cache.read, id))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);

    await client.pushQueued();
    // The agent sent the same scans again under the same ids, so the server can tell them apart
    // from new ones...
    expect(server.pushes).toHaveLength(2);
    const sent = server.pushes.map((batch) => batch.map((scan) => scan.scanId).sort());
    expect(sent[0]).toEqual([...ids].sort());
    expect(sent[1]).toEqual(sent[0]);
    // ...and took the replayed answers as done: off the queue, the verdict kept, nothing resent.
    expect(queuedCount(cache.read)).toBe(0);
    const statuses = cache.read.prepare('SELECT status FROM scan_outcomes ORDER BY status').all();
    expect(statuses).toEqual([
      { status: 'replayed' },
      { status: 'replayed' },
      { status: 'replayed' },
    ]);
    for (const id of ids) {
      expect(uploadOutcome(cache.read, id)).toEqual({
        result: 'admitted',
        reason: 'entry',
        duplicate: false,
      });
    }
    await client.pushQueued();
    expect(server.pushes).toHaveLength(2);
  });
});
