import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startTestServer, type TestServer } from './harness.js';
import {
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// Stopping the server (SIGTERM calls close()) while a check-in waits on the database: the
// database may close only once the check-in has finished, whether its kiosk still waits for the
// answer or has given up. A lock held here keeps the check-in waiting as long as the test wants.
describe('stopping the server with a check-in in flight [postgres]', () => {
  let t: TestServer;
  let ev: SoldEvent;
  let db: pg.Client;

  beforeEach(async () => {
    t = await startTestServer('postgres');
    ev = await eventWithTickets(t, 1);
    db = new pg.Client({ connectionString: t.server.config.databaseUrl });
    await db.connect();
  });
  afterEach(async () => {
    await db.end();
    await t.stop();
  });

  /** Starts a check-in that waits on a lock until the returned function releases it. */
  async function checkInHeldUp(signal?: AbortSignal) {
    await db.query('BEGIN');
    await db.query('LOCK TABLE checkin_states IN ACCESS EXCLUSIVE MODE');
    const scanId = randomUUID();
    const answer = fetch(`${t.url}/api/v1/events/${ev.eventId}/checkins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token: ev.tickets[0]!.token, scanId }),
      signal,
    });
    answer.catch(() => {});
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    return { scanId, answer, release: () => db.query('COMMIT') };
  }

  const stored = async (scanId: string) =>
    (
      await db.query<{ result: string }>('SELECT result FROM checkin_scans WHERE scan_id = $1', [
        scanId,
      ])
    ).rows.map((r) => r.result);

  it('answers the waiting kiosk, stores the scan, then closes without waiting out the grace', async () => {
    const { scanId, answer, release } = await checkInHeldUp();
    const started = Date.now();
    const closing = t.server.close();
    await new Promise((r) => setTimeout(r, 200));
    await release();
    const res = await answer;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ scanId, result: 'admitted' });
    await closing;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await stored(scanId)).toEqual(['admitted']);
  });

  it('still stores the scan of a kiosk that gave up waiting before the server stopped', async () => {
    const gaveUp = new AbortController();
    const { scanId, answer, release } = await checkInHeldUp(gaveUp.signal);
    gaveUp.abort();
    await expect(answer).rejects.toThrow();
    const closing = t.server.close();
    await new Promise((r) => setTimeout(r, 200));
    await release();
    await closing;
    expect(await stored(scanId)).toEqual(['admitted']);
  });

  it('refuses new connections once stopping', async () => {
    const { release } = await checkInHeldUp();
    const closing = t.server.close();
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    await release();
    await closing;
  });
});
