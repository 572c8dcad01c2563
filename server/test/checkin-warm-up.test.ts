import pg from 'pg';
import { startTestServer, type TestServer } from './harness.js';
import {
  checkIn,
  eventWithTickets,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// PGlite has one connection and nothing to warm; this is about the PostgreSQL pool.
describe('a server on PostgreSQL warms its connections before it takes requests', () => {
  let t: TestServer;
  let admin: pg.Client;

  beforeAll(async () => {
    t = await startTestServer('postgres', { DATABASE_POOL_SIZE: '4' });
    admin = new pg.Client({ connectionString: t.server.config.databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.stop();
  });

  const count = async (sql: string) =>
    (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0]!.n;

  it('has its DATABASE_POOL_SIZE connections open on start, and the warm-up wrote no scan or state', async () => {
    const own = `pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
    expect(await count(own)).toBe(4);
    expect(await count('checkin_scans')).toBe(0);
    expect(await count('checkin_states')).toBe(0);
  });

  it('admits a burst of scans on those connections without opening new ones', async () => {
    const ev = await eventWithTickets(t, 20);
    const own = `pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
    const before = await count(own);
    const answers = await Promise.all(
      ev.tickets.map((ticket) => checkIn(t, ev.eventId, { token: ticket.token })),
    );
    expect(answers.map((a) => a.result)).toEqual(Array(20).fill('admitted'));
    expect(await count(own)).toBe(before);
  });
});
