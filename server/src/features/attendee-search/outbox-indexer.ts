import type { Db, Queryable } from '../../platform/db/db.js';
import type { DeliveredMessage, OutboxSubscriber } from '../../platform/bus/subscriber.js';
import type { Config } from '../../platform/config.js';
import { attendeeSearchIndex } from './index-choice.js';
import type { SearchIndex } from './search-index.js';
import { attendeeDocuments } from './store.js';

/** Messages after which a ticket's holder, type or status may differ from what the index holds. */
export const TICKET_CHANGING_TOPICS = [
  'registration.*',
  'ticket.*',
  'attendees.imported',
  'order.cancelled',
  'order.expired',
  'order.refunded',
];

// Tickets per index() call, so an event-wide re-read (an import) is sent in bounded requests.
const CHUNK = 500;

/**
 * The indexer, when the server keeps Elasticsearch current (ELASTICSEARCH_URL set); none with
 * the default PostgreSQL adapter, whose index is the tickets table itself.
 */
export function attendeeSearchSubscribers(
  config: Pick<Config, 'elasticsearchUrl'>,
  db: Db,
): OutboxSubscriber[] {
  const { index, external } = attendeeSearchIndex(config, db);
  return external ? [attendeeSearchIndexer(db, index)] : [];
}

/**
 * Keeps an index outside PostgreSQL current: for each ticket-changing message, re-reads the
 * affected tickets as they are now and hands them to index(). Idempotent, and indifferent to the
 * order messages arrive in, since it never applies a message's content, only current rows.
 * Not for the PostgreSQL adapter, whose index is the tickets table itself.
 */
export function attendeeSearchIndexer(db: Queryable, index: SearchIndex): OutboxSubscriber {
  return {
    name: 'attendee-search-index',
    topics: TICKET_CHANGING_TOPICS,
    async handle(messages) {
      const ticketIds = await affectedTickets(db, messages);
      for (let i = 0; i < ticketIds.length; i += CHUNK) {
        await index.index(await attendeeDocuments(db, ticketIds.slice(i, i + CHUNK)));
      }
    },
  };
}

/**
 * The tickets the messages name: their ticket ids when they list them, else their order's
 * tickets; an import names neither, so its event's tickets are all re-read.
 */
export async function affectedTickets(
  db: Queryable,
  messages: readonly DeliveredMessage[],
): Promise<string[]> {
  const tickets = new Set<string>();
  const orders = new Set<string>();
  const events = new Set<string>();
  for (const { topic, eventId, payload } of messages) {
    const named = [...strings(payload.ticketIds), ...strings([payload.ticketId])];
    named.forEach((id) => tickets.add(id));
    if (named.length > 0) continue;
    if (typeof payload.orderId === 'string') orders.add(payload.orderId);
    else if (topic === 'attendees.imported' && eventId) events.add(eventId);
  }
  if (orders.size === 0 && events.size === 0) return [...tickets].sort();
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM tickets WHERE order_id = ANY($1::uuid[])
     UNION
     SELECT id FROM tickets WHERE event_id = ANY($2::uuid[])`,
    [[...orders], [...events]],
  );
  rows.forEach((r) => tickets.add(r.id));
  return [...tickets].sort();
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
