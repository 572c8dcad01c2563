import type { Db } from '../../platform/db/db.js';
import { enqueue } from '../../platform/bus/outbox.js';
import { recordHistory } from '../ticketing/issue-tickets.js';
import { expireOffers } from '../waitlist/offer-expiry.js';
import { offerFreedSeats, offerSeatsToQuotaSiblings } from '../waitlist/offers.js';
import { releaseSeats } from './capacity.js';
import { returnPromoUses, returnReservedSeats } from './store.js';

/**
 * Ends holds that ran out. An unpaid order becomes `expired`, its tickets `cancelled`, and its
 * seats go back, offered first to the waitlist in the same transaction; then waitlist offers past
 * their time pass to the next in line. One transaction per ticket type, so the capacity locks are
 * always taken in the same order as a sale takes them. Returns how many orders and offers expired.
 */
export async function releaseExpiredHolds(
  db: Db,
  opts: { ticketTypeId?: string; now?: Date; limit?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const { rows: types } = await db.query<{ ticket_type_id: string }>(
    `SELECT DISTINCT ticket_type_id FROM orders
     WHERE status = 'pending_payment' AND hold_expires_at <= $1 AND ($2::uuid IS NULL OR ticket_type_id = $2)`,
    [now, opts.ticketTypeId ?? null],
  );
  let expired = 0;
  const freed: string[] = [];
  for (const { ticket_type_id: ticketTypeId } of types) {
    const n = await db.transaction(async (tx) => {
      // SKIP LOCKED: an order being paid right now, or taken by another sweeper, is left alone.
      const { rows: orders } = await tx.query<{ id: string; event_id: string; quantity: number }>(
        `UPDATE orders o SET status = 'expired', updated_at = now()
         FROM (SELECT id FROM orders
               WHERE ticket_type_id = $1 AND status = 'pending_payment' AND hold_expires_at <= $2
               ORDER BY hold_expires_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
         WHERE o.id = due.id
         RETURNING o.id, o.event_id, o.quantity`,
        [ticketTypeId, now, opts.limit ?? 500],
      );
      if (orders.length === 0) return 0;
      const { rows: tickets } = await tx.query<{ id: string }>(
        `UPDATE tickets SET status = 'cancelled', updated_at = now()
         WHERE order_id = ANY($1::uuid[]) AND status = 'pending' RETURNING id`,
        [orders.map((o) => o.id)],
      );
      await recordHistory(
        tx,
        tickets.map((t) => t.id),
        'cancelled',
        'system',
        { reason: 'hold_expired' },
      );
      const orderIds = orders.map((o) => o.id);
      await returnPromoUses(tx, orderIds);
      // Seats from an access code's reserve stay held for it; the rest go back.
      const kept = await returnReservedSeats(tx, orderIds);
      await releaseSeats(
        tx,
        ticketTypeId,
        orders.reduce((n, o) => n + o.quantity, 0) - kept,
        'held',
      );
      await enqueue(
        tx,
        ...orders.map((o) => ({
          topic: 'order.expired',
          eventId: o.event_id,
          aggregateId: o.id,
          payload: { orderId: o.id, ticketTypeId },
        })),
      );
      await offerFreedSeats(tx, ticketTypeId, { now });
      return orders.length;
    });
    expired += n;
    if (n > 0) freed.push(ticketTypeId);
  }
  await offerSeatsToQuotaSiblings(db, freed, { now });
  return expired + (await expireOffers(db, { ...opts, now }));
}
