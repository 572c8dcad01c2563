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
  /** event and list only. */
  inside: string | null;
  /** gate only. */
  exits: string | null;
  [k: string]: unknown;
}

// Admitted = distinct valid tickets with a counted entry scan. Inside = valid tickets whose last
// counted passage on a list (by scan time, ties by scan id, as core replays them) is an entry.
// Total = valid tickets the list admits (ticket_type_ids NULL: all). An event without lists has
// its default list (id = event id).
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
passages AS (
  SELECT s.list_id, s.gate, s.ticket_id, s.direction, s.scanned_at, s.scan_id
  FROM checkin_scans s JOIN ev ON s.event_id = ev.id
  JOIN valid v ON v.id = s.ticket_id
  WHERE s.result = 'admitted'
),
inside AS (
  SELECT ticket_id, list_id FROM (
    SELECT DISTINCT ON (ticket_id, list_id) ticket_id, list_id, direction FROM passages
    ORDER BY ticket_id, list_id, scanned_at DESC, scan_id DESC
  ) last WHERE direction = 'entry'
)
SELECT 'event' AS kind, NULL AS key, NULL AS label,
       (SELECT count(*) FROM valid)::text AS total,
       (SELECT count(DISTINCT ticket_id) FROM passages WHERE direction = 'entry')::text AS admitted,
       (SELECT count(DISTINCT ticket_id) FROM inside)::text AS inside,
       NULL AS exits
FROM ev
UNION ALL
SELECT 'list', l.id::text, l.name,
       (SELECT count(*) FROM valid v
        WHERE l.ticket_type_ids IS NULL OR v.ticket_type_id = ANY (l.ticket_type_ids))::text,
       (SELECT count(DISTINCT p.ticket_id) FROM passages p
        WHERE p.list_id = l.id AND p.direction = 'entry')::text,
       (SELECT count(*) FROM inside i WHERE i.list_id = l.id)::text,
       NULL
FROM lists l
UNION ALL
SELECT 'gate', p.gate, p.list_id::text, NULL,
       (count(DISTINCT p.ticket_id) FILTER (WHERE p.direction = 'entry'))::text,
       NULL,
       (count(*) FILTER (WHERE p.direction = 'exit'))::text
FROM passages p GROUP BY p.gate, p.list_id`;

/** No rows when the event is not the organization's. */
export async function checkinStatsRows(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<StatsRow[]> {
  return (await db.query<StatsRow>(STATS, [eventId, organizationId])).rows;
}
