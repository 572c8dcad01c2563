import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { availableSeats } from '../registration/capacity.js';
import { saleState } from './sale-state.js';
import type { PublicEvent } from './schema.js';
import * as store from './store.js';

/**
 * The event as the public portal shows it: ticket types with price, seats left (quotas included)
 * and whether they sell now; the questions registration asks. Archived events are not found.
 */
export async function getPublicEvent(
  db: Db,
  eventId: string,
  now = new Date(),
): Promise<PublicEvent> {
  return db.transaction(async (tx) => {
    const event = await store.findOpenEvent(tx, eventId);
    if (!event) throw notFound('event', eventId);
    const types = await store.listOpenTicketTypes(tx, eventId);
    const seats = types.length
      ? await availableSeats(
          tx,
          types.map((t) => t.id),
        )
      : new Map();
    const questions = await store.listOpenQuestions(tx, eventId);
    return {
      id: event.id,
      name: event.name,
      description: event.description,
      venue: event.venue,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timezone: event.timezone,
      ticketTypes: types.map((t) => {
        const available = seats.get(t.id) ?? 0;
        const state = saleState({ ...t, available, eventEndsAt: event.endsAt }, now);
        return {
          id: t.id,
          name: t.name,
          description: t.description,
          priceCents: t.priceCents,
          currency: t.currency,
          maxPerOrder: t.maxPerOrder,
          available,
          saleState: state,
          waitlist: state === 'sold_out',
          salesStart: t.salesStart?.toISOString() ?? null,
          salesEnd: t.salesEnd?.toISOString() ?? null,
        };
      }),
      questions,
    };
  });
}
