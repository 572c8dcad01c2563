import type { Queryable } from '../../../platform/db/db.js';
import { NOT_ANNULLED } from '../scan-store.js';
import type { StatsRow } from '../stats-store.js';

// Check-in progress recounted from every scan of the event, as the stats were read before they
// were kept as counters: what tests and the checkin-stats bench hold the counters against.

// Admitted = valid tickets with a counted entry. Inside = valid tickets whose last counted
// passage on a list (by scan time, ties by scan id, as core replays them) is an entry. Total =
// valid tickets the list admits (ticket_type_ids NULL: all). An event without lists has its
// default list (id = event id). Each (ticket, list) is folded once (`per`).
const STATS = `
WITH ev AS (SELECT id FROM events WHERE id = $1 AND organization_id = $2),
types AS (
  SELECT t.ticket_type_id, count(*) AS n FROM tickets t JOIN ev ON t.event_id = ev.id
  WHERE t.status = 'valid' GROUP BY t.ticket_type_id
),
gone AS (SELECT t.id FROM tickets t JOIN ev ON t.event_id = ev.id WHERE t.status <> 'valid'),
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
  WHERE s.result = 'admitted' AND s.ticket_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM gone g WHERE g.id = s.ticket_id)
    AND ${NOT_ANNULLED('s')}
),
per AS (
  SELECT DISTINCT ON (ticket_id, list_id) ticket_id, list_id, direction = 'entry' AS inside,
         bool_or(direction = 'entry') OVER (PARTITION BY ticket_id, list_id) AS entered
  FROM passages ORDER BY ticket_id, list_id, scanned_at DESC, scan_id DESC
),
by_ticket AS (SELECT bool_or(entered) AS entered, bool_or(inside) AS inside FROM per GROUP BY ticket_id),
by_list AS (
  SELECT list_id, count(*) FILTER (WHERE entered) AS admitted, count(*) FILTER (WHERE inside) AS inside
  FROM per GROUP BY list_id
)
SELECT 'event' AS kind, NULL AS key, NULL AS label,
       (SELECT coalesce(sum(n), 0) FROM types)::text AS total,
       (SELECT count(*) FILTER (WHERE entered) FROM by_ticket)::text AS admitted,
       (SELECT count(*) FILTER (WHERE inside) FROM by_ticket)::text AS inside,
       NULL AS exits
FROM ev
UNION ALL
SELECT 'list', l.id::text, l.name,
       (SELECT coalesce(sum(ty.n), 0) FROM types ty
        WHERE l.ticket_type_ids IS NULL OR ty.ticket_type_id = ANY (l.ticket_type_ids))::text,
       coalesce(b.admitted, 0)::text, coalesce(b.inside, 0)::text, NULL
FROM lists l LEFT JOIN by_list b ON b.list_id = l.id
UNION ALL
SELECT 'gate', p.gate, p.list_id::text, NULL,
       (count(DISTINCT p.ticket_id) FILTER (WHERE p.direction = 'entry'))::text, NULL,
       (count(*) FILTER (WHERE p.direction = 'exit'))::text
FROM passages p GROUP BY p.gate, p.list_id`;

/** The stats' rows recounted from the scans; no rows when the event is not the organization's. */
export async function recountedStatsRows(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<StatsRow[]> {
  return (await db.query<StatsRow>(STATS, [eventId, organizationId])).rows;
}
