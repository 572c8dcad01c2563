import type { Db } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { releaseSeats } from '../registration/capacity.js';
import * as eventStore from '../events/store.js';
import type { Principal } from '../identity/principal.js';
import { actorName, opens, type Accessor } from '../ticketing/access.js';
import { waitlistPosition } from './join.js';
import { expireOffers } from './offer-expiry.js';
import { offerFreedSeats, offerSeatsToQuotaSiblings } from './offers.js';
import type { WaitlistEntry, WaitlistPage, WaitlistQuery } from './schema.js';
import * as store from './store.js';

// Use cases of the waitlist apart from claiming: read one entry, leave, list an event's line.
// An entry the accessor may not open answers "not found", so its existence does not leak.

/** The entry as its holder (or the event's staff) sees it, with its place among those waiting. */
export async function getEntry(
  db: Db,
  accessor: Accessor,
  entryId: string,
  opts: { now?: Date } = {},
): Promise<WaitlistEntry> {
  const now = opts.now ?? new Date();
  let entry = await store.findEntry(db, entryId);
  if (!entry || !opens(accessor, entry)) throw notFound('waitlist entry', entryId);
  if (entry.status === 'offered' && entry.offerExpiresAt! <= now) {
    // Checked on read: a stopped sweeper never shows an offer past its time as still open.
    await expireOffers(db, { ticketTypeId: entry.ticketTypeId, now });
    entry = (await store.findEntry(db, entryId))!;
  }
  const position =
    entry.status === 'waiting'
      ? await waitlistPosition(db, entry.ticketTypeId, entry.queuePosition)
      : null;
  return toView(entry, position);
}

/**
 * Leaves the line. An entry holding an offer gives its seats to the next in line in the same
 * transaction. Leaving twice, or after the offer expired, changes nothing; a claimed offer is an
 * order now and is cancelled as an order.
 */
export async function leaveWaitlist(
  db: Db,
  accessor: Accessor,
  entryId: string,
  opts: { now?: Date } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  const freed = await db.transaction(async (tx) => {
    const entry = await store.findEntry(tx, entryId, true);
    if (!entry || !opens(accessor, entry)) throw notFound('waitlist entry', entryId);
    if (entry.status === 'claimed') {
      throw conflict(
        'offer_already_claimed',
        'This offer has become an order; cancel the order instead.',
        { orderId: entry.claimedOrderId },
      );
    }
    if (entry.status !== 'waiting' && entry.status !== 'offered') return [];
    await store.setStatus(tx, entry.id, 'cancelled');
    await enqueue(tx, {
      topic: 'waitlist.left',
      eventId: entry.eventId,
      aggregateId: entry.id,
      payload: {
        waitlistEntryId: entry.id,
        ticketTypeId: entry.ticketTypeId,
        email: entry.attendeeEmail,
        by: actorName(accessor),
      },
    });
    if (entry.status === 'offered') {
      await releaseSeats(tx, entry.ticketTypeId, entry.quantity, 'held');
      await offerFreedSeats(tx, entry.ticketTypeId, { now });
      return [entry.ticketTypeId];
    }
    return [];
  });
  await offerSeatsToQuotaSiblings(db, freed, { now });
}

/** An event's waitlist for its organizer, in line order, a page at a time. */
export async function listWaitlist(
  db: Db,
  actor: Principal,
  eventId: string,
  query: WaitlistQuery,
): Promise<WaitlistPage> {
  const event = await eventStore.findEvent(db, actor.organizationId, eventId);
  if (!event) throw notFound('event', eventId);
  const rows = await store.listEntries(db, {
    eventId,
    ticketTypeId: query.ticketTypeId,
    status: query.status,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => toView(r, r.waitingPosition)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.queuePosition) : null,
  };
}

function toView(e: store.EntryRow, position: number | null): WaitlistEntry {
  return {
    id: e.id,
    eventId: e.eventId,
    ticketTypeId: e.ticketTypeId,
    status: e.status,
    quantity: e.quantity,
    position,
    offerExpiresAt: e.status === 'offered' ? e.offerExpiresAt!.toISOString() : null,
    orderId: e.claimedOrderId,
    attendee: { name: e.attendeeName, email: e.attendeeEmail },
    createdAt: e.createdAt.toISOString(),
  };
}

const encodeCursor = (queuePosition: number) =>
  Buffer.from(`w.${queuePosition}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^w\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    throw invalid('invalid_cursor', 'cursor is not one this server handed out.', [
      { field: 'query.cursor', message: 'is not valid' },
    ]);
  }
  return Number(match[1]);
}
