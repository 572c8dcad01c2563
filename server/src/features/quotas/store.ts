import type { Queryable } from '../../platform/db/db.js';
import type { TypeSeats } from './membership.js';
import type { Quota } from './schema.js';

// All SQL of quotas. A quota's `used` moves only by conditional UPDATEs: here when its size or its
// ticket types change, in registration/capacity.ts when seats are taken or released.

interface QuotaRow {
  id: string;
  event_id: string;
  name: string;
  size: number;
  used: number;
  ticket_type_ids: string[] | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

function toQuota(r: QuotaRow): Quota {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    size: r.size,
    used: r.used,
    available: Math.max(r.size - r.used, 0),
    ticketTypeIds: [...(r.ticket_type_ids ?? [])].sort(),
    status: r.archived_at ? 'archived' : 'active',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const MEMBERS = `(SELECT array_agg(qt.ticket_type_id ORDER BY qt.ticket_type_id) FROM quota_ticket_types qt
                  WHERE qt.quota_id = q.id) AS ticket_type_ids`;

/**
 * Freezes quota membership until COMMIT. Every transaction that takes or releases seats reads a
 * ticket type's quotas first and keeps this table's share lock to its end; the exclusive lock
 * waits for those in flight and holds back new ones. So no sale or release acts on a membership
 * read before the change (a release would otherwise take a leaving type's seats out twice), and
 * the change then takes its row locks without deadlocking against them. Membership changes are
 * rare organizer actions, so the short stall of sales is cheap.
 */
export async function lockMembership(tx: Queryable): Promise<void> {
  await tx.query('LOCK TABLE quota_ticket_types IN ACCESS EXCLUSIVE MODE');
}

/** The event's ticket types among `ids`, row-locked in id order (the fixed lock order). */
export async function lockTicketTypeSeats(
  tx: Queryable,
  eventId: string,
  ids: readonly string[],
): Promise<Map<string, TypeSeats>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; sold: number; held: number }>(
    `SELECT id, sold, held FROM ticket_types WHERE event_id = $1 AND id = ANY($2::uuid[])
     ORDER BY id FOR UPDATE`,
    [eventId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertQuota(
  tx: Queryable,
  q: { eventId: string; name: string; size: number; used: number },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO quotas (event_id, name, size, used) VALUES ($1, $2, $3, $4) RETURNING id',
    [q.eventId, q.name, q.size, q.used],
  );
  return rows[0]!.id;
}

export async function addMembers(tx: Queryable, quotaId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `INSERT INTO quota_ticket_types (quota_id, ticket_type_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [quotaId, ids],
  );
}

export async function removeMembers(tx: Queryable, quotaId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    'DELETE FROM quota_ticket_types WHERE quota_id = $1 AND ticket_type_id = ANY($2::uuid[])',
    [quotaId, ids],
  );
}

export async function findQuota(
  db: Queryable,
  eventId: string,
  quotaId: string,
  forUpdate = false,
): Promise<Quota | undefined> {
  const { rows } = await db.query<QuotaRow>(
    `SELECT q.*, ${MEMBERS} FROM quotas q WHERE q.id = $1 AND q.event_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [quotaId, eventId],
  );
  return rows[0] && toQuota(rows[0]);
}

export async function findQuotaByName(
  db: Queryable,
  eventId: string,
  name: string,
): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM quotas WHERE event_id = $1 AND lower(name) = lower($2) AND archived_at IS NULL',
    [eventId, name],
  );
  return rows[0];
}

export async function listQuotas(
  db: Queryable,
  eventId: string,
  includeArchived: boolean,
): Promise<Quota[]> {
  const { rows } = await db.query<QuotaRow>(
    `SELECT q.*, ${MEMBERS} FROM quotas q
     WHERE q.event_id = $1 AND ($2::boolean OR q.archived_at IS NULL)
     ORDER BY q.created_at, q.id`,
    [eventId, includeArchived],
  );
  return rows.map(toQuota);
}

/**
 * Renames, resizes and moves `used` by `usedDelta` in one conditional UPDATE: `does_not_fit`
 * (nothing changed) when the seats would exceed the size, `duplicate_name` when another live quota
 * of the event took the name meanwhile (the unique index decides).
 */
export async function updateQuota(
  tx: Queryable,
  q: { id: string; name: string; size: number; usedDelta: number },
): Promise<'updated' | 'does_not_fit' | 'duplicate_name'> {
  try {
    const r = await tx.query(
      `UPDATE quotas SET name = $2, size = $3, used = used + $4, updated_at = now()
       WHERE id = $1 AND used + $4 <= $3 RETURNING 1`,
      [q.id, q.name, q.size, q.usedDelta],
    );
    return r.rowCount === 1 ? 'updated' : 'does_not_fit';
  } catch (err) {
    if ((err as { code?: unknown }).code === '23505') return 'duplicate_name';
    throw err;
  }
}

export async function archiveQuota(tx: Queryable, quotaId: string): Promise<void> {
  await tx.query(
    `UPDATE quotas SET archived_at = coalesce(archived_at, now()), updated_at = now() WHERE id = $1`,
    [quotaId],
  );
}
