import { z } from 'zod';
import type { Db, Queryable } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { eventInOrganization } from '../ticketing/store.js';
import { cancelLockedOrder } from './cancellation.js';
import * as store from './store.js';
import { appendAudit } from '../audit/service.js';

// Seats held by unpaid orders, grouped by the client address and the email they came from, so an
// organizer sees a hoarder in a rush and can release their holds (security.md, Sale rushes).

const HoldGroup = z.object({
  /** The client address, or the email (lower-cased). */
  key: z.string(),
  orders: z.number().int(),
  seats: z.number().int(),
  /** Distinct emails of an address's holds, or addresses of an email's. */
  others: z.number().int(),
  /** When the first of these holds ends by itself. */
  firstExpiresAt: z.string(),
});

export const HoldsView = z.object({
  orders: z.number().int(),
  seats: z.number().int(),
  /** The 50 addresses holding the most seats, most first. Orders from before addresses were kept are not here. */
  byAddress: z.array(HoldGroup),
  /** The 50 emails holding the most seats, most first. */
  byEmail: z.array(HoldGroup),
});
export type HoldsView = z.output<typeof HoldsView>;

export const ReleaseHoldsBody = z
  .strictObject({
    clientIp: z.string().trim().min(1).max(64).optional(),
    email: z.string().trim().min(1).max(254).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.clientIp === undefined) !== (b.email === undefined), {
    message: 'name either clientIp or email',
  });
export type ReleaseHoldsInput = z.output<typeof ReleaseHoldsBody>;

export const ReleasedHolds = z.object({
  orders: z.number().int(),
  seats: z.number().int(),
});

const TOP = 50;

export async function listHolds(db: Db, actor: Principal, eventId: string): Promise<HoldsView> {
  if (!(await eventInOrganization(db, actor.organizationId, eventId)))
    throw notFound('event', eventId);
  const group = async (by: 'client_ip' | 'email_normalized', other: string) => {
    const { rows } = await db.query<{
      key: string;
      orders: number;
      seats: number;
      others: number;
      first: Date;
    }>(
      `SELECT ${by} AS key, count(*)::int AS orders, sum(quantity)::int AS seats,
              count(DISTINCT ${other})::int AS others, min(hold_expires_at) AS first
       FROM orders
       WHERE event_id = $1 AND status = 'pending_payment' AND ${by} IS NOT NULL
       GROUP BY ${by} ORDER BY seats DESC, orders DESC, key LIMIT ${TOP}`,
      [eventId],
    );
    return rows.map((r) => ({
      key: r.key,
      orders: r.orders,
      seats: r.seats,
      others: r.others,
      firstExpiresAt: r.first.toISOString(),
    }));
  };
  const { rows } = await db.query<{ orders: number; seats: number }>(
    `SELECT count(*)::int AS orders, coalesce(sum(quantity), 0)::int AS seats
     FROM orders WHERE event_id = $1 AND status = 'pending_payment'`,
    [eventId],
  );
  return {
    ...rows[0]!,
    byAddress: await group('client_ip', 'email_normalized'),
    byEmail: await group('email_normalized', 'client_ip'),
  };
}

/**
 * Cancels every unpaid order of one client address or one email, in one transaction: the seats go
 * back (offered to the waitlist first), as when each order is cancelled by hand.
 */
export async function releaseHolds(
  db: Db,
  actor: Principal,
  eventId: string,
  input: ReleaseHoldsInput,
): Promise<{ orders: number; seats: number }> {
  return db.transaction(async (tx) => {
    if (!(await eventInOrganization(tx, actor.organizationId, eventId)))
      throw notFound('event', eventId);
    const ids = await pendingOrderIds(tx, eventId, input);
    let orders = 0;
    let seats = 0;
    for (const id of ids) {
      const order = await store.findOrder(tx, id, true);
      // Paid or cancelled since it was listed: not a hold any more.
      if (order?.status !== 'pending_payment') continue;
      await cancelLockedOrder(
        tx,
        order,
        actor.clientId ?? actor.subject,
        input.reason ?? 'hold released by the organizer',
      );
      orders += 1;
      seats += order.quantity;
    }
    // Last: the audit head stays locked until commit, so no row lock is taken after it.
    if (orders > 0)
      await appendAudit(tx, actor, {
        action: 'holds.released',
        objectType: 'event',
        objectId: eventId,
        eventId,
        details: { ...input, orders, seats },
      });
    return { orders, seats };
  });
}

async function pendingOrderIds(
  tx: Queryable,
  eventId: string,
  input: ReleaseHoldsInput,
): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM orders
     WHERE event_id = $1 AND status = 'pending_payment'
       AND (client_ip = $2 OR email_normalized = lower($3))
     ORDER BY id`,
    [eventId, input.clientIp ?? null, input.email ?? null],
  );
  return rows.map((r) => r.id);
}
