/** The Db port: what features need from a SQL database. Adapters: pg Pool, PGlite. */
export type Row = Record<string, unknown>;

export interface QueryResult<R extends Row = Row> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  /** One parameterized statement ($1, $2, ...). */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite';
  /**
   * Runs fn in one transaction: commits when it resolves, rolls back when it throws.
   * Serialization failures and deadlocks are retried a few times before surfacing.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /**
   * Opens the connections a pool keeps for load and runs `work` on each. A new connection costs
   * a backend start, cold catalog caches and a parse and plan of each statement it meets, which
   * would otherwise land on requests of the first burst (or of a later one, on connections the
   * pool opens then). Adapters without a pool have nothing to warm.
   */
  warmUp?(work: (q: Queryable) => Promise<void>): Promise<void>;
  stats(): PoolStats;
  /**
   * The embedded database's whole data directory as a gzipped tarball, taken while no query
   * runs, so it is what a crash at that moment would have left: PostgreSQL recovers it on
   * start. Only the embedded adapter has one; PostgreSQL is backed up with pg_dump.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;

/** Retries a transaction body on serialization failure or deadlock, with a short jittered wait. */
export async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (n >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE_SQLSTATES.has(code))
        throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * n));
    }
  }
}
