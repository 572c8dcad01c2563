import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationHistoryError extends Error {
  override name = 'MigrationHistoryError';
}

const MIGRATIONS_DIR = new URL('../../db/migrations/', import.meta.url);
// Any constant shared by every replica: pg_advisory_xact_lock serializes their start-ups.
const MIGRATION_LOCK_KEY = 4_242_001;

/** Reads `NNNN_name.sql` files in version order. */
export async function readMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([\w-]+)\.sql$/.exec(file);
    if (!match) throw new MigrationHistoryError(`migration file name ${file} is not NNNN_name.sql`);
    const sql = await readFile(new URL(file, dir), 'utf8');
    migrations.push({
      version: Number(match[1]),
      name: match[2]!,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new MigrationHistoryError(`migration ${m.version} is out of sequence`);
  });
  return migrations;
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so replicas starting
 * together apply each migration once. Refuses a database whose history does not match the
 * files: an edited migration, or one from a newer Lanyard.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const files = migrations ?? (await readMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows: applied } = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    for (const row of applied) {
      const file = files.find((m) => m.version === row.version);
      if (!file) {
        throw new MigrationHistoryError(
          `the database has migration ${row.version} (${row.name}), which this version of Lanyard does not know; it was written by a newer version`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationHistoryError(
          `migration ${row.version} (${row.name}) was changed after it was applied to this database`,
        );
      }
    }
    const done = new Set(applied.map((r) => r.version));
    const newlyApplied: number[] = [];
    for (const m of files) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, m.checksum],
      );
      newlyApplied.push(m.version);
    }
    return newlyApplied;
  });
}
