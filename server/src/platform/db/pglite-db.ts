import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { withRetry, type Db, type Queryable, type QueryResult, type Row } from './db.js';

// Same value shapes as the pg adapter: int8 as number.
const parsers = { [types.INT8]: (v: string) => Number(v) };

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const res = await target.query<R>(sql, params as unknown[], { parsers });
      return {
        rows: res.rows,
        rowCount: res.affectedRows ?? res.rows.length,
      } satisfies QueryResult<R>;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, compiled to WASM) in `dataDir`, or in memory when dataDir is
 * undefined. It runs one query at a time, so it suits one server process, not replicas.
 */
export async function createPgliteDb(dataDir: string | undefined): Promise<Db> {
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const base = wrap(pglite);
  // PGlite runs one transaction at a time; the rest queue inside it.
  let inFlight = 0;
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withRetry(async () => {
        inFlight++;
        try {
          return await pglite.transaction((tx) => fn(wrap(tx)));
        } finally {
          inFlight--;
        }
      });
    },
    async ping() {
      await pglite.query('SELECT 1');
    },
    async dumpDataDir() {
      // The checkpoint only shortens the recovery a restored copy goes through; what makes the
      // copy consistent is that no transaction is open and no statement runs while the files
      // are read (query and exec hold the transaction lock too, so neither runs inside it).
      await pglite.exec('CHECKPOINT');
      return pglite._runExclusiveTransaction(() =>
        pglite._runExclusiveQuery(() => pglite.dumpDataDir('gzip')),
      );
    },
    stats() {
      return { total: 1, idle: inFlight === 0 ? 1 : 0, waiting: Math.max(inFlight - 1, 0) };
    },
    async close() {
      await pglite.close();
    },
  };
}
