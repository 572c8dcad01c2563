import type { Queryable } from '../../platform/db/db.js';

// The SQL of check-in progress: one statement, so the event's figures, its lists and its gates
// come from one snapshot and always add up.

export interface StatsRow {
  kind: 'event' | 'list' | 'gate';
  /** list: the list's id; gate: the gate (null: scans without one). */
  key: string | null;
  /** list: its name (null for the default list); gate: the list it admitted to. */
  label: string | null;
  total: string | null;
  admitted: string;
  [k: string]: unknown;
}

// Admitted = distinct valid tickets with a counted entry scan. Total = valid tickets the list
// admits (ticket_type_ids NULL: all). An event without lists has its default list (id = event id).
const STATS = `
WITH ev AS (SELECT id FROM events WHERE id = $1 AND organization_id = $2),
valid AS (
  SELECT t.id, t.ticket_type_id FROM tickets t JOIN ev ON t.event_id = ev.id WHERE t.status = 'valid'
),
lists AS (
  SELECT l.id, l.name, l.ticket_type_ids FROM checkin_lists l JOIN ev ON l.event_id = ev.id
  WHERE l.deleted_at IS NULL
  UNION ALL
  SELECT ev.id, NULL, NULL FROM ev
  WHERE NOT EXISTS (SELECT 1 FROM checkin_lists l WHERE l.event_id = ev.id AND l.deleted_at IS NULL)
),
adm AS (
  SELECT s.list_id, s.gate, s.ticket_id FROM checkin_scans s JOIN ev ON s.event_id = ev.id
  JOIN valid v ON v.id = s.ticket_id
  WHERE s.result = 'admitted' AND s.direction = 'entry'
)
SELECT 'event' AS kind, NULL AS key, NULL AS label,
       (SELECT count(*) FROM valid)::text AS total,
       (SELECT count(DISTINCT ticket_id) FROM adm)::text AS admitted
FROM ev
UNION ALL
SELECT 'list', l.id::text, l.name,
       (SELECT count(*) FROM valid v
        WHERE l.ticket_type_ids IS NULL OR v.ticket_type_id = ANY (l.ticket_type_ids))::text,
       (SELECT count(DISTINCT a.ticket_id) FROM adm a WHERE a.list_id = l.id)::text
FROM lists l
UNION ALL
SELECT 'gate', a.gate, a.list_id::text, NULL, count(DISTINCT a.ticket_id)::text
FROM adm a GROUP BY a.gate, a.list_id`;

/** No rows when the event is not the organization's. */
export async function checkinStatsRows(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<StatsRow[]> {
  return (await db.query<StatsRow>(STATS, [eventId, organizationId])).rows;
}
