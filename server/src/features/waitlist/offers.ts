import type { Db, Queryable } from '../../platform/db/db.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { availableSeats, takeSeats } from '../registration/capacity.js';
import { pickOffers } from './offer-plan.js';
import * as store from './store.js';

export type { Offer } from './store.js';

/**
 * Offers a ticket type's free seats to the next entries in line, inside the caller's transaction:
 * each offered entry's seats are taken as `held` (so no public buyer can take them), the entry is
 * `offered` until now + the event's `waitlist_offer_minutes`, and a `waitlist.offered` message is
 * written to the outbox. Call it after anything that frees seats (an expired hold or offer, a
 * cancelled order, a refund) with the seats already released in the same transaction.
 *
 * Locks the ticket type's capacity first (quotas by id, then the ticket type, as every writer
 * does), so offers for one ticket type are made one transaction at a time.
 */
export async function offerFreedSeats(
  tx: Queryable,
  ticketTypeId: string,
  opts: { now?: Date } = {},
): Promise<store.Offer[]> {
  const now = opts.now ?? new Date();
  // Taking zero seats takes the capacity row locks in the one fixed order, and always succeeds.
  if (!(await takeSeats(tx, ticketTypeId, 0, 'held'))) return [];
  // Exact under those locks: nobody else can change these counts until we commit.
  const free = (await availableSeats(tx, [ticketTypeId])).get(ticketTypeId) ?? 0;
  if (free <= 0) return [];
  const picked = await pickFromLine(tx, ticketTypeId, free, now);
  if (picked.length === 0) return [];

  const seats = picked.reduce((n, e) => n + e.quantity, 0);
  // The counts were read under our locks, so this cannot fail; if it ever did, the savepoint
  // undoes a partial take without failing the caller's transaction.
  await tx.query('SAVEPOINT waitlist_offer');
  if (!(await takeSeats(tx, ticketTypeId, seats, 'held'))) {
    await tx.query('ROLLBACK TO SAVEPOINT waitlist_offer');
    return [];
  }
  await tx.query('RELEASE SAVEPOINT waitlist_offer');

  const offers = await store.markOffered(
    tx,
    picked.map((e) => e.id),
    now,
  );
  await enqueue(
    tx,
    ...offers.map((o) => ({
      topic: 'waitlist.offered',
      eventId: o.eventId,
      aggregateId: o.id,
      payload: {
        waitlistEntryId: o.id,
        ticketTypeId: o.ticketTypeId,
        name: o.attendeeName,
        email: o.attendeeEmail,
        quantity: o.quantity,
        offerExpiresAt: o.offerExpiresAt.toISOString(),
      },
    })),
  );
  return offers;
}

/**
 * Reads the line in batches of entries that could still fit, until the seats are spoken for or
 * the line ends. The first entry of each batch always fits, so each batch takes at least a seat.
 */
async function pickFromLine(
  tx: Queryable,
  ticketTypeId: string,
  free: number,
  now: Date,
): Promise<store.Candidate[]> {
  const picked: store.Candidate[] = [];
  let left = free;
  let after = 0;
  while (left > 0) {
    const batch = await store.waitingCandidates(tx, ticketTypeId, left, after, now);
    if (batch.length === 0) break;
    const chosen = pickOffers(left, batch);
    picked.push(...chosen);
    left -= chosen.reduce((n, e) => n + e.quantity, 0);
    after = batch.at(-1)!.queuePosition;
  }
  return picked;
}

/**
 * After a ticket type's quantity or a quota's size was raised: offers the new seats to the
 * waitlist, one transaction per ticket type. Call it after the change has committed (inside it,
 * the ticket type's row lock would come before its quotas', against the lock order).
 */
export async function offerSeatsAfterCapacityChange(
  db: Db,
  ticketTypeIds: readonly string[],
  opts: { now?: Date } = {},
): Promise<store.Offer[]> {
  const offers: store.Offer[] = [];
  for (const ticketTypeId of [...new Set(ticketTypeIds)].sort()) {
    offers.push(...(await db.transaction((tx) => offerFreedSeats(tx, ticketTypeId, opts))));
  }
  return offers;
}

/**
 * Seats freed for some ticket types are also free in the quotas they share with others: offers
 * them to those other types' waitlists. In transactions of their own, after the freeing one has
 * committed (taking another type's quotas inside it could break the lock order).
 */
export async function offerSeatsToQuotaSiblings(
  db: Db,
  freedTicketTypeIds: readonly string[],
  opts: { now?: Date } = {},
): Promise<store.Offer[]> {
  if (freedTicketTypeIds.length === 0) return [];
  const siblings = await store.quotaSiblingsWithWaiting(db, freedTicketTypeIds);
  return offerSeatsAfterCapacityChange(db, siblings, opts);
}

/**
 * Catch-up for the sweeper: any ticket type with people waiting and seats free (a change that did
 * not call the functions above, or a crash between a change and its offers) gets its offers now.
 */
export async function offerWaitingSeats(db: Db, opts: { now?: Date } = {}): Promise<number> {
  const types = await store.typesWithWaitingEntries(db);
  if (types.length === 0) return 0;
  const free = await availableSeats(db, types);
  const due = types.filter((id) => (free.get(id) ?? 0) > 0);
  return (await offerSeatsAfterCapacityChange(db, due, opts)).length;
}
