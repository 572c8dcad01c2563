import type { Queryable } from '../../platform/db/db.js';
import { conflict } from '../../platform/errors.js';

// Sale rushes stay fair: unpaid orders hold seats, so how many one email or one client address
// may hold at once is capped per event (events.max_holds_per_*), as are waitlist places per
// address. Throwaway emails from one address do not get around the address's cap.

export interface HoldCaps {
  maxHoldsPerEmail: number | null;
  maxHoldsPerIp: number | null;
}

/** The cap an order would pass, given the unpaid orders the email and the address hold now. */
export function holdCapReached(
  caps: HoldCaps,
  held: { byEmail: number; byIp: number },
): 'email' | 'ip' | undefined {
  if (caps.maxHoldsPerEmail !== null && held.byEmail >= caps.maxHoldsPerEmail) return 'email';
  if (caps.maxHoldsPerIp !== null && held.byIp >= caps.maxHoldsPerIp) return 'ip';
  return undefined;
}

/**
 * Refuses a new unpaid order past the event's caps. Orders of one address (and of one email)
 * take turns until commit, so parallel requests each count the others' holds.
 */
export async function enforceHoldCaps(
  tx: Queryable,
  eventId: string,
  caps: HoldCaps,
  who: { email: string; ip: string },
): Promise<void> {
  if (caps.maxHoldsPerEmail === null && caps.maxHoldsPerIp === null) return;
  // Address before email, always: two orders never wait on each other's lock in a cycle.
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext('lanyard.holds-ip:' || $1 || ':' || $2)),
            pg_advisory_xact_lock(hashtext('lanyard.holds-email:' || $1 || ':' || $3))`,
    [eventId, who.ip, who.email],
  );
  const { rows } = await tx.query<{ by_email: number; by_ip: number }>(
    `SELECT count(*) FILTER (WHERE email_normalized = $2)::int AS by_email,
            count(*) FILTER (WHERE client_ip = $3)::int AS by_ip
     FROM orders
     WHERE event_id = $1 AND status = 'pending_payment' AND hold_expires_at > now()
       AND (email_normalized = $2 OR client_ip = $3)`,
    [eventId, who.email, who.ip],
  );
  const reached = holdCapReached(caps, { byEmail: rows[0]!.by_email, byIp: rows[0]!.by_ip });
  if (reached === 'email')
    throw conflict(
      'hold_limit_reached',
      `This email already has ${caps.maxHoldsPerEmail} unpaid orders for this event; pay or cancel one first.`,
      { limit: 'email' },
    );
  if (reached === 'ip')
    throw conflict(
      'hold_limit_reached',
      `Your network already holds ${caps.maxHoldsPerIp} unpaid orders for this event; pay or cancel one first.`,
      { limit: 'ip' },
    );
}

/** Refuses a waitlist place past the event's cap of live places per client address. */
export async function enforceWaitlistCap(
  tx: Queryable,
  eventId: string,
  cap: number | null,
  ip: string,
): Promise<void> {
  if (cap === null) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext('lanyard.waitlist-ip:' || $1 || ':' || $2))`,
    [eventId, ip],
  );
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM waitlist_entries
     WHERE event_id = $1 AND client_ip = $2 AND status IN ('waiting', 'offered')`,
    [eventId, ip],
  );
  if (rows[0]!.n >= cap)
    throw conflict(
      'waitlist_limit_reached',
      `Your network already has ${cap} places on this event's waitlist.`,
      { limit: 'ip' },
    );
}
