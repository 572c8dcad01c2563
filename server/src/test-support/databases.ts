import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../platform/db/db.js';
import { createPgDb } from '../platform/db/pg-db.js';
import { createPgliteDb } from '../platform/db/pglite-db.js';
import { migrate } from '../platform/db/migrate.js';

/** The machine's PostgreSQL; each test file gets a throwaway database on it. */
export const ADMIN_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DbKind = 'pglite' | 'postgres';

export interface TestDatabase {
  db: Db;
  kind: DbKind;
  /** Connection string (postgres only), for code under test that opens its own pool. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database on the machine's server, dropped by `drop()`. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lanyard_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated database of the given kind. */
export async function openTestDatabase(
  kind: DbKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let t: TestDatabase;
  if (kind === 'pglite') {
    const db = await createPgliteDb(undefined);
    t = { db, kind, url: undefined, drop: () => db.close() };
  } else {
    const pgdb = await createPostgresDatabase();
    const db = createPgDb(pgdb.url, { max: 60 });
    t = {
      db,
      kind,
      url: pgdb.url,
      async drop() {
        await db.close();
        await pgdb.drop();
      },
    };
  }
  if (options.migrate !== false) await migrate(t.db);
  return t;
}

/**
 * Runs the same block against both adapters: PGlite in memory and the machine's PostgreSQL.
 * `get()` returns the migrated database of the running block.
 */
export function describeEachDb(name: string, block: (get: () => TestDatabase) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await current?.drop();
      });
      block(() => {
        if (!current) throw new Error('test database not open yet (use it inside a test or hook)');
        return current;
      });
    });
  }
}
