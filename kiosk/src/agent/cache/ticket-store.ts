import {
  toDoorSession,
  type CheckinList,
  type KnownTicket,
  type PriorScan,
  type SyncDoorSession,
} from '@lanyard/core';
import type { PublicKeyMaterial } from '@lanyard/core';
import type { ReadDb } from './handles.js';
import { statement } from './statements.js';

interface TicketRow {
  id: string;
  ticket_type_id: string;
  status: 'valid' | 'revoked';
  revision: number;
  name: string;
  token_sha256: string | null;
}

/** A cached ticket: the check-in rule's view, and the digest of its current token if synced. */
export type CachedTicket = KnownTicket & { tokenSha256?: string };

/** The cached ticket as the check-in rule sees it. */
export function findTicket(db: ReadDb, ticketId: string): CachedTicket | undefined {
  const row = statement(
    db,
    'SELECT id, ticket_type_id, status, revision, name, token_sha256 FROM tickets WHERE id = ?',
  ).get(ticketId) as TicketRow | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    ticketTypeId: row.ticket_type_id,
    revision: row.revision,
    attendeeName: row.name,
    ...(row.token_sha256 !== null && { tokenSha256: row.token_sha256 }),
  };
}

interface ListRow {
  id: string;
  event_id: string;
  name: string;
  ticket_type_ids: string;
  opens_at: string | null;
  closes_at: string | null;
  entry_rule: CheckinList['entryRule'];
  sessions: string | null;
}

/** A cached check-in list with its display name. */
export type CachedList = CheckinList & { name: string };

function toList(row: ListRow): CachedList {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    ticketTypeIds: JSON.parse(row.ticket_type_ids) as CheckinList['ticketTypeIds'],
    entryRule: row.entry_rule,
    ...(row.opens_at !== null && { opensAt: new Date(row.opens_at) }),
    ...(row.closes_at !== null && { closesAt: new Date(row.closes_at) }),
    ...(row.sessions !== null && {
      sessions: (JSON.parse(row.sessions) as SyncDoorSession[]).map(toDoorSession),
    }),
  };
}

/**
 * The list this station checks against, chosen as the server chooses for a scan naming no list:
 * the configured one, else the list serving the station's gate, else the event's first list by
 * name (names compared as the server does, by code point).
 */
export function findList(
  db: ReadDb,
  eventId: string,
  listId?: string,
  gate?: string,
): CachedList | undefined {
  const byGate =
    gate === undefined
      ? undefined
      : statement(
          db,
          `SELECT * FROM checkin_lists WHERE event_id = ?
             AND EXISTS (SELECT 1 FROM json_each(gates) WHERE value = ?)
           ORDER BY name COLLATE BINARY, id LIMIT 1`,
        ).get(eventId, gate);
  const row = (
    listId
      ? statement(db, 'SELECT * FROM checkin_lists WHERE id = ?').get(listId)
      : (byGate ??
        statement(
          db,
          'SELECT * FROM checkin_lists WHERE event_id = ? ORDER BY name COLLATE BINARY, id LIMIT 1',
        ).get(eventId))
  ) as ListRow | undefined;
  return row ? toList(row) : undefined;
}

interface ScanRow {
  scan_id: string;
  direction: 'entry' | 'exit';
  result: PriorScan['result'];
  at_ms: number;
  gate: string | null;
  device_id: string;
}

/** Every scan of a ticket on a list this kiosk knows of, in server time. */
export function priorScans(db: ReadDb, ticketId: string, listId: string): PriorScan[] {
  const rows = statement(
    db,
    `SELECT scan_id, direction, result, scanned_at_ms + clock_offset_ms AS at_ms, gate, device_id
     FROM scans s WHERE ticket_id = ? AND list_id = ?
       AND NOT EXISTS (SELECT 1 FROM annulled_scans a WHERE a.scan_id = s.scan_id)`,
  ).all(ticketId, listId) as ScanRow[];
  return rows.map((r) => ({
    scanId: r.scan_id,
    direction: r.direction,
    result: r.result,
    scannedAt: new Date(r.at_ms),
    deviceId: r.device_id,
    ...(r.gate !== null && { gate: r.gate }),
  }));
}

/** The public keys trusted to sign tickets. */
export function trustedKeys(db: ReadDb): PublicKeyMaterial[] {
  return statement(
    db,
    'SELECT kid, alg, public_key AS publicKey FROM signing_keys',
  ).all() as PublicKeyMaterial[];
}

/** How many tickets the cache holds. */
export function ticketCount(db: ReadDb): number {
  return (statement(db, 'SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
}
