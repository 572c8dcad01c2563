import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Db } from './db.js';
import { createPgDb } from './pg-db.js';
import { createPgliteDb } from './pglite-db.js';

// Connections a server opens at start, keeps warm and never goes beyond. More did not answer
// sooner on two cores: a pool that grew opened its new connections in the moments PostgreSQL was
// slowest (a WAL flush taking 90 ms), and 20 backends then competed for the cores with the
// server. A request finding every connection busy waits for the next free one.
const POOL_SIZE = 10;

/** Chooses the adapter from config: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl)
    return createPgDb(config.databaseUrl, { max: POOL_SIZE, keep: POOL_SIZE });
  const dir = join(config.dataDir, 'pg');
  await mkdir(dir, { recursive: true });
  return createPgliteDb(dir);
}
