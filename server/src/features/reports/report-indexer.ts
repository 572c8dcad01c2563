import type { Queryable } from '../../platform/db/db.js';
import type { DeliveredMessage, OutboxSubscriber } from '../../platform/bus/subscriber.js';
import { affectedTickets, TICKET_CHANGING_TOPICS } from '../attendee-search/outbox-indexer.js';
import {
  orderDocuments,
  ordersOf,
  refundDocuments,
  ticketDocuments,
  waitlistDocuments,
} from './documents-store.js';
import type { ReportIndex } from './report-documents.js';

/** Messages after which an order, refund, ticket or waitlist entry may differ from its document. */
export const REPORT_CHANGING_TOPICS = [
  ...TICKET_CHANGING_TOPICS,
  'waitlist.*',
  // Written for an external index too (migration 0026): a first admission ends a no-show.
  'checkin.admitted',
];

// Rows per index() call, so an event-wide re-read (an import) goes in bounded requests.
const CHUNK = 500;

/**
 * Keeps report documents in an index outside PostgreSQL current. Like the attendee indexer, it
 * re-reads the rows a message names as they are now (the tickets, their orders and those orders'
 * refunds; an event's waitlist), so redelivery and any arrival order give the same documents.
 */
export function reportIndexer(db: Queryable, index: ReportIndex): OutboxSubscriber {
  return {
    name: 'report-index',
    topics: REPORT_CHANGING_TOPICS,
    async handle(messages) {
      const ticketIds = await affectedTickets(db, messages);
      const orderIds = await ordersOf(db, named(messages, 'orderId'), ticketIds);
      for (let i = 0; i < ticketIds.length; i += CHUNK)
        await index.index({ tickets: await ticketDocuments(db, ticketIds.slice(i, i + CHUNK)) });
      for (let i = 0; i < orderIds.length; i += CHUNK) {
        const chunk = orderIds.slice(i, i + CHUNK);
        await index.index({
          orders: await orderDocuments(db, chunk),
          refunds: await refundDocuments(db, [], chunk),
        });
      }
      const waitlistEvents = [
        ...new Set(
          messages.flatMap((m) =>
            m.topic.startsWith('waitlist.') && m.eventId ? [m.eventId] : [],
          ),
        ),
      ];
      const entries = await waitlistDocuments(db, [], waitlistEvents);
      for (let i = 0; i < entries.length; i += CHUNK)
        await index.index({ waitlist: entries.slice(i, i + CHUNK) });
    },
  };
}

const named = (messages: readonly DeliveredMessage[], key: string): string[] => [
  ...new Set(messages.flatMap((m) => (typeof m.payload[key] === 'string' ? [m.payload[key]] : []))),
];
