import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Db } from '../platform/db/db.js';
import { createPgDb } from '../platform/db/pg-db.js';
import { createPgliteDb } from '../platform/db/pglite-db.js';
import { migrate, readMigrations } from '../platform/db/migrate.js';

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

/**
 * A fresh PostgreSQL database on the machine's server, dropped by `drop()`: empty, or with every
 * migration applied when `migrated` (copied from a template database, which is faster than
 * running the migrations again for each test file).
 */
export async function createPostgresDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lanyard_t_${randomBytes(6).toString('hex')}`;
  const template = options.migrated ? ` TEMPLATE ${await postgresTemplate()}` : '';
  await adminQuery(`CREATE DATABASE ${name}${template}`);
  return {
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A short digest of the migrations (and `extra`), naming the template built from them. */
async function migrationsDigest(extra = ''): Promise<string> {
  const migrations = await readMigrations();
  return createHash('sha256')
    .update(extra)
    .update(migrations.map((m) => m.checksum).join(','))
    .digest('hex')
    .slice(0, 16);
}

let postgresTemplateName: Promise<string> | undefined;

/**
 * A migrated template database, built once per set of migrations on the machine's server and
 * shared by every test process. Builders race without a lock: each migrates its own copy and the
 * first rename wins. Nothing ever connects to the template after it is built, which CREATE
 * DATABASE ... TEMPLATE requires.
 */
function postgresTemplate(): Promise<string> {
  postgresTemplateName ??= (async () => {
    const name = `lanyard_template_${await migrationsDigest()}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 1) return name;
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const db = createPgDb(databaseUrl(building), { max: 1 });
      try {
        await migrate(db).finally(() => db.close());
      } catch (error) {
        // A half-migrated copy must not pile up on the machine's server, run after run.
        await admin.query(`DROP DATABASE ${building} WITH (FORCE)`);
        throw error;
      }
      await admin
        .query(`ALTER DATABASE ${building} RENAME TO ${name}`)
        .catch(() => admin.query(`DROP DATABASE ${building} WITH (FORCE)`));
      return name;
    } finally {
      await admin.end();
    }
  })();
  return postgresTemplateName;
}

/** PGlite's package.json (not in its exports map), found above its entry point. */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
    .version;
}
const templates = new Map<'empty' | 'migrated', Promise<string>>();

/**
 * A PGlite data directory, empty or with every migration applied, built once per set of
 * migrations and PGlite version and shared by every test process: creating a PGlite cluster
 * costs seconds, copying one milliseconds. Builders race without a lock: each builds its own copy
 * and the first rename wins.
 */
function pgliteTemplate(kind: 'empty' | 'migrated'): Promise<string> {
  let template = templates.get(kind);
  if (!template) {
    template = (async () => {
      const name =
        kind === 'empty' ? `empty-${pgliteVersion()}` : await migrationsDigest(pgliteVersion());
      const path = join(tmpdir(), `lanyard-pglite-${name}`);
      if (existsSync(join(path, 'PG_VERSION'))) return path;
      const building = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
      const db = await createPgliteDb(building);
      try {
        await (kind === 'migrated' ? migrate(db) : Promise.resolve()).finally(() => db.close());
      } catch (error) {
        await rm(building, { recursive: true, force: true });
        throw error;
      }
      await rename(building, path).catch(() => rm(building, { recursive: true, force: true }));
      return path;
    })();
    templates.set(kind, template);
  }
  return template;
}

/** Fills `dir` (which must not exist yet) with a PGlite database from a template. */
async function copyPgliteTemplate(kind: 'empty' | 'migrated', dir: string): Promise<void> {
  // The system's cp: ~0.08 s for the template's ~1,300 files, where fs.cp took ~0.5 s.
  await promisify(execFile)('cp', ['-R', await pgliteTemplate(kind), dir]);
}

/** Fills `dir` (which must not exist yet) with a migrated PGlite database. */
export const copyMigratedPglite = (dir: string) => copyPgliteTemplate('migrated', dir);

/** A migrated database of the given kind. */
export async function openTestDatabase(
  kind: DbKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let t: TestDatabase;
  if (kind === 'pglite') {
    // A copy of an empty cluster when unmigrated: creating one (in memory too) takes seconds.
    const home = await mkdtemp(join(tmpdir(), 'lanyard-pglite-test-'));
    await copyPgliteTemplate(options.migrate === false ? 'empty' : 'migrated', join(home, 'pg'));
    const db = await createPgliteDb(join(home, 'pg'));
    const drop = async () => {
      await db.close();
      await rm(home, { recursive: true, force: true });
    };
    t = { db, kind, url: undefined, drop };
  } else {
    const pgdb = await createPostgresDatabase({ migrated: options.migrate !== false });
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
