import type { Queryable } from '../../platform/db/db.js';

// The capacity rule, in SQL: a seat is taken only by a conditional UPDATE that checks the limit in
// the same statement (never read-then-write). A ticket type's quotas are taken in id order and the
// ticket type last, by every writer, so two orders cannot deadlock; and last, because the ticket
// type's row is the hot one in a rush and its lock is then held only until COMMIT.

export type SeatState = 'sold' | 'held';

async function quotasOf(tx: Queryable, ticketTypeId: string): Promise<string[]> {
  const { rows } = await tx.query<{ quota_id: string }>(
    `SELECT qt.quota_id FROM quota_ticket_types qt JOIN quotas q ON q.id = qt.quota_id
     WHERE qt.ticket_type_id = $1 AND q.archived_at IS NULL ORDER BY qt.quota_id`,
    [ticketTypeId],
  );
  return rows.map((r) => r.quota_id);
}

/** Takes `n` seats from the ticket type and all its quotas; false (and nothing taken) when any is full. */
export async function takeSeats(
  tx: Queryable,
  ticketTypeId: string,
  n: number,
  state: SeatState,
): Promise<boolean> {
  for (const quotaId of await quotasOf(tx, ticketTypeId)) {
    const q = await tx.query(
      'UPDATE quotas SET used = used + $2, updated_at = now() WHERE id = $1 AND used + $2 <= size RETURNING 1',
      [quotaId, n],
    );
    // The caller rolls back, so quotas already taken in this transaction are given back too.
    if (q.rowCount === 0) return false;
  }
  const column = state === 'sold' ? 'sold' : 'held';
  const t = await tx.query(
    `UPDATE ticket_types SET ${column} = ${column} + $2 WHERE id = $1 AND sold + held + $2 <= quantity RETURNING 1`,
    [ticketTypeId, n],
  );
  return t.rowCount === 1;
}

/** The SQLSTATE the commit-time seat claim raises when a quota or the ticket type is full. */
const SOLD_OUT_AT_COMMIT = 'LYSLD';

// A sale's seats are taken when its transaction commits: the order's INSERT also inserts a seat
// claim (store.ts, insertOrder), whose deferred trigger (migration seat_claims_at_commit) runs
// takeSeats' conditional UPDATEs inside the COMMIT, so the hot ticket type's row is never locked
// across a round trip to this process. A full quota or type makes the COMMIT fail and the whole
// transaction roll back; `isSoldOutAtCommit` recognizes that error. One claim per transaction
// keeps the lock order (quotas by id, then the type) the same as takeSeats'.
export const isSoldOutAtCommit = (err: unknown): boolean =>
  (err as { code?: unknown } | null)?.code === SOLD_OUT_AT_COMMIT;

/** Gives `n` seats back to the ticket type and its quotas (cancellation, expired hold or offer). */
export async function releaseSeats(
  tx: Queryable,
  ticketTypeId: string,
  n: number,
  state: SeatState,
): Promise<void> {
  for (const quotaId of await quotasOf(tx, ticketTypeId)) {
    await tx.query('UPDATE quotas SET used = used - $2, updated_at = now() WHERE id = $1', [
      quotaId,
      n,
    ]);
  }
  const column = state === 'sold' ? 'sold' : 'held';
  await tx.query(`UPDATE ticket_types SET ${column} = ${column} - $2 WHERE id = $1`, [
    ticketTypeId,
    n,
  ]);
}

/** A paid hold becomes a sale: the seats stay taken in every quota. */
export async function convertHeldToSold(
  tx: Queryable,
  ticketTypeId: string,
  n: number,
): Promise<void> {
  await tx.query('UPDATE ticket_types SET held = held - $2, sold = sold + $2 WHERE id = $1', [
    ticketTypeId,
    n,
  ]);
}

/** Sold seats that go back to an access code's reserve are held again (quotas keep counting them). */
export async function convertSoldToHeld(
  tx: Queryable,
  ticketTypeId: string,
  n: number,
): Promise<void> {
  await tx.query('UPDATE ticket_types SET sold = sold - $2, held = held + $2 WHERE id = $1', [
    ticketTypeId,
    n,
  ]);
}

/**
 * Seats a buyer could take now: the ticket type's own free seats, bounded by each of its quotas
 * (SQL function available_seats). For display and for failing fast; the decision itself is takeSeats.
 */
export async function availableSeats(
  db: Queryable,
  ticketTypeIds: string[],
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ ticket_type_id: string; available: number }>(
    'SELECT ticket_type_id, available FROM available_seats($1::uuid[])',
    [ticketTypeIds],
  );
  return new Map(rows.map((r) => [r.ticket_type_id, r.available]));
}
