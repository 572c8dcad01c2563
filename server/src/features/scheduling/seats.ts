import type { Queryable } from '../../platform/db/db.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';

// Seats left in the sessions with signup, for the portal's programme. Signups change far more
// often than releases, so this is not part of the agenda (cached per release): it is read from
// the seat counters the signups keep, at most every few seconds per event and replica.

export interface SessionSeats {
  sessionId: string;
  capacity: number;
  /** 0: full, a signup now joins the waitlist. */
  left: number;
}

/**
 * How stale a count may be: a signup decides by the counter itself (a full session waitlists),
 * so the programme only has to be near; a few seconds bound the database to one query per event
 * and replica, whatever the rush on the page.
 */
export const SEATS_TTL_MS = 5_000;
const MAX_EVENTS = 1_000;

export async function sessionSeats(db: Queryable, eventId: string): Promise<SessionSeats[]> {
  const { rows } = await db.query<{ id: string; capacity: number; taken: number }>(
    `SELECT id, signup_capacity AS capacity, signups_taken AS taken FROM schedule_sessions
     WHERE event_id = $1 AND signup_capacity IS NOT NULL ORDER BY id`,
    [eventId],
  );
  return rows.map((r) => ({
    sessionId: r.id,
    capacity: r.capacity,
    left: Math.max(0, r.capacity - r.taken),
  }));
}

/** The seats of each event, read at most every SEATS_TTL_MS. */
export class SeatCache {
  private readonly entries: ExpiringCache<SessionSeats[]>;

  constructor(
    private readonly db: Queryable,
    now: () => number = Date.now,
  ) {
    this.entries = new ExpiringCache(SEATS_TTL_MS, MAX_EVENTS, now);
  }

  get(eventId: string): Promise<SessionSeats[]> {
    return this.entries.get(eventId, () => sessionSeats(this.db, eventId));
  }

  /** After a signup change on this replica (others see it within SEATS_TTL_MS). */
  forget(eventId: string): void {
    this.entries.delete(eventId);
  }
}
