import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import type { Logger } from '../log.js';
import { startKafkaBus } from './kafka-bus.js';
import { startOutboxRelay } from './outbox-relay.js';
import type { OutboxSubscriber } from './subscriber.js';

// While Kafka cannot be reached the messages wait in the outbox, and the bus is tried again.
const RETRY_MS = 10_000;

/**
 * The notification bus as configured: the in-process outbox relay, or with KAFKA_BROKERS the
 * relay publishing to Kafka and each subscriber a consumer group. Returns the stop function.
 */
export function startBus(
  deps: { db: Db; log: Logger; registry?: Registry; config: Pick<Config, 'kafkaBrokers'> },
  subscribers: OutboxSubscriber[],
): () => Promise<void> {
  const { db, log, registry } = deps;
  const brokers = deps.config.kafkaBrokers;
  if (!brokers) return startOutboxRelay({ db, log, registry, subscribers });

  let stopped = false;
  let stop: (() => Promise<void>) | undefined;
  let retry: NodeJS.Timeout | undefined;
  const start = () => {
    startKafkaBus({ db, log, registry, brokers, subscribers })
      .then((s) => {
        stop = s;
        log.info({ brokers }, 'outbox messages go through Kafka');
        if (stopped) void s();
      })
      .catch((err: unknown) => {
        log.error({ err, brokers }, 'Kafka unreachable: outbox messages wait; trying again');
        if (!stopped) retry = setTimeout(start, RETRY_MS).unref();
      });
  };
  start();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await stop?.();
  };
}
