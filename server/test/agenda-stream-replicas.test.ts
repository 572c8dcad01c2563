import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './harness.js';
import { createEvent, json } from './registration-fixtures.js';
import { freePort, startReplica, stopReplica } from './replicas/cluster.js';
import { salesEvents } from './sales-stream-reader.js';
import { addItem, patchItem, releaseSchedule } from './schedule-fixtures.js';

// An agenda open on one replica (another process, the built server) hears of a release made on
// another through the change signal (Redis pub/sub), not the 5 s poll that only covers a lost
// signal.

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const POLL_MS = 5000;

describe('the programme stream across replicas [postgres]', () => {
  let a: TestServer;
  let b: ChildProcess;
  let bUrl: string;
  let bDir: string;

  beforeAll(async () => {
    a = await startTestServer('postgres', { REDIS_URL });
    bDir = await mkdtemp(join(tmpdir(), 'lanyard-replica-b-'));
    const port = await freePort();
    bUrl = `http://127.0.0.1:${port}`;
    b = await startReplica(
      { DATABASE_URL: a.server.config.databaseUrl!, REDIS_URL, LOG_LEVEL: 'silent' },
      port,
      bDir,
    );
  }, 90_000);

  afterAll(async () => {
    if (b) await stopReplica(b);
    await a?.stop();
    await rm(bDir, { recursive: true, force: true });
  });

  it('tells an agenda open on replica B of a release made on replica A at once', async () => {
    const { id: eventId } = await createEvent(a);
    const room = await addItem(a, eventId, 'rooms', { name: 'Hall' });
    const talk = await addItem(a, eventId, 'sessions', {
      title: 'Talk',
      durationMinutes: 30,
      status: 'confirmed',
    });
    await addItem(a, eventId, 'slots', {
      sessionId: talk.id,
      roomId: room.id,
      startsAt: '2027-05-01T09:00:00Z',
    });
    json(await releaseSchedule(a, eventId, 'one'), 201);

    const open = new AbortController();
    const stream = await fetch(`${bUrl}/api/v1/public/events/${eventId}/agenda/stream`, {
      signal: open.signal,
    });
    const next = salesEvents<{ version: number | null }>(stream);
    await expect(next()).resolves.toEqual({ version: 1 });

    await patchItem(a, eventId, 'sessions', talk.id, { title: 'Talk, renamed' });
    const released = Date.now();
    json(await releaseSchedule(a, eventId, 'two'), 201);
    await expect(next()).resolves.toEqual({ version: 2 });
    expect(Date.now() - released).toBeLessThan(POLL_MS - 1000);
    open.abort();
    // B serves the new release's JSON too.
    const agenda = await (await fetch(`${bUrl}/api/v1/public/events/${eventId}/agenda`)).json();
    expect(agenda).toMatchObject({
      version: 2,
      changes: { since: 1, diff: { renamed: [{ sessionId: talk.id }] } },
    });
  });
});
