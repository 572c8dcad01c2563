import type { Queryable } from '../../platform/db/db.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { conflict } from '../../platform/errors.js';
import { convertSoldToHeld, releaseSeats } from '../registration/capacity.js';
import { returnPromoUses, returnReservedSeats } from '../registration/store.js';
import { issueCreditNote } from '../invoices/issue.js';
import { recordHistory } from '../ticketing/issue-tickets.js';
import { offerFreedSeats } from '../waitlist/offers.js';
import * as store from './store.js';

/**
 * Cancels an order whose row the caller has locked, in the caller's transaction: its tickets are
 * cancelled (with history), its promo code use and seats go back (sold or held, by the order's
 * state), the seats are offered to the waitlist before anyone else can buy them, and
 * `order.cancelled` goes to the outbox.
 * Row lock first, capacity after, as every writer of capacity does.
 */
export async function cancelLockedOrder(
  tx: Queryable,
  order: store.OrderRecord,
  actor: string,
  reason: string | undefined,
): Promise<void> {
  if (order.status !== 'pending_payment' && order.status !== 'confirmed') {
    throw conflict(
      `order_${order.status}`,
      `This order is ${order.status} and cannot be cancelled.`,
    );
  }
  const ticketIds = await store.moveTickets(
    tx,
    order.id,
    ['pending', 'valid', 'revoked'],
    'cancelled',
  );
  await recordHistory(tx, ticketIds, 'cancelled', actor, {
    reason: 'order_cancelled',
    ...(reason ? { note: reason } : {}),
  });
  await store.setStatus(tx, order.id, 'cancelled');
  const creditNoteId = await issueCreditNote(tx, order);
  await returnPromoUses(tx, [order.id]);
  // Seats from an access code's reserve go back to it, held; the rest to the public.
  const kept = await returnReservedSeats(tx, [order.id]);
  const state = order.status === 'confirmed' ? 'sold' : 'held';
  if (kept > 0 && state === 'sold') await convertSoldToHeld(tx, order.ticketTypeId, kept);
  await releaseSeats(tx, order.ticketTypeId, order.quantity - kept, state);
  await enqueue(tx, {
    topic: 'order.cancelled',
    eventId: order.eventId,
    aggregateId: order.id,
    payload: {
      orderId: order.id,
      ticketTypeId: order.ticketTypeId,
      email: order.attendee.email,
      name: order.attendee.name,
      ticketIds,
      previousStatus: order.status,
      reason: reason ?? null,
      creditNoteId: creditNoteId ?? null,
    },
  });
  await offerFreedSeats(tx, order.ticketTypeId);
}
