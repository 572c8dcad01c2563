import type { Queryable } from '../../platform/db/db.js';
import { NOT_ANNULLED } from '../checkin/scan-store.js';

// All SQL of the kiosk change feed. The log (sync_changes) is written by triggers on tickets,
// signing keys, check-in lists and scans, in the writer's own transaction.

export interface LogRow {
  seq: bigint;
  kind: 'ticket' | 'checkin_list' | 'signing_key' | 'scan';
  entityId: string;
}

// Every change writer holds this shared advisory lock from before it draws its seq until it ends.
const WRITER_LOCK = [4242, 8] as const;
const SETTLE_POLL_MS = 3;

/**
 * The highest log seq below which no row can still appear: the sequence's last value, once every
 * change writer that may hold a seq up to it has ended. A writer draws its seq only after taking
 * the lock, so the holders seen right after reading the value are all that can matter; newer
 * writers get higher seqs. Waits at most `maxWaitMs` for them (they are short); undefined when a
 * long writer is still running then, so the caller hands out nothing new yet.
 */
export async function settledHorizon(db: Queryable, maxWaitMs = 250): Promise<bigint | undefined> {
  const { rows } = await db.query<{ last: string }>(
    `SELECT (CASE WHEN is_called THEN last_value ELSE last_value - 1 END)::text AS last
     FROM sync_changes_seq_seq`,
  );
  const last = BigInt(rows[0]!.last);
  let holders = await writers(db);
  const until = Date.now() + maxWaitMs;
  while (holders.size > 0) {
    if (Date.now() >= until) return undefined;
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    const now = await writers(db);
    holders = new Set([...holders].filter((h) => now.has(h)));
  }
  return last;
}

/** Transactions of this database holding the change-writer lock now. */
async function writers(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ vxid: string }>(
    `SELECT virtualtransaction AS vxid FROM pg_locks
     WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [WRITER_LOCK[0], WRITER_LOCK[1]],
  );
  return new Set(rows.map((r) => r.vxid));
}

/** Log rows of the event after `after`, up to the settled `horizon`, in log order. */
export async function logAfter(
  db: Queryable,
  eventId: string,
  after: bigint,
  horizon: bigint,
  limit: number,
): Promise<LogRow[]> {
  const { rows } = await db.query<{ seq: string; kind: LogRow['kind']; entity_id: string }>(
    `SELECT seq::text AS seq, kind, entity_id FROM sync_changes
     WHERE event_id = $1 AND seq > $2::bigint AND seq <= $3::bigint
     ORDER BY seq LIMIT $4`,
    [eventId, after.toString(), horizon.toString(), limit],
  );
  return rows.map((r) => ({ seq: BigInt(r.seq), kind: r.kind, entityId: r.entity_id }));
}

/** The last log seq up to `horizon` of each event (events without rows are absent). */
export async function logHeads(
  db: Queryable,
  eventIds: readonly string[],
  horizon: bigint,
): Promise<Map<string, bigint>> {
  const { rows } = await db.query<{ event_id: string; seq: string }>(
    `SELECT e.id AS event_id, h.seq::text AS seq FROM unnest($1::uuid[]) AS e(id)
     CROSS JOIN LATERAL (
       SELECT seq FROM sync_changes WHERE event_id = e.id AND seq <= $2::bigint
       ORDER BY seq DESC LIMIT 1) h`,
    [eventIds, horizon.toString()],
  );
  return new Map(rows.map((r) => [r.event_id, BigInt(r.seq)]));
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
  token: string;
  [k: string]: unknown;
}

const TICKET_COLUMNS =
  'id, event_id, ticket_type_id, status, revision, attendee_name, attendee_email, updated_at, token';

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
  annulled_at?: Date | null;
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
       AND ${NOT_ANNULLED('checkin_scans')}
     ORDER BY scan_id LIMIT $3`,
    [eventId, after, limit],
  );
  return rows;
}

/** Counted passages by id; `annulled_at` is set on those annulled since. */
export async function scansById(db: Queryable, ids: readonly string[]): Promise<ScanRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<ScanRow>(
    `SELECT ${SCAN_COLUMNS}, (SELECT a.annulled_at FROM checkin_annulments a
        WHERE a.scan_id = checkin_scans.scan_id) AS annulled_at
     FROM checkin_scans
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
/** The event's ticket types by name, hidden ones too (a kiosk names what it admits). */
export async function ticketTypeNames(
  db: Queryable,
  eventId: string,
): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM ticket_types WHERE event_id = $1 ORDER BY name, id',
    [eventId],
  );
  return rows;
}

export async function trustedKeys(db: Queryable, eventId: string): Promise<KeyRow[]> {
  const { rows } = await db.query<KeyRow>(
    'SELECT kid, public_key, created_at FROM event_signing_keys WHERE event_id = $1 ORDER BY created_at DESC, kid',
    [eventId],
  );
  return rows;
}
