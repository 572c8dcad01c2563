import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Db } from './db.js';
import { createPgDb } from './pg-db.js';
import { createPgliteDb } from './pglite-db.js';

/** Chooses the adapter from config: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export async function openDb(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>,
): Promise<Db> {
  // The pool opens its connections at start, keeps them warm and never goes beyond. A pool that
  // grew on two cores opened its new connections in the moments PostgreSQL was slowest (a WAL
  // flush taking 90 ms), and 20 backends then competed for the cores with the server; 10 (the
  // default) answered sooner. A request finding every connection busy waits for the next one.
  const size = config.databasePoolSize;
  if (config.databaseUrl) return createPgDb(config.databaseUrl, { max: size, keep: size });
  const dir = join(config.dataDir, 'pg');
  await mkdir(dir, { recursive: true });
  return createPgliteDb(dir);
}
