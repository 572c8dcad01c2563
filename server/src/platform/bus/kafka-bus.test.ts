import { decodeMessage, encodeMessage, kafkaTopicOf } from './kafka-bus.js';
import { subscribesTo } from './subscriber.js';

// How outbox messages travel on Kafka, without a broker: topics per aggregate family, the
// aggregate as key (one order's messages on one partition, in order), the outbox row intact.

describe('outbox messages on Kafka', () => {
  it('puts each family on one topic, for exact topics and families alike', () => {
    expect(['order.cancelled', 'order.refunded', 'order.*'].map(kafkaTopicOf)).toEqual([
      'lanyard.order',
      'lanyard.order',
      'lanyard.order',
    ]);
    expect(kafkaTopicOf('ticket.revoked')).not.toBe(kafkaTopicOf('tickets.x'));
  });

  it('keys by aggregate and carries the outbox row and its topic unchanged', () => {
    const m = {
      id: '42',
      topic: 'order.cancelled',
      eventId: 'e1',
      aggregateId: 'o1',
      payload: { orderId: 'o1', reason: 'Eve\r\nBcc: x' },
      attempts: 3,
      createdAt: new Date('2027-05-01T09:00:00.123Z'),
    };
    const wire = encodeMessage(m);
    expect(wire.key).toBe('o1');
    expect(wire.headers).toEqual({ 'lanyard-topic': 'order.cancelled', 'lanyard-outbox-id': '42' });
    expect(decodeMessage(Buffer.from(wire.value), 1)).toEqual({ ...m, attempts: 1 });
    expect(encodeMessage({ ...m, aggregateId: null }).key).toBe('42');
  });

  it('lets the publisher take every topic', () => {
    expect(subscribesTo(['*'], 'anything.at_all')).toBe(true);
    expect(subscribesTo(['order.*'], 'orders.x')).toBe(false);
  });
});
