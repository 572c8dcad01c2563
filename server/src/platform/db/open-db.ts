import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Db } from './db.js';
import { createPgDb } from './pg-db.js';
import { createPgliteDb } from './pglite-db.js';

// Connections a server keeps open and warm: a burst of scans at doors opening needs about this
// many at once on two cores. Not the whole pool: test suites run many servers side by side.
const POOL_KEEP = 10;

/** Chooses the adapter from config: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return createPgDb(config.databaseUrl, { max: 20, keep: POOL_KEEP });
  const dir = join(config.dataDir, 'pg');
  await mkdir(dir, { recursive: true });
  return createPgliteDb(dir);
}
