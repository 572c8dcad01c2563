import { Registry } from 'prom-client';
import { pino } from 'pino';
import type { Db } from '../db/db.js';
import { describeEachDb } from '../../test-support/databases.js';
import { enqueue } from './outbox.js';
import { claimDue } from './outbox-store.js';
import {
  DEFAULT_RELAY_POLICY,
  deliverDue,
  startOutboxRelay,
  type RelayPolicy,
} from './outbox-relay.js';
import type { OutboxSubscriber } from './subscriber.js';
import { enqueueCommitted, recorder, sleep, waitFor } from './test-support/outbox-fixtures.js';

const log = pino({ level: 'silent' });
async function rows(db: Db) {
  const { rows } = await db.query<{
    id: string;
    topic: string;
    attempts: number;
    delivered: boolean;
    dead: boolean;
    last_error: string | null;
  }>(
    `SELECT id::text, topic, attempts, delivered_at IS NOT NULL AS delivered,
            dead_at IS NOT NULL AS dead, last_error
     FROM outbox ORDER BY id`,
  );
  return rows;
}

/** The database, counting the relay's finished claim queries (one per pass over the outbox). */
function countingClaims(db: Db) {
  const claims = { done: 0, db };
  claims.db = new Proxy(db, {
    get(target, prop) {
      if (prop === 'query') {
        return async (sql: string, params?: readonly unknown[]) => {
          const result = await target.query(sql, params);
          if (sql.trimStart().startsWith('UPDATE outbox SET available_at')) claims.done++;
          return result;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return claims;
}

// A relay records a delivery after its subscriber returns: wait for the record, not the handling.
const allDelivered = async (db: Db) => (await rows(db)).every((r) => r.delivered);

describeEachDb('outbox relay', (get) => {
  const stops: (() => Promise<void>)[] = [];
  const start = (
    subscribers: OutboxSubscriber[],
    policy: Partial<RelayPolicy> = {},
    registry?: Registry,
  ) => {
    const stop = startOutboxRelay({ db: get().db, log, subscribers, policy, registry });
    stops.push(stop);
    return stop;
  };
  beforeEach(async () => {
    await get().db.query('DELETE FROM outbox');
  });
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });

  it('delivers a committed transaction’s messages once, at once when enqueued in this process', async () => {
    const { db } = get();
    const { subscriber, seen } = recorder();
    const registry = new Registry();
    // Polling once a minute: only the in-process nudge can bring these within the test.
    const claims = countingClaims(db);
    stops.push(
      startOutboxRelay({
        db: claims.db,
        log,
        subscribers: [subscriber],
        policy: { pollMs: 60_000 },
        registry,
      }),
    );
    // After its first (empty) pass the relay polls again in a minute: only a nudge brings these.
    await waitFor('the relay’s first pass', () => claims.done >= 1);
    await enqueueCommitted(db, 'test.created', 3);
    await waitFor('three deliveries', () => seen.length === 3);
    await waitFor('the deliveries recorded', () => allDelivered(db));
    // A pass now finds nothing left to deliver: each message was handed over once.
    await deliverDue(db, { subscribers: [subscriber], policy: DEFAULT_RELAY_POLICY, log });
    expect(seen.map((s) => s.payload)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect((await rows(db)).map((r) => [r.delivered, r.attempts])).toEqual([
      [true, 1],
      [true, 1],
      [true, 1],
    ]);
    expect(await registry.metrics()).toMatch(
      /lanyard_outbox_delivered_total\{topic="test.created"\} 3/,
    );
    expect(await registry.metrics()).toMatch(/lanyard_outbox_lag_seconds 0/);
  });

  it('never delivers the messages of a transaction that rolled back', async () => {
    const { db } = get();
    const { subscriber, seen } = recorder();
    start([subscriber], { pollMs: 20 });
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, { topic: 'test.rolled_back', payload: {} });
        throw new Error('registration failed');
      }),
    ).rejects.toThrow('registration failed');
    await enqueueCommitted(db, 'test.committed', 1);
    await waitFor('the committed message', () => seen.length === 1);
    // The rolled-back message never reached the table, so no later pass can deliver it.
    expect(seen.map((s) => s.topic)).toEqual(['test.committed']);
    expect((await rows(db)).map((r) => r.topic)).toEqual(['test.committed']);
  });

  it('retries a failing subscriber with growing waits, then dead-letters the message with its error', async () => {
    const { db } = get();
    const { subscriber, seen } = recorder(async () => {
      throw new Error('search cluster unreachable');
    });
    const registry = new Registry();
    start(
      [subscriber],
      { pollMs: 20, retryBaseMs: 150, retryCapMs: 300, maxAttempts: 4 },
      registry,
    );
    await enqueueCommitted(db, 'test.flaky', 1);
    await waitFor('the dead letter', async () => (await rows(db))[0]!.dead);
    // A pass after the dead letter hands it to nobody.
    await deliverDue(db, { subscribers: [subscriber], policy: DEFAULT_RELAY_POLICY, log });

    expect(seen).toHaveLength(4);
    const waits = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    // 150, 300, then capped at 300 (a little slack for timer rounding).
    expect(waits[0]).toBeGreaterThanOrEqual(145);
    expect(waits[1]).toBeGreaterThanOrEqual(295);
    expect(waits[2]).toBeGreaterThanOrEqual(295);
    expect(await rows(db)).toEqual([
      expect.objectContaining({
        attempts: 4,
        delivered: false,
        dead: true,
        last_error: 'recorder: search cluster unreachable',
      }),
    ]);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/lanyard_outbox_failed_total\{topic="test.flaky"\} 3/);
    expect(metrics).toMatch(/lanyard_outbox_dead_total\{topic="test.flaky"\} 1/);
  });

  it('delivers a message whose subscriber failed once on its next attempt', async () => {
    const { db } = get();
    let failures = 1;
    const { subscriber, seen } = recorder(async () => {
      if (failures-- > 0) throw new Error('timeout');
    });
    start([subscriber], { pollMs: 20, retryBaseMs: 50 });
    await enqueueCommitted(db, 'test.once', 1);
    await waitFor('the delivery', async () => (await rows(db))[0]!.delivered);
    expect(seen).toHaveLength(2);
    expect(await rows(db)).toEqual([expect.objectContaining({ attempts: 2, dead: false })]);
  });

  it('has two relays on one database deliver each message exactly once between them', async () => {
    const { db } = get();
    const slow = () => sleep(15);
    const a = recorder(slow);
    const b = recorder(slow);
    start([a.subscriber], { pollMs: 10, batchSize: 10 });
    start([b.subscriber], { pollMs: 10, batchSize: 10 });
    for (let i = 0; i < 10; i++) await enqueueCommitted(db, 'test.rush', 20);
    await waitFor('200 deliveries', () => a.seen.length + b.seen.length >= 200, 20_000);
    await waitFor('the deliveries recorded', () => allDelivered(db));

    const ids = [...a.seen, ...b.seen].map((s) => s.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(a.seen.length).toBeGreaterThan(0);
    expect(b.seen.length).toBeGreaterThan(0);
    expect((await rows(db)).every((r) => r.delivered && r.attempts === 1)).toBe(true);
  });

  it('delivers the messages of a relay that died after claiming them once its lease ends', async () => {
    const { db } = get();
    await enqueueCommitted(db, 'test.orphaned', 2);
    const claimedAt = Date.now();
    // A relay claims with a 600 ms lease, then its process dies: nothing records the delivery.
    expect(await claimDue(db, 10, 600)).toHaveLength(2);
    const { subscriber, seen } = recorder();
    start([subscriber], { pollMs: 20 });
    await waitFor('the orphaned messages', () => allDelivered(db));
    expect(seen).toHaveLength(2);
    expect(seen[0]!.at - claimedAt).toBeGreaterThanOrEqual(590);
    expect((await rows(db)).map((r) => [r.delivered, r.attempts])).toEqual([
      [true, 2],
      [true, 2],
    ]);
  });

  it('waits on shutdown for the batch being handled, and records its delivery', async () => {
    const { db } = get();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { subscriber, seen } = recorder(() => gate);
    const stop = start([subscriber], { pollMs: 20 });
    await enqueueCommitted(db, 'test.slow', 1);
    await waitFor('the handler to start', () => seen.length === 1);

    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await sleep(200);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await rows(db))[0]!.delivered).toBe(true);
    // Stopped: a new message stays in the outbox.
    await enqueueCommitted(db, 'test.after_stop', 1);
    await sleep(200);
    expect(seen).toHaveLength(1);
  });
});
