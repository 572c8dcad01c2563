import type { Queryable } from '../../platform/db/db.js';

// The SQL of check-in progress: one statement over counters (migration 0027 keeps them with each
// admission, exit, annulment and ticket change), so the event's figures, its lists and its gates
// come from one snapshot, always add up, and cost a lookup however many tickets the event has.

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

// Total = valid tickets the list admits (ticket_type_ids NULL: all), from the reports' attendance
// rollup and its not yet folded deltas. An event without lists has its default list (id = event
// id). A gate whose passages were all annulled or whose tickets are no longer valid is left out.
const STATS = `
WITH ev AS (SELECT id FROM events WHERE id = $1 AND organization_id = $2),
types AS (
  SELECT x.ticket_type_id, sum(x.valid_tickets) AS n
  FROM (SELECT ticket_type_id, valid_tickets FROM report_attendance WHERE event_id = $1
        UNION ALL
        SELECT ticket_type_id, valid_tickets FROM report_attendance_deltas WHERE event_id = $1) x
  WHERE EXISTS (SELECT 1 FROM ev) GROUP BY x.ticket_type_id
),
counts AS (
  SELECT c.kind, c.list_id, c.gate, sum(c.admitted) AS admitted, sum(c.inside) AS inside,
         sum(c.exits) AS exits
  FROM checkin_counts c JOIN ev ON c.event_id = ev.id GROUP BY c.kind, c.list_id, c.gate
),
lists AS (
  SELECT l.id, l.name, l.ticket_type_ids FROM checkin_lists l JOIN ev ON l.event_id = ev.id
  WHERE l.deleted_at IS NULL
  UNION ALL
  SELECT ev.id, NULL, NULL FROM ev
  WHERE NOT EXISTS (SELECT 1 FROM checkin_lists l WHERE l.event_id = ev.id AND l.deleted_at IS NULL)
)
SELECT 'event' AS kind, NULL AS key, NULL AS label,
       (SELECT coalesce(sum(n), 0) FROM types)::text AS total,
       coalesce((SELECT admitted FROM counts WHERE kind = 'event'), 0)::text AS admitted,
       coalesce((SELECT inside FROM counts WHERE kind = 'event'), 0)::text AS inside,
       NULL AS exits
FROM ev
UNION ALL
SELECT 'list', l.id::text, l.name,
       (SELECT coalesce(sum(ty.n), 0) FROM types ty
        WHERE l.ticket_type_ids IS NULL OR ty.ticket_type_id = ANY (l.ticket_type_ids))::text,
       coalesce(c.admitted, 0)::text, coalesce(c.inside, 0)::text, NULL
FROM lists l LEFT JOIN counts c ON c.kind = 'list' AND c.list_id = l.id
UNION ALL
SELECT 'gate', c.gate, c.list_id::text, NULL, c.admitted::text, NULL, c.exits::text
FROM counts c WHERE c.kind = 'gate' AND (c.admitted <> 0 OR c.exits <> 0)`;

/** No rows when the event is not the organization's. */
export async function checkinStatsRows(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<StatsRow[]> {
  return (await db.query<StatsRow>(STATS, [eventId, organizationId])).rows;
}
