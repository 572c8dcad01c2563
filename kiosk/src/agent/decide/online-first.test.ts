import { randomUUID } from 'node:crypto';
import { OnlineFirstDecider } from '@lanyard/core';
import { FeedServer, KIOSK_TOKEN } from '../../../test/support/feed-server.js';
import {
  deviceId,
  eventId,
  listOf,
  pageOf,
  tempDir,
  ticketFor,
  tokenFor,
  upserted,
} from '../../../test/support/fixtures.js';
import { applyPage } from '../cache/feed-apply.js';
import { openCache, type Cache } from '../cache/handles.js';
import { findScan, queuedCount, queuedUploads } from '../cache/scan-store.js';
import { accessTokens } from '../sync/access-token.js';
import { Connectivity } from '../sync/connectivity.js';
import { FetchTransport } from '../sync/fetch-transport.js';
import { OfflineDecider } from './offline-decider.js';
import type { CheckInDecider } from './decider.js';
import { OnlineDecider } from './online-decider.js';

let tmp: ReturnType<typeof tempDir>;
let cache: Cache;
let server: FeedServer;
let connectivity: Connectivity;
let decider: CheckInDecider;
const ada = ticketFor(0);

beforeEach(async () => {
  tmp = tempDir();
  cache = openCache(tmp.dir);
  applyPage(
    cache.write,
    pageOf([upserted(ada), { type: 'checkin_list.upserted', list: listOf() }]),
  );
  server = await new FeedServer({
    checkin: (body) => ({
      result: 'admitted',
      ticketId: ada.id,
      attendee: { name: `server ${body.scanId.slice(0, 4)}` },
    }),
  }).start();
  const station = { eventId, deviceId, gate: 'south' };
  const transport = new FetchTransport({
    serverUrl: server.url,
    eventId,
    tokens: accessTokens({ kind: 'token', accessToken: KIOSK_TOKEN }),
  });
  connectivity = new Connectivity();
  decider = new OnlineFirstDecider(
    new OnlineDecider(transport, cache.write, station),
    new OfflineDecider(cache.write, station),
    connectivity,
    300,
  );
});
afterEach(async () => {
  await server.close();
  cache.close();
  tmp.remove();
});

const scan = (data = tokenFor(ada)) =>
  decider.decide({ scanId: randomUUID(), data, direction: 'entry', scannedAtMs: Date.now() });

describe('online first, offline after a short wait', () => {
  it('asks the server when it answers, and records its decision without queueing it', async () => {
    const answer = await scan();
    expect(answer).toMatchObject({ result: 'admitted', offline: false, ticketId: ada.id });
    expect(server.checkins).toEqual([
      { token: tokenFor(ada), scanId: answer.scanId, gate: 'south' },
    ]);
    expect(findScan(cache.read, answer.scanId)).toMatchObject({
      origin: 'online',
      result: 'admitted',
    });
    expect(queuedCount(cache.read)).toBe(0);
    expect(connectivity.current.online).toBe(true);
  });

  it('knows offline that a ticket the server admitted is inside', async () => {
    await scan();
    server.down = true;
    expect(await scan()).toMatchObject({ result: 'already_checked_in', offline: true });
  });

  it('decides offline when the server is slower than the timeout, keeping the scanId for upload', async () => {
    server.delayMs = 2000;
    const started = Date.now();
    const answer = await scan();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer).toMatchObject({ result: 'admitted', offline: true });
    expect(queuedUploads(cache.read, 10).map((s) => s.scanId)).toEqual([answer.scanId]);
    expect(connectivity.current).toEqual({ online: false, lastError: 'timeout' });
  });

  it('once offline, decides at once without waiting for the server again', async () => {
    server.down = true;
    await scan();
    server.delayMs = 2000;
    const started = Date.now();
    expect((await scan('garbage')).offline).toBe(true);
    expect(Date.now() - started).toBeLessThan(100);
    expect(server.requests).toBe(1);
  });

  it('goes straight back online when the server answers again', async () => {
    server.down = true;
    expect((await scan()).offline).toBe(true);
    server.down = false;
    connectivity.answered(); // what the sync loop reports on its next good round
    expect((await scan()).offline).toBe(false);
  });
});
