import { createHash } from 'node:crypto';
import pg from 'pg';
import { inChildSpan } from '../tracing.js';
import { withRetry, type Db, type Queryable, type QueryResult, type Row } from './db.js';

// int8 (counts, sums) as JS numbers: every bigint we store fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

// Every parameterized statement is a named prepared statement, so each connection parses and
// plans a statement's text once instead of on every call (a registration runs about ten). The
// name is the text's digest; texts are few, since values always travel as parameters.
const names = new Map<string, string>();
const MAX_NAMES = 5_000;

function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `ly_${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
  }
  return name;
}

// The statement's text without its values (they travel as parameters), cut to a readable size.
const traceAttributes = (sql: string) => ({
  'db.system.name': 'postgresql',
  'db.query.text': sql.length > 2000 ? `${sql.slice(0, 2000)}…` : sql,
});

function wrap(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const res = await inChildSpan('pg.query', traceAttributes(sql), () =>
        client.query({ name: statementName(sql), text: sql, values: params as unknown[] }),
      );
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 } satisfies QueryResult<R>;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export interface PgPoolOptions {
  /** The most connections open at once. */
  max?: number;
  /**
   * Connections warmUp opens and the pool never closes for idling. The pool hands out the most
   * recently used connection first, so at a steady rate most connections idle; closing them
   * meant opening new ones in the next burst, when the database is busiest.
   */
  keep?: number;
  /** Settings of each connection's session, as `-c name=value` (PostgreSQL's startup options). */
  options?: string;
}

/** PostgreSQL through a pg Pool (DATABASE_URL). */
export function createPgDb(connectionString: string, options: PgPoolOptions = {}): Db {
  const keep = options.keep ?? 0;
  const pool = new pg.Pool({
    connectionString,
    max: Math.max(options.max ?? 20, keep),
    min: keep,
    ...(options.options ? { options: options.options } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const base = wrap(pool);
  return {
    kind: 'pg',
    query: base.query,
    exec: base.exec,
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withRetry(async () => {
        const client = await pool.connect();
        let broken = false;
        // A connection lost mid-transaction (server restart, terminated backend) emits 'error' on
        // the checked-out client; without a listener that would crash the process. The pending
        // query rejects as well, so the transaction fails and this client is discarded.
        const onError = () => {
          broken = true;
        };
        client.on('error', onError);
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true;
          }
          throw err;
        } finally {
          client.off('error', onError);
          client.release(broken);
        }
      });
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async warmUp(work) {
      // All checked out at once, so each is a distinct connection.
      const opened = await Promise.allSettled(Array.from({ length: keep }, () => pool.connect()));
      const clients = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        const failed = opened.find((o) => o.status === 'rejected');
        if (failed) throw failed.reason;
        await Promise.all(clients.map((c) => work(wrap(c))));
      } finally {
        for (const c of clients) c.release();
      }
    },
    stats() {
      return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
    },
    async close() {
      await pool.end();
    },
  };
}
