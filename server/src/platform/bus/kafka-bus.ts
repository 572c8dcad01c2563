import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { Db } from '../db/db.js';
import type { Logger } from '../log.js';
import { retryDelayMs } from './backoff.js';
import { DEFAULT_RELAY_POLICY, startOutboxRelay, type RelayPolicy } from './outbox-relay.js';
import { subscribesTo, type DeliveredMessage, type OutboxSubscriber } from './subscriber.js';

// Kafka as the scale-out bus (KAFKA_BROKERS set). The outbox stays the source of truth: the
// relay's only subscriber publishes each committed message to Kafka, and each in-process
// subscriber becomes a consumer group of its own, so any replica may handle any message and a
// slow subscriber (mail) never holds up another (search). Kafka topics are per aggregate family
// (`lanyard.order` carries order.cancelled and order.refunded), keyed by the aggregate, so one
// order's messages stay in order on one partition; the outbox topic travels in a header and each
// subscriber takes the ones it asked for.

const PREFIX = 'lanyard.';

/** The Kafka topic of an outbox topic, or of a subscriber's pattern: `ticket.*` → `lanyard.ticket`. */
export const kafkaTopicOf = (topic: string): string => `${PREFIX}${topic.split('.')[0]}`;

export interface KafkaBusOptions {
  db: Db;
  log: Logger;
  brokers: readonly string[];
  subscribers: readonly OutboxSubscriber[];
  policy?: Partial<RelayPolicy>;
  registry?: Registry;
  /** Client id and consumer group prefix; replicas of one deployment share it. */
  clientId?: string;
}

/** A message as it travels on Kafka: the outbox row, as subscribers receive it. */
export function encodeMessage(m: DeliveredMessage): {
  key: string;
  value: string;
  headers: Record<string, string>;
} {
  return {
    key: m.aggregateId ?? m.id,
    value: JSON.stringify({
      id: m.id,
      topic: m.topic,
      eventId: m.eventId,
      aggregateId: m.aggregateId,
      payload: m.payload,
      createdAt: m.createdAt.toISOString(),
    }),
    headers: { 'lanyard-topic': m.topic, 'lanyard-outbox-id': m.id },
  };
}

export function decodeMessage(value: Buffer | null, attempts: number): DeliveredMessage {
  const v = JSON.parse(value?.toString('utf8') ?? '{}') as Omit<
    DeliveredMessage,
    'createdAt' | 'attempts'
  > & { createdAt: string };
  return { ...v, createdAt: new Date(v.createdAt), attempts };
}

/**
 * Starts the bus: the outbox relay publishing to Kafka, and one consumer group per subscriber.
 * Returns the stop function (consumers leave their groups, the producer disconnects).
 */
export async function startKafkaBus(o: KafkaBusOptions): Promise<() => Promise<void>> {
  const { Kafka: KafkaClient, logLevel } = await import('kafkajs');
  const clientId = o.clientId ?? 'lanyard';
  const kafka = new KafkaClient({ clientId, brokers: [...o.brokers], logLevel: logLevel.WARN });
  const policy = { ...DEFAULT_RELAY_POLICY, ...o.policy };
  const topics = new Set(o.subscribers.flatMap((s) => s.topics.map(kafkaTopicOf)));
  await ensureTopics(kafka, topics);

  // Idempotent: a retried send after a lost acknowledgement is written once per partition.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumers: Consumer[] = [];
  try {
    await producer.connect();
    for (const s of o.subscribers)
      consumers.push(await startConsumer(kafka, `${clientId}.${s.name}`, s, policy, o.log));
  } catch (err) {
    // Nothing half-started stays connected; the caller tries again later.
    await Promise.allSettled([producer.disconnect(), ...consumers.map((c) => c.disconnect())]);
    throw err;
  }
  const stopRelay = startOutboxRelay({
    db: o.db,
    log: o.log,
    registry: o.registry,
    policy: o.policy,
    subscribers: [kafkaPublisher(producer, kafka, topics)],
  });
  return async () => {
    await stopRelay();
    await Promise.all(consumers.map((c) => c.disconnect()));
    await producer.disconnect();
  };
}

async function ensureTopics(kafka: Kafka, topics: Iterable<string>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [...topics].map((topic) => ({ topic, numPartitions: 6 })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** The relay's one subscriber: every message to its family's Kafka topic. */
function kafkaPublisher(producer: Producer, kafka: Kafka, known: Set<string>): OutboxSubscriber {
  return {
    name: 'kafka',
    topics: ['*'],
    async handle(messages) {
      const byTopic = new Map<string, DeliveredMessage[]>();
      for (const m of messages) {
        const topic = kafkaTopicOf(m.topic);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), m]);
      }
      // A family no subscriber of this process named may still have consumers elsewhere.
      const fresh = [...byTopic.keys()].filter((t) => !known.has(t));
      if (fresh.length) {
        await ensureTopics(kafka, fresh);
        for (const t of fresh) known.add(t);
      }
      // Throwing leaves the messages in the outbox for the relay's retry: nothing is lost.
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, ms]) => ({
          topic,
          messages: ms.map(encodeMessage),
        })),
      });
    },
  };
}

/**
 * One subscriber as a consumer group. A batch is handed over as the in-process relay would; a
 * failure is retried with the relay's backoff, and after the last attempt the messages are
 * logged as dead and passed over, so one poisoned message does not stop its partition.
 */
async function startConsumer(
  kafka: Kafka,
  groupId: string,
  s: OutboxSubscriber,
  policy: RelayPolicy,
  log: Logger,
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [...new Set(s.topics.map(kafkaTopicOf))] });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: (b) => consumeBatch(b, s, policy, log),
  });
  return consumer;
}

async function consumeBatch(
  { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  s: OutboxSubscriber,
  policy: RelayPolicy,
  log: Logger,
): Promise<void> {
  const wanted = batch.messages.filter((m) =>
    subscribesTo(s.topics, m.headers?.['lanyard-topic']?.toString() ?? ''),
  );
  for (let attempt = 1; wanted.length && isRunning() && !isStale(); attempt++) {
    try {
      await s.handle(wanted.map((m) => decodeMessage(m.value, attempt)));
      break;
    } catch (err) {
      const dead = attempt >= policy.maxAttempts;
      log[dead ? 'error' : 'warn'](
        { err, subscriber: s.name, topic: batch.topic, partition: batch.partition, attempt },
        dead ? 'kafka messages dead-lettered after the last attempt' : 'kafka delivery failed',
      );
      if (dead) break;
      await new Promise((r) =>
        setTimeout(r, retryDelayMs(attempt, policy.retryBaseMs, policy.retryCapMs)),
      );
      await heartbeat();
    }
  }
  if (!isRunning() || isStale()) return;
  for (const m of batch.messages) resolveOffset(m.offset);
  await heartbeat();
}
