import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  json,
  registerRaw,
} from './registration-fixtures.js';
import { checkIn } from '../src/features/checkin/test-support/checkin-fixtures.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { restoreDataDir } from '../src/platform/db/restore-data-dir.js';

const run = promisify(execFile);

async function backup(t: TestServer): Promise<Buffer> {
  const res = await t.api('/api/v1/backup');
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Registrations one ticket each, all at once; resolves each one's answer as it comes. */
function rush(t: TestServer, eventId: string, ticketTypeId: string, n: number) {
  return Array.from({ length: n }, (_, i) =>
    registerRaw(t, eventId, { ticketTypeId, quantity: 1, attendee: attendee(`rush-${i}`) }).then(
      (res) => json<{ id: string; tickets: { id: string; token: string }[] }>(res, 201),
    ),
  );
}

/** Orders, tickets and the type's sold counter, read in one snapshot. */
const COUNTS = `SELECT (SELECT count(*) FROM orders WHERE status = 'confirmed')::int AS orders,
                       (SELECT count(*) FROM tickets)::int AS tickets,
                       (SELECT sum(sold) FROM ticket_types)::int AS sold`;

describe('backup and restore of the embedded database [pglite]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t.stop());

  it('a backup taken during a rush restores every order committed before it, with tokens that still verify', async () => {
    const event = await createEvent(t);
    const typeId = await createTicketType(t, event.id, { priceCents: 0, quantity: 1000 });
    const before = await Promise.all(rush(t, event.id, typeId, 10));
    const during = rush(t, event.id, typeId, 40);
    const copy = await backup(t);
    const after = await Promise.all(during);
    expect(after).toHaveLength(40);

    // The same data dir, restored to the backup's moment, served again on the same URL.
    await t.server.close();
    await restoreDataDir(t.dataDir, copy, { replace: true });
    await t.restart();

    const { rows } = await t.server.db.query<{ orders: number; tickets: number; sold: number }>(
      COUNTS,
    );
    const [c] = rows;
    // Whatever the backup caught of the rush, it caught whole orders: a ticket per confirmed
    // order and the sold counter agreeing, never a seat without its order or the reverse.
    expect(c!.tickets).toBe(c!.orders);
    expect(c!.sold).toBe(c!.orders);
    expect(c!.orders).toBeGreaterThanOrEqual(10);
    expect(c!.orders).toBeLessThanOrEqual(50);

    // A ticket sold before the backup is admitted by the restored server: its event's signing
    // keys came back with it.
    const answer = await checkIn(t, event.id, { token: before[0]!.tickets[0]!.token });
    expect(answer.result).toBe('admitted');
    // Restoring opens the copy in a second embedded PostgreSQL and the server starts again.
  }, 120_000);

  it('refuses to restore over a database unless told to, and a file that is no backup', async () => {
    await expect(restoreDataDir(t.dataDir, Buffer.from([0x1f, 0x8b, 1, 2]))).rejects.toMatchObject({
      code: 'data_dir_in_use',
    });
    await expect(
      restoreDataDir(join(t.dataDir, 'elsewhere'), Buffer.from('PGDMP...')),
    ).rejects.toMatchObject({ code: 'not_a_backup' });
    // A corrupt tarball is refused before anything in the data dir is touched.
    await expect(
      restoreDataDir(t.dataDir, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), {
        replace: true,
      }),
    ).rejects.toMatchObject({ code: 'backup_unreadable' });
    const res = await t.api('/api/v1/events');
    expect(res.status).toBe(200);
  });
});

describe('backup of PostgreSQL through the server [postgres]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres');
  });
  afterAll(() => t.stop());

  it('streams a pg_dump that pg_restore loads into an empty database with the same rows', async () => {
    const event = await createEvent(t);
    const typeId = await createTicketType(t, event.id, { priceCents: 0, quantity: 100 });
    await Promise.all(rush(t, event.id, typeId, 5));
    const dump = await backup(t);
    expect(dump.subarray(0, 5).toString('latin1')).toBe('PGDMP');

    const target = await createPostgresDatabase();
    const file = join(t.dataDir, 'dump.pgdump');
    await writeFile(file, dump);
    try {
      await run('pg_restore', ['--no-owner', '--exit-on-error', '-d', target.url, file]);
      const restored = new pg.Client({ connectionString: target.url });
      await restored.connect();
      try {
        const { rows } = await restored.query(COUNTS);
        expect(rows[0]).toEqual({ orders: 5, tickets: 5, sold: 5 });
      } finally {
        await restored.end();
      }
    } finally {
      await target.drop();
    }
  });

  it('needs the admin scope', async () => {
    const res = await t.api('/api/v1/backup', { token: null });
    expect(res.status).toBe(401);
  });
});
