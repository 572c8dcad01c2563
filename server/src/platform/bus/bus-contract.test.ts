import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describeEachDb } from '../../test-support/databases.js';
import type { Db } from '../db/db.js';
import { startKafkaBus } from './kafka-bus.js';
import { enqueue } from './outbox.js';
import { startOutboxRelay } from './outbox-relay.js';
import type { OutboxSubscriber } from './subscriber.js';
import { enqueueCommitted, recorder, sleep, waitFor } from './test-support/outbox-fixtures.js';

// What subscribers may rely on, whichever bus carries the messages: the in-process relay always,
// and Kafka when KAFKA_BROKERS names a cluster (none can be installed on these machines).

const log = pino({ level: 'silent' });
const brokers = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim());

/** Starts one replica's bus; replicas of one test share `group`. */
type StartBus = (
  db: Db,
  subscribers: OutboxSubscriber[],
  group: string,
) => Promise<() => Promise<void>>;

const policy = { pollMs: 20, retryBaseMs: 20, retryCapMs: 100 };
const buses: [string, StartBus, string | undefined][] = [
  [
    'in-process relay',
    async (db, subscribers) => startOutboxRelay({ db, log, subscribers, policy }),
    undefined,
  ],
  [
    'Kafka',
    (db, subscribers, group) =>
      startKafkaBus({ db, log, brokers: brokers!, subscribers, policy, clientId: group }),
    brokers ? undefined : 'KAFKA_BROKERS not set',
  ],
];

for (const [name, start, skip] of buses) {
  (skip ? describe.skip : describe)(
    `the notification bus: ${name}${skip ? ` (${skip})` : ''}`,
    () => {
      describeEachDb('contract', (get) => {
        const stops: (() => Promise<void>)[] = [];
        // Each test its own consumer groups, so no test reads another's backlog.
        let group = '';
        const run = async (...subscribers: OutboxSubscriber[]) => {
          stops.push(await start(get().db, subscribers, group));
        };
        beforeEach(async () => {
          group = `lanyard-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
          await get().db.query('DELETE FROM outbox');
        });
        afterEach(async () => {
          await Promise.all(stops.splice(0).map((stop) => stop()));
        });

        it('hands each committed message to each subscriber of its topic once', async () => {
          const tests = recorder();
          const others = recorder(async () => {}, ['other.made'], 'others');
          await run(tests.subscriber, others.subscriber);
          await enqueueCommitted(get().db, 'test.created', 3);
          await enqueueCommitted(get().db, 'other.made', 2);
          await waitFor(
            'every delivery',
            () => tests.seen.length === 3 && others.seen.length === 2,
          );
          await sleep(300); // anything handed over twice would show by now
          expect(tests.seen.map((s) => s.payload)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
          expect(others.seen.map((s) => s.topic)).toEqual(['other.made', 'other.made']);
        });

        it('never hands over the messages of a transaction that rolled back', async () => {
          const tests = recorder();
          await run(tests.subscriber);
          await get()
            .db.transaction(async (tx) => {
              await enqueue(tx, { topic: 'test.lost', payload: {} });
              throw new Error('roll back');
            })
            .catch(() => undefined);
          await enqueueCommitted(get().db, 'test.kept', 1);
          await waitFor('the committed message', () => tests.seen.length === 1);
          await sleep(300);
          expect(tests.seen.map((s) => s.topic)).toEqual(['test.kept']);
        });

        it('hands a message again to a subscriber that failed until it takes it, and the others get it too', async () => {
          let failures = 2;
          const flaky = recorder(async () => {
            if (failures-- > 0) throw new Error('not now');
          });
          const steady = recorder(async () => {}, ['test.*'], 'steady');
          await run(flaky.subscriber, steady.subscriber);
          await enqueueCommitted(get().db, 'test.retried', 1);
          await waitFor('the third attempt', () => flaky.seen.length === 3);
          await sleep(300);
          expect(flaky.seen.map((s) => s.topic)).toEqual(Array(3).fill('test.retried'));
          // At least once: the in-process relay retries the message for every subscriber of it.
          expect(new Set(steady.seen.map((s) => s.topic))).toEqual(new Set(['test.retried']));
        });

        it('keeps one aggregate’s messages in the order they were written', async () => {
          const tests = recorder();
          await run(tests.subscriber);
          const order = randomUUID();
          for (let i = 0; i < 10; i++) await enqueueCommitted(get().db, 'test.step', 1, order);
          await waitFor('ten messages', () => tests.seen.length === 10);
          const ids = tests.seen.map((s) => BigInt(s.id));
          expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        });

        it('has two replicas hand each message to a subscriber once between them', async () => {
          const a = recorder();
          const b = recorder();
          await run(a.subscriber);
          await run(b.subscriber);
          await enqueueCommitted(get().db, 'test.shared', 20);
          await waitFor('twenty messages', () => a.seen.length + b.seen.length === 20);
          await sleep(300);
          const ids = [...a.seen, ...b.seen].map((s) => s.id);
          expect(new Set(ids).size).toBe(20);
        });
      });
    },
  );
}
