import type { Db } from '../../platform/db/db.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { releaseSeats } from '../registration/capacity.js';
import { offerFreedSeats, offerSeatsToQuotaSiblings } from './offers.js';
import * as store from './store.js';

/**
 * Ends offers nobody claimed in time: the entry becomes `expired`, its held seats go back and are
 * offered to the next in line in the same transaction, so they never reach public sale in between.
 * One transaction per ticket type, locks in the capacity order. Returns how many offers expired.
 */
export async function expireOffers(
  db: Db,
  opts: { ticketTypeId?: string; now?: Date; limit?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  let expired = 0;
  const freed: string[] = [];
  for (const ticketTypeId of await store.typesWithExpiredOffers(db, now, opts.ticketTypeId)) {
    const n = await db.transaction(async (tx) => {
      const ended = await store.expireDueOffers(tx, ticketTypeId, now, opts.limit ?? 500);
      if (ended.length === 0) return 0;
      await releaseSeats(
        tx,
        ticketTypeId,
        ended.reduce((n, e) => n + e.quantity, 0),
        'held',
      );
      await enqueue(
        tx,
        ...ended.map((e) => ({
          topic: 'waitlist.offer_expired',
          eventId: e.eventId,
          aggregateId: e.id,
          payload: { waitlistEntryId: e.id, ticketTypeId, email: e.attendeeEmail },
        })),
      );
      await offerFreedSeats(tx, ticketTypeId, { now });
      return ended.length;
    });
    expired += n;
    if (n > 0) freed.push(ticketTypeId);
  }
  await offerSeatsToQuotaSiblings(db, freed, { now });
  return expired;
}
