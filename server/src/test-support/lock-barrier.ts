import pg from 'pg';

// Lock barriers for race tests on PostgreSQL: a side connection takes a lock the requests under
// test need, waits until each of them is blocked on it (pg_stat_activity says so), and only then
// lets them go. The order the test wants is then the order they run in, every run.

/** A connection of its own to a PostgreSQL database, for holding locks and watching backends. */
export async function sideConnection(databaseUrl: string | undefined): Promise<pg.Client> {
  if (!databaseUrl) throw new Error('a lock barrier needs PostgreSQL (no DATABASE_URL)');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/**
 * Waits until `count` backends of this database are blocked on a lock while running a statement
 * that starts with `statement`; returns their pids.
 */
export async function blockedBackends(
  side: pg.Client,
  statement: string,
  count: number,
  timeoutMs = 10_000,
): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  let pids: number[] = [];
  while (Date.now() < until) {
    // Inside a transaction pg_stat_activity is a snapshot; take a fresh one on every look.
    await side.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await side.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock' AND ltrim(query) LIKE $1 || '%'`,
      [statement],
    );
    pids = rows.map((r) => r.pid);
    if (pids.length >= count) return pids;
    await new Promise((r) => setTimeout(r, 20));
  }
  const { rows } = await side.query<{ query: string }>(
    `SELECT left(query, 60) AS query FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  throw new Error(
    `${pids.length} of ${count} backends blocked on "${statement}" within ${timeoutMs} ms; ` +
      `blocked instead: ${JSON.stringify(rows.map((r) => r.query))}`,
  );
}

/** Waits until one backend is blocked on a lock running `statement`; returns its pid. */
export async function blockedBackend(
  side: pg.Client,
  statement: string,
  timeoutMs = 10_000,
): Promise<number> {
  return (await blockedBackends(side, statement, 1, timeoutMs))[0]!;
}
