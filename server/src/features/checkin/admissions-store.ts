import type { Queryable } from '../../platform/db/db.js';
import { NOT_ANNULLED } from './scan-store.js';

/**
 * When each of these tickets was first admitted at an entrance, by ticket id; a ticket never
 * admitted is absent. Read from the scans (uses the `checkin_scans_admitted` index).
 */
export async function firstAdmissions(
  db: Queryable,
  ticketIds: readonly string[],
): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const { rows } = await db.query<{ ticketId: string; at: Date | string }>(
    `SELECT ticket_id AS "ticketId", min(scanned_at) AS at FROM checkin_scans c
     WHERE ticket_id = ANY($1::uuid[]) AND result = 'admitted' AND direction = 'entry'
       AND ${NOT_ANNULLED('c')}
     GROUP BY ticket_id`,
    [ticketIds],
  );
  return new Map(rows.map((r) => [r.ticketId, new Date(r.at).toISOString()]));
}
