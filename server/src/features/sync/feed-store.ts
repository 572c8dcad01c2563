import type { Queryable } from '../../platform/db/db.js';
import type { FeedPosition } from './cursor.js';

// All SQL of the kiosk change feed. The log (sync_changes) is written by triggers on tickets,
// signing keys, check-in lists and scans, in the writer's own transaction.

export interface LogRow {
  position: FeedPosition;
  kind: 'ticket' | 'checkin_list' | 'signing_key' | 'scan';
  entityId: string;
}

/**
 * Every transaction below this id has finished: the log's rows below it are final, and none
 * can appear there later. Rows at or above it wait until it moves.
 */
export async function settledHorizon(db: Queryable): Promise<bigint> {
  const { rows } = await db.query<{ x: string }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x',
  );
  return BigInt(rows[0]!.x);
}

/** Settled log rows of the event after `after`, in log order. */
export async function logAfter(
  db: Queryable,
  eventId: string,
  after: FeedPosition,
  limit: number,
): Promise<LogRow[]> {
  const { rows } = await db.query<{
    xid: string;
    seq: string | number;
    kind: LogRow['kind'];
    entity_id: string;
  }>(
    `SELECT xid::text AS xid, seq, kind, entity_id FROM sync_changes
     WHERE event_id = $1 AND (xid, seq) > ($2::text::xid8, $3::bigint)
       AND xid < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY xid, seq LIMIT $4`,
    [eventId, after.xid.toString(), after.seq.toString(), limit],
  );
  return rows.map((r) => ({
    position: { xid: BigInt(r.xid), seq: BigInt(r.seq) },
    kind: r.kind,
    entityId: r.entity_id,
  }));
}

/** The last settled log position of each event (events without rows are absent). */
export async function logHeads(
  db: Queryable,
  eventIds: readonly string[],
): Promise<Map<string, FeedPosition>> {
  const { rows } = await db.query<{ event_id: string; xid: string; seq: string | number }>(
    `SELECT e.id AS event_id, h.xid::text AS xid, h.seq FROM unnest($1::uuid[]) AS e(id)
     CROSS JOIN LATERAL (
       SELECT xid, seq FROM sync_changes
       WHERE event_id = e.id AND xid < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY xid DESC, seq DESC LIMIT 1) h`,
    [eventIds],
  );
  return new Map(rows.map((r) => [r.event_id, { xid: BigInt(r.xid), seq: BigInt(r.seq) }]));
}

export interface TicketRow {
  id: string;
  event_id: string;
  ticket_type_id: string;
  status: 'pending' | 'valid' | 'revoked' | 'cancelled';
  revision: number;
  attendee_name: string;
  attendee_email: string;
  updated_at: Date;
  [k: string]: unknown;
}

const TICKET_COLUMNS =
  'id, event_id, ticket_type_id, status, revision, attendee_name, attendee_email, updated_at';

/** A snapshot page of the event's tickets by id; tickets awaiting payment are not for doors. */
export async function ticketPage(
  db: Queryable,
  eventId: string,
  after: string | null,
  limit: number,
): Promise<TicketRow[]> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets
     WHERE event_id = $1 AND status <> 'pending' AND ($2::uuid IS NULL OR id > $2::uuid)
     ORDER BY id LIMIT $3`,
    [eventId, after, limit],
  );
  return rows;
}

export async function ticketsById(db: Queryable, ids: readonly string[]): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

export interface ScanRow {
  scan_id: string;
  event_id: string;
  list_id: string;
  ticket_id: string;
  device_id: string | null;
  gate: string | null;
  direction: 'entry' | 'exit';
  result: 'admitted';
  scanned_at: Date;
  [k: string]: unknown;
}

const SCAN_COLUMNS =
  'scan_id, event_id, list_id, ticket_id, device_id, gate, direction, result, scanned_at';

/** A snapshot page of the event's counted passages by scan id. */
export async function admittedScanPage(
  db: Queryable,
  eventId: string,
  after: string | null,
  limit: number,
): Promise<ScanRow[]> {
  const { rows } = await db.query<ScanRow>(
    `SELECT ${SCAN_COLUMNS} FROM checkin_scans
     WHERE event_id = $1 AND result = 'admitted' AND ticket_id IS NOT NULL
       AND ($2::uuid IS NULL OR scan_id > $2::uuid)
     ORDER BY scan_id LIMIT $3`,
    [eventId, after, limit],
  );
  return rows;
}

export async function scansById(db: Queryable, ids: readonly string[]): Promise<ScanRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ScanRow>(
    `SELECT ${SCAN_COLUMNS} FROM checkin_scans
     WHERE scan_id = ANY($1::uuid[]) AND result = 'admitted' AND ticket_id IS NOT NULL`,
    [ids],
  );
  return rows;
}

export interface KeyRow {
  kid: string;
  public_key: string;
  created_at: Date;
  [k: string]: unknown;
}

/** Every key that verifies the event's tokens (public halves only; retired keys still verify). */
export async function trustedKeys(db: Queryable, eventId: string): Promise<KeyRow[]> {
  const { rows } = await db.query<KeyRow>(
    'SELECT kid, public_key, created_at FROM event_signing_keys WHERE event_id = $1 ORDER BY created_at DESC, kid',
    [eventId],
  );
  return rows;
}
