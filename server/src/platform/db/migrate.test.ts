import { describeEachDb, openTestDatabase } from '../../test-support/databases.js';
import { migrate, readMigrations, MigrationHistoryError, type Migration } from './migrate.js';

const fake = (version: number, sql: string): Migration => ({
  version,
  name: `m${version}`,
  sql,
  checksum: `c-${sql}`,
});

describeEachDb('migrate', (get) => {
  it('has applied every migration file, and a second run applies nothing', async () => {
    const files = await readMigrations();
    const { rows } = await get().db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
    expect(await migrate(get().db)).toEqual([]);
  });

  it('has the pg_trgm extension installed for search', async () => {
    const { rows } = await get().db.query<{ s: number }>(
      `SELECT similarity('Lanyard', 'Lanyrad') AS s`,
    );
    expect(rows[0]!.s).toBeGreaterThan(0.2);
  });
});

describe.each(['pglite', 'postgres'] as const)('migration history checks [%s]', (kind) => {
  it('refuses a database with a migration the files do not have (from a newer version)', async () => {
    const t = await openTestDatabase(kind, { migrate: false });
    try {
      await migrate(t.db, [fake(1, 'CREATE TABLE a (x int)'), fake(2, 'CREATE TABLE b (x int)')]);
      await expect(migrate(t.db, [fake(1, 'CREATE TABLE a (x int)')])).rejects.toThrow(
        MigrationHistoryError,
      );
      await expect(migrate(t.db, [fake(1, 'CREATE TABLE a (x int)')])).rejects.toThrow(
        /newer version/,
      );
    } finally {
      await t.drop();
    }
  });

  it('refuses a migration edited after it was applied', async () => {
    const t = await openTestDatabase(kind, { migrate: false });
    try {
      await migrate(t.db, [fake(1, 'CREATE TABLE a (x int)')]);
      await expect(migrate(t.db, [fake(1, 'CREATE TABLE a (y int)')])).rejects.toThrow(
        /changed after it was applied/,
      );
    } finally {
      await t.drop();
    }
  });

  it('applies nothing of a batch whose later migration fails', async () => {
    const t = await openTestDatabase(kind, { migrate: false });
    try {
      await expect(
        migrate(t.db, [fake(1, 'CREATE TABLE a (x int)'), fake(2, 'CREATE TABLE broken (')]),
        // The broken migration's own error (42601 syntax_error), not a refusal before it ran.
      ).rejects.toMatchObject({ code: '42601' });
      const { rows } = await t.db.query(`SELECT to_regclass('a') AS t`);
      expect(rows[0]!.t).toBeNull();
    } finally {
      await t.drop();
    }
  });
});

describe('concurrent start-ups [postgres]', () => {
  it('applies each migration once when two replicas migrate together', async () => {
    const t = await openTestDatabase('postgres', { migrate: false });
    try {
      const results = await Promise.all([migrate(t.db), migrate(t.db)]);
      const files = await readMigrations();
      expect(results.flat().sort((a, b) => a - b)).toEqual(files.map((f) => f.version));
    } finally {
      await t.drop();
    }
  });
});
