import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { SalesStreams } from '../src/features/sales/stream.js';
import {
  createSale,
  register,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import type { Db, Queryable, Row } from '../src/platform/db/db.js';
import { startTestServer, type TestServer } from './harness.js';
import { salesEvents } from './sales-stream-reader.js';

// Organizers watching one event share its figures: one read per tick, whatever the number of
// streams. The streams here run on the test server's database, through a wrapper that counts the
// reads (one transaction each) and can make them fail.

const POLL_MS = 100;

interface Snapshot {
  eventId: string;
  totals: { sold: number; held: number; available: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

function countingDb(db: Db) {
  const reads = { count: 0, failing: false };
  const counted: Db = {
    kind: db.kind,
    query: <R extends Row>(sql: string, params?: readonly unknown[]) => db.query<R>(sql, params),
    exec: (sql) => db.exec(sql),
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      reads.count++;
      return reads.failing ? Promise.reject(new Error('database unreachable')) : db.transaction(fn);
    },
    ping: () => db.ping(),
    stats: () => db.stats(),
    close: () => db.close(),
  };
  return { db: counted, reads };
}

describe.each(['pglite', 'postgres'] as const)('shared sales streams [%s]', (kind) => {
  let t: TestServer;
  let sale: Sale;
  let organizationId: string;
  let reads: { count: number; failing: boolean };
  let streams: SalesStreams;
  let server: Server;
  const warnings: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(kind);
    sale = await createSale(t, 0);
    const { rows } = await t.server.db.query<{ organization_id: string }>(
      'SELECT organization_id FROM events WHERE id = $1',
      [sale.eventId],
    );
    organizationId = rows[0]!.organization_id;
    const counting = countingDb(t.server.db);
    reads = counting.reads;
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    streams = new SalesStreams(counting.db, log, { pollMs: POLL_MS, heartbeatMs: 60_000 });
    // The route's work without its authentication: /{eventId} streams the organization's event.
    server = createServer((req, res) => {
      streams.serve(res, organizationId, req.url!.slice(1)).catch(() => res.writeHead(404).end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // A deadline, not a wait: starting PGlite (WebAssembly) took over 30 s at load 27.
  }, 120_000);
  afterAll(async () => {
    await streams?.stop();
    if (server) await new Promise((r) => server.close(r));
    await t?.stop();
  });

  async function openStream(eventId: string) {
    const abort = new AbortController();
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/${eventId}`, { signal: abort.signal });
    return { res, next: salesEvents<Snapshot>(res), close: () => abort.abort() };
  }

  it('sends the same snapshots to every stream of an event, from one read per tick', async () => {
    const before = reads.count;
    const started = Date.now();
    const a = await openStream(sale.eventId);
    const b = await openStream(sale.eventId);
    try {
      const first = await a.next();
      expect(await b.next()).toEqual(first);

      await register(t, sale, 2);
      const afterSale = await a.next();
      expect(afterSale!.totals.sold).toBe(first!.totals.sold + 2);
      expect(await b.next()).toEqual(afterSale);

      await sleep(10 * POLL_MS);
      // The first stream's opening read, then at most one per tick; two streams reading apart
      // would read twice as often.
      const ticks = Math.ceil((Date.now() - started) / POLL_MS);
      expect(reads.count - before).toBeLessThanOrEqual(ticks + 1);

      // A stream opened mid-way starts from the latest snapshot.
      const c = await openStream(sale.eventId);
      expect(await c.next()).toEqual(afterSale);
      c.close();
    } finally {
      a.close();
      b.close();
    }
  });

  it('stops reading when the last stream of the event closes', async () => {
    const a = await openStream(sale.eventId);
    const b = await openStream(sale.eventId);
    await a.next();
    await b.next();
    // A stream ends on the server when its connection closes there: wait for that, not a time.
    const connections = () =>
      new Promise<number>((resolve, reject) =>
        server.getConnections((err, n) => (err ? reject(err) : resolve(n))),
      );
    a.close();
    await waitFor('the first stream to close', async () => (await connections()) === 1);
    const withOneOpen = reads.count;
    await waitFor('a read for the stream still open', () => reads.count > withOneOpen);

    b.close();
    await waitFor('the last stream to close', async () => (await connections()) === 0);
    const closed = reads.count;
    // Nothing to wait for: a feed still polling would read within one tick; give it five.
    await sleep(5 * POLL_MS);
    expect(reads.count).toBe(closed);
  });

  it('keeps the streams open through failed reads, and catches up once the database answers', async () => {
    const a = await openStream(sale.eventId);
    try {
      const first = await a.next();
      reads.failing = true;
      warnings.length = 0;
      await register(t, sale, 1);
      await waitFor('a failed read to be logged', () =>
        warnings.join('\n').includes('sales figures not read'),
      );
      reads.failing = false;
      expect((await a.next())!.totals.sold).toBe(first!.totals.sold + 1);
    } finally {
      reads.failing = false;
      a.close();
    }
  });

  it('answers 404 for an event the organization does not have', async () => {
    const { res } = await openStream('00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
  });

  it('ends every stream at once when the server stops, and opens no more', async () => {
    const other = await createSale(t, 0);
    const a = await openStream(sale.eventId);
    const b = await openStream(other.eventId);
    await a.next();
    await b.next();
    const started = Date.now();
    await streams.stop();
    expect(await a.next()).toBeNull();
    expect(await b.next()).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await openStream(sale.eventId)).res.status).toBe(503);
  });
});
