import type { Db } from '../../platform/db/db.js';
import type { DeliveredMessage, OutboxSubscriber } from '../../platform/bus/subscriber.js';
import { eventType, SOURCE_TOPICS, typesOfTopic, wants } from './catalog.js';
import * as store from './fanout-store.js';
import { newMessageId } from './message-id.js';
import { payloadOf } from './payload.js';

/**
 * The outbox subscriber of webhooks: turns each outbox message into one webhook message per
 * enabled endpoint that wants its type, with the body fixed now (so every retry and replay
 * sends the same bytes). Idempotent: a redelivered outbox message adds nothing (unique on
 * outbox id, endpoint and type). Sending is the dispatcher's job, so a slow receiver never
 * holds up the outbox.
 */
export function webhookFanout(db: Db, onAdded: () => void): OutboxSubscriber {
  return {
    name: 'webhooks',
    topics: SOURCE_TOPICS,
    async handle(messages) {
      const eventIds = [...new Set(messages.map((m) => m.eventId).filter((e) => e !== null))];
      const listeners = await store.listenersOf(db, eventIds);
      if (listeners.length === 0) return;
      const wanted = messages.flatMap((m) =>
        typesOfTopic(m.topic, m.payload).map((type) => ({
          m,
          type,
          to: listeners.filter((l) => l.eventId === m.eventId && wants(l.eventTypes, type)),
        })),
      );
      const needed = wanted.filter((w) => w.to.length > 0);
      if (needed.length === 0) return;
      const objectIds = (kind: 'order' | 'ticket') => [
        ...new Set(
          needed
            .filter((w) => eventType(w.type)?.object === kind)
            .map((w) => String(w.m.payload[`${kind}Id`])),
        ),
      ];
      const [orders, tickets] = await Promise.all([
        store.orderStates(db, objectIds('order')),
        store.ticketStates(db, objectIds('ticket')),
      ]);
      const rows = needed.flatMap(({ m, type, to }) => {
        const body = JSON.stringify(payloadOf(type, m.createdAt, facts(m, orders, tickets)));
        return to.map((l) => ({
          id: newMessageId(),
          endpointId: l.endpointId,
          outboxId: m.id,
          eventType: type,
          body,
        }));
      });
      await store.insertMessages(db, rows);
      onAdded();
    },
  };
}

function facts(
  m: DeliveredMessage,
  orders: Map<string, unknown>,
  tickets: Map<string, unknown>,
): Record<string, unknown> {
  const { payload } = m;
  const ticket = tickets.get(String(payload.ticketId)) as { orderId: string } | undefined;
  return {
    ...payload,
    // A check-in names its ticket only; the ticket names its order.
    orderId: payload.orderId ?? ticket?.orderId,
    eventId: m.eventId,
    // For one object, outbox ids grow with its changes: its writers lock its row, then enqueue.
    version: Number(m.id),
    order: orders.get(String(payload.orderId)),
    ticket,
  };
}
