import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestServer, type TestServer } from './harness.js';
import { createSale, json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { writeCheckpoint } from '../src/features/audit/service.js';
import { ADMIN_URL } from '../src/test-support/databases.js';
import { createPgDb } from '../src/platform/db/pg-db.js';
import { migrate } from '../src/platform/db/migrate.js';

// The server run as a PostgreSQL role of its own, as docs/operations.md says to run it: CREATEROLE
// for the first start (whose migrations hand the log to lanyard_audit), taken away after. That role
// cannot rewrite the audit log by any means, only append to it and redact.

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A login role owning a fresh database, and the database's URL as that role. */
async function ownDatabase(roleOptions: string) {
  const name = `lanyard_own_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE ROLE ${name} LOGIN ${roleOptions}`);
  await admin(`CREATE DATABASE ${name} OWNER ${name}`);
  const url = new URL(ADMIN_URL);
  url.username = name;
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`DROP ROLE IF EXISTS ${name}`);
    },
  };
}

async function asRole(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('the audit log under the server’s own database role [postgres]', () => {
  let own: Awaited<ReturnType<typeof ownDatabase>>;
  let t: TestServer;

  beforeAll(async () => {
    own = await ownDatabase('CREATEROLE');
    t = await startTestServer('postgres', { DATABASE_URL: own.url });
    await admin(`ALTER ROLE ${new URL(own.url).username} NOCREATEROLE`);
    await createSale(t); // entries to tamper with
  });
  afterAll(async () => {
    await t?.stop();
    await own?.drop();
  });

  it('belongs to lanyard_audit, schema and all, not to the role that migrated it', async () => {
    const { rows } = await t.server.db.query<{ tablename: string; tableowner: string }>(
      `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'audit' ORDER BY tablename`,
    );
    expect(rows).toEqual([
      { tablename: 'audit_checkpoints', tableowner: 'lanyard_audit' },
      { tablename: 'audit_log', tableowner: 'lanyard_audit' },
    ]);
    const schema = await t.server.db.query(
      `SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'audit'`,
    );
    expect(schema.rows).toEqual([{ owner: 'lanyard_audit' }]);
  });

  it.each([
    [
      `UPDATE audit.audit_log SET action = 'x' WHERE seq = 1`,
      /permission denied for table audit_log/,
    ],
    ['DELETE FROM audit.audit_log WHERE seq = 1', /permission denied for table audit_log/],
    ['TRUNCATE audit.audit_log', /permission denied for table audit_log/],
    ['ALTER TABLE audit.audit_log DISABLE TRIGGER audit_log_append_only', /must be owner/],
    ['DROP TABLE audit.audit_log', /must be owner/],
    ['DROP SCHEMA audit CASCADE', /must be owner/],
    ['DELETE FROM audit.audit_checkpoints', /permission denied for table audit_checkpoints/],
    [
      `CREATE OR REPLACE FUNCTION audit.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
         AS $$ BEGIN RETURN NEW; END $$`,
      /permission denied for schema audit/,
    ],
    ['GRANT lanyard_audit TO CURRENT_USER', /must have admin option on role "lanyard_audit"/],
  ])('refuses %s', async (sql, refusal) => {
    await expect(asRole(own.url, sql)).rejects.toThrow(refusal);
  });

  it('still appends, checkpoints, redacts and verifies', async () => {
    const before = await json<{ ok: boolean; entries: number }>(
      await t.api('/api/v1/audit/verify'),
      200,
    );
    expect(before.ok).toBe(true);
    expect(before.entries).toBeGreaterThanOrEqual(2); // the event and its ticket type
    expect(await writeCheckpoint(t.server.db)).not.toBeNull();
    const { items } = await json<{ items: { seq: number }[] }>(await t.api('/api/v1/audit'), 200);
    const seq = items[items.length - 1]!.seq;
    expect((await t.api(`/api/v1/audit/${seq}/redact`, { method: 'POST' })).status).toBe(204);
    const after = await json<{ ok: boolean; entries: number; checkpoints: number }>(
      await t.api('/api/v1/audit/verify'),
      200,
    );
    expect(after).toMatchObject({ ok: true, checkpoints: 1 });
    expect(after.entries).toBeGreaterThan(before.entries); // the redaction is itself audited
  });
});

describe('a database role that may not create roles [postgres]', () => {
  it('migrates all the same, leaving the log to the append-only trigger', async () => {
    const own = await ownDatabase('NOCREATEROLE');
    const db = createPgDb(own.url);
    try {
      await migrate(db);
      const { rows } = await db.query<{ tableowner: string }>(
        `SELECT tableowner FROM pg_tables WHERE schemaname = 'audit' AND tablename = 'audit_log'`,
      );
      expect(rows[0]!.tableowner).toBe(new URL(own.url).username);
      await db.query(
        `INSERT INTO audit.audit_log (seq, at, organization_id, action, object_type, payload_hash, prev_hash, hash)
         VALUES (1, now(), gen_random_uuid(), 'x', 'y', 'p', 'q', 'h')`,
      );
      await expect(db.query('DELETE FROM audit.audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
      await own.drop();
    }
  });
});
