import type { Queryable, Row } from '../../platform/db/db.js';
import type { DoorMinute } from './door.js';
import { attendanceRows } from './store.js';

// The SQL of the door view: scans per minute from the rollups of migration 0022 (always
// PostgreSQL, whatever source the reports read).

/** One minute of door scans, as the door view reads them. */
export interface DoorMinuteRow extends DoorMinute, Row {}

const DOOR = `
SELECT x.minute, x.list_id, l.name AS list, x.gate, x.device_id, d.name AS device, x.direction,
       x.admitted, sum(x.scans)::int AS scans
FROM (SELECT minute, list_id, gate, device_id, direction, admitted, scans FROM report_door_minutes
      WHERE event_id = $1 AND minute >= $2
      UNION ALL
      SELECT minute, list_id, gate, device_id, direction, admitted, scans FROM report_door_deltas
      WHERE event_id = $1 AND minute >= $2) x
LEFT JOIN checkin_lists l ON l.id = x.list_id
LEFT JOIN devices d ON d.id = x.device_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1`;

export async function doorMinuteRows(db: Queryable, eventId: string, since: Date) {
  return (await db.query<DoorMinuteRow>(DOOR, [eventId, since])).rows;
}

// Admitted entries and exits before the window, so "inside" starts from the right level.
const DOOR_BEFORE = `
SELECT coalesce(sum(scans) FILTER (WHERE direction = 'entry'), 0)::int AS entries,
       coalesce(sum(scans) FILTER (WHERE direction = 'exit'), 0)::int AS exits
FROM (SELECT direction, scans FROM report_door_minutes WHERE event_id = $1 AND minute < $2 AND admitted
      UNION ALL
      SELECT direction, scans FROM report_door_deltas WHERE event_id = $1 AND minute < $2 AND admitted) x`;

export async function doorBefore(db: Queryable, eventId: string, since: Date) {
  const r = await db.query<{ entries: number; exits: number }>(DOOR_BEFORE, [eventId, since]);
  return r.rows[0]!;
}

// Registered attendees not yet admitted: who may still come.
export async function expectedArrivals(db: Queryable, eventId: string): Promise<number> {
  const rows = await attendanceRows(db, eventId);
  return rows.reduce((n, r) => n + (r.registered as number) - (r.admitted as number), 0);
}
