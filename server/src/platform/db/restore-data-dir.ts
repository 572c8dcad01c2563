import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export class RestoreError extends Error {
  override name = 'RestoreError';
  constructor(
    readonly code: 'not_a_backup' | 'data_dir_in_use' | 'backup_unreadable',
    message: string,
  ) {
    super(message);
  }
}

export interface RestoredCounts {
  events: number;
  orders: number;
  tickets: number;
  migrations: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Whether `bytes` start like the embedded database's backup (a gzipped tar). */
export const isEmbeddedBackup = (bytes: Uint8Array) => GZIP_MAGIC.every((b, i) => bytes[i] === b);

/**
 * Restores a backup of the embedded database into `<dataDir>/pg` of a stopped server. It is
 * unpacked and opened (PostgreSQL's crash recovery runs) in a directory beside it and renamed
 * into place only then, so an interrupted restore leaves the data dir as it was. An existing
 * database is moved aside to `pg.before-restore-<time>` only when `replace` is set.
 */
export async function restoreDataDir(
  dataDir: string,
  backup: Buffer,
  opts: { replace?: boolean } = {},
): Promise<RestoredCounts & { movedAside?: string }> {
  if (!isEmbeddedBackup(backup))
    throw new RestoreError('not_a_backup', 'the file is not a backup of the embedded database');
  const target = join(dataDir, 'pg');
  const existing = await readdir(target).catch(() => [] as string[]);
  if (existing.length > 0 && !opts.replace)
    throw new RestoreError(
      'data_dir_in_use',
      `${target} already holds a database; stop its server and pass --force to move it aside`,
    );
  const staging = await mkdtemp(join(dataDir, 'pg.restoring-'));
  let counts: RestoredCounts;
  try {
    const db = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([new Uint8Array(backup)]),
      extensions: { pg_trgm },
    });
    try {
      const { rows } = await db.query<RestoredCounts>(
        `SELECT (SELECT count(*) FROM events)::int AS events,
                (SELECT count(*) FROM orders)::int AS orders,
                (SELECT count(*) FROM tickets)::int AS tickets,
                (SELECT count(*) FROM schema_migrations)::int AS migrations`,
      );
      counts = rows[0]!;
    } finally {
      await db.close();
    }
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw new RestoreError(
      'backup_unreadable',
      `the backup cannot be opened: ${(err as Error).message}`,
    );
  }
  let movedAside: string | undefined;
  if (existing.length > 0) {
    movedAside = `${target}.before-restore-${new Date().toISOString().replaceAll(':', '')}`;
    await rename(target, movedAside);
  } else {
    await rm(target, { recursive: true, force: true });
  }
  await rename(staging, target);
  return { ...counts, ...(movedAside && { movedAside }) };
}
