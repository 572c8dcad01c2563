import {
  ticketTokenSha256,
  type CheckinReason,
  type CheckinResult,
  type PriorScan,
  type ScanDirection,
} from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';

// All SQL of scans, the per-ticket-per-list state rows, and duplicate flags.

/** What check-in needs to know of a ticket. */
export interface TicketFacts {
  id: string;
  eventId: string;
  status: 'pending' | 'valid' | 'revoked' | 'cancelled';
  revision: number;
  ticketTypeId: string;
  ticketTypeName: string;
  attendeeName: string;
}

/** A stored scan. */
export interface StoredScan {
  scanId: string;
  eventId: string;
  listId: string;
  ticketId: string | null;
  deviceId: string | null;
  actor: string;
  gate: string | null;
  direction: ScanDirection;
  result: CheckinResult;
  reason: CheckinReason;
  origin: 'online' | 'upload';
  deviceResult: CheckinResult | null;
  tokenSha256: string;
  scannedAt: Date;
  receivedAt: Date;
}

export type NewScan = Omit<StoredScan, 'receivedAt'>;

export interface PassageContext {
  ticket: TicketFacts | undefined;
  /** Version of the ticket's state row on the list; 0 while it has none. */
  version: number;
  /** The ticket's admitted scans on the list. */
  admitted: PriorScan[];
  /** sha256 of the ticket's current token, so a scan of that very token skips the signature. */
  issuedTokenSha256?: string;
}

/** A ticket as TICKET_COLUMNS reads it, with its type's name (and its token, not needed here). */
type TicketRow = {
  id: string;
  event_id: string;
  status: TicketFacts['status'];
  revision: number;
  ticket_type_id: string;
  ticket_type_name: string;
  attendee_name: string;
};
type ContextRow = Omit<TicketRow, 'id'> & {
  id: string | null;
  token: string;
  version: string | number;
  scans: {
    scanId: string;
    direction: ScanDirection;
    at: number;
    gate: string | null;
    deviceId: string | null;
  }[];
};

/** SQL: the scan aliased `alias` was not annulled (an annulled admission counts for nothing). */
export const NOT_ANNULLED = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM checkin_annulments a WHERE a.scan_id = ${alias}.scan_id)`;

// What check-in reads of a ticket `t` joined to its type `tt`.
const TICKET_COLUMNS = `t.id, t.event_id, t.status, t.revision, t.ticket_type_id,
  tt.name AS ticket_type_name, t.attendee_name, t.token`;
// A ticket's state version and its admitted scans on a list, as subqueries.
const stateVersion = (ticket: string, list: string) =>
  `(SELECT s.version FROM checkin_states s WHERE s.ticket_id = ${ticket} AND s.list_id = ${list})`;
const admittedScansJson = (ticket: string, list: string) =>
  `(SELECT json_agg(json_build_object('scanId', c.scan_id, 'direction', c.direction,
      'at', (extract(epoch FROM c.scanned_at) * 1000)::float8, 'gate', c.gate, 'deviceId', c.device_id))
    FROM checkin_scans c WHERE c.ticket_id = ${ticket} AND c.list_id = ${list} AND c.result = 'admitted'
      AND ${NOT_ANNULLED('c')})`;
// The scan $1..$14 stored only if the CTE `claim` wrote the state row.
const SCAN_IF_CLAIMED = `scan AS (
  INSERT INTO checkin_scans (scan_id, event_id, list_id, ticket_id, device_id, actor, gate,
    direction, result, reason, origin, device_result, token_sha256, scanned_at)
  SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::text, $7::text, $8::text, $9::text,
    $10::text, $11::text, $12::text, $13::text, $14::timestamptz WHERE EXISTS (SELECT 1 FROM claim)
  ON CONFLICT (scan_id) DO NOTHING RETURNING 1)`;

const toTicketFacts = (r: TicketRow): TicketFacts => ({
  id: r.id,
  eventId: r.event_id,
  status: r.status,
  revision: r.revision,
  ticketTypeId: r.ticket_type_id,
  ticketTypeName: r.ticket_type_name,
  attendeeName: r.attendee_name,
});

function toContext(r: ContextRow | undefined): PassageContext {
  if (!r?.id) return { ticket: undefined, version: 0, admitted: [] };
  return {
    ticket: toTicketFacts({ ...r, id: r.id }),
    version: Number(r.version),
    admitted: r.scans.map((s) => ({
      scanId: s.scanId,
      direction: s.direction,
      result: 'admitted' as const,
      scannedAt: new Date(s.at),
      ...(s.gate !== null && { gate: s.gate }),
      ...(s.deviceId !== null && { deviceId: s.deviceId }),
    })),
    issuedTokenSha256: ticketTokenSha256(r.token),
  };
}

/**
 * The ticket, its state version and its admitted scans on one list, read by ONE statement, so
 * the version and the scans belong together.
 */
export async function passageContext(
  db: Queryable,
  ticketId: string,
  listId: string,
): Promise<PassageContext> {
  const { rows } = await db.query<ContextRow>(
    `SELECT ${TICKET_COLUMNS}, coalesce(${stateVersion('t.id', '$2')}, 0) AS version,
       coalesce(${admittedScansJson('t.id', '$2')}, '[]') AS scans
     FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id
     WHERE t.id = $1`,
    [ticketId, listId],
  );
  return toContext(rows[0]);
}

/** What a first entry's decision took for granted about the ticket. */
export interface FirstEntryPremise {
  /** The scanned text: the ticket's stored token, so its signature needs no check. */
  token: string;
  /** The token's revision: the ticket's may be no newer. */
  revision: number;
  /** The token's ticket type, which the ticket must still have. */
  ticketTypeId: string;
}

export type FirstEntryOutcome =
  | { admitted: true; ticket: TicketFacts }
  /** The scanId was stored before (a retry); the state row was created without a scan. */
  | { admitted: false; replayed: true }
  /**
   * Nothing written. `raced`: the premise held but another scan created the state row first, so
   * `context` (read before it committed) is stale.
   */
  | { admitted: false; replayed: false; raced: boolean; context: PassageContext };

/**
 * The usual online scan in ONE statement (one round trip, one commit): the ticket is valid, of
 * the event, of the premise's type and not of a newer revision, its stored token is the scanned
 * text, and it has no state row and no admitted scan on the list, so the rule admits it as a
 * first entry; then the state row is created (only one of simultaneous scans can) and the scan
 * stored. When the premise does not hold, nothing is written and the context read in the same
 * statement is returned, for the decision to be made on it instead.
 */
export async function admitFirstEntry(
  db: Queryable,
  premise: FirstEntryPremise,
  scan: NewScan & { ticketId: string },
): Promise<FirstEntryOutcome> {
  const { rows } = await db.query<
    ContextRow & { premise_held: boolean; claimed: number; inserted: number }
  >(
    `WITH t AS (
       SELECT ${TICKET_COLUMNS} FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id
       WHERE t.id = $4::uuid),
     premise AS (
       SELECT 1 FROM t WHERE t.event_id = $2::uuid AND t.status = 'valid' AND t.revision <= $15::int
         AND t.ticket_type_id = $16::uuid AND t.token = $17::text
         AND NOT EXISTS ${stateVersion('$4::uuid', '$3::uuid')}
         AND NOT EXISTS (SELECT 1 FROM checkin_scans c
           WHERE c.ticket_id = $4::uuid AND c.list_id = $3::uuid AND c.result = 'admitted'
             AND ${NOT_ANNULLED('c')})),
     claim AS (
       INSERT INTO checkin_states (ticket_id, list_id, version) SELECT $4::uuid, $3::uuid, 1 FROM premise
       ON CONFLICT (ticket_id, list_id) DO NOTHING RETURNING 1),
     ${SCAN_IF_CLAIMED},
     outcome AS (
       SELECT EXISTS (SELECT 1 FROM premise) AS premise_held,
         (SELECT count(*) FROM claim)::int AS claimed, (SELECT count(*) FROM scan)::int AS inserted)
     SELECT o.*, t.*,
       CASE WHEN o.claimed = 0 THEN coalesce(${stateVersion('$4::uuid', '$3::uuid')}, 0) END AS version,
       CASE WHEN o.claimed = 0 THEN coalesce(${admittedScansJson('$4::uuid', '$3::uuid')}, '[]') END AS scans
     FROM outcome o LEFT JOIN t ON true`,
    [...scanParams(scan), premise.revision, premise.ticketTypeId, premise.token],
  );
  const r = rows[0]!;
  if (r.claimed === 1) {
    return r.inserted === 1 && r.id
      ? { admitted: true, ticket: toTicketFacts({ ...r, id: r.id }) }
      : { admitted: false, replayed: true };
  }
  return {
    admitted: false,
    replayed: false,
    raced: r.premise_held,
    context: toContext(r),
  };
}

/**
 * An online admission as ONE statement (its own transaction, one commit): the conditional write
 * on the state row and, only if it won, the scan. `claimed` false: another scan moved the state
 * first and nothing was written. `inserted` false with `claimed` true: the scanId was stored
 * before (a retry); the version moved on without a scan, which only makes concurrent readers
 * decide again.
 */
export async function admitOnce(
  db: Queryable,
  readVersion: number,
  scan: NewScan & { ticketId: string },
): Promise<{ claimed: boolean; inserted: boolean }> {
  const claim =
    readVersion === 0
      ? `INSERT INTO checkin_states (ticket_id, list_id, version) VALUES ($4::uuid, $3::uuid, 1)
         ON CONFLICT (ticket_id, list_id) DO NOTHING RETURNING 1`
      : `UPDATE checkin_states SET version = version + 1, updated_at = now()
         WHERE ticket_id = $4::uuid AND list_id = $3::uuid AND version = $15::bigint RETURNING 1`;
  const { rows } = await db.query<{ claimed: number; inserted: number }>(
    `WITH claim AS (${claim}),
     ${SCAN_IF_CLAIMED}
     SELECT (SELECT count(*) FROM claim)::int AS claimed, (SELECT count(*) FROM scan)::int AS inserted`,
    [...scanParams(scan), ...(readVersion === 0 ? [] : [readVersion])],
  );
  return { claimed: rows[0]!.claimed === 1, inserted: rows[0]!.inserted === 1 };
}

const scanParams = (s: NewScan): unknown[] => [
  s.scanId,
  s.eventId,
  s.listId,
  s.ticketId,
  s.deviceId,
  s.actor,
  s.gate,
  s.direction,
  s.result,
  s.reason,
  s.origin,
  s.deviceResult,
  s.tokenSha256,
  s.scannedAt,
];

/**
 * Locks the state rows of these ticket/list pairs (creating them) in one fixed order, so
 * concurrent writers of overlapping pairs cannot deadlock, and moves their versions on.
 */
export async function lockPassages(
  tx: Queryable,
  pairs: readonly { ticketId: string; listId: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const sorted = [...pairs].sort((a, b) =>
    a.ticketId === b.ticketId ? cmp(a.listId, b.listId) : cmp(a.ticketId, b.ticketId),
  );
  await tx.query(
    `INSERT INTO checkin_states (ticket_id, list_id, version)
     SELECT t, l, 1 FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS p(t, l, n) ORDER BY n
     ON CONFLICT (ticket_id, list_id) DO UPDATE SET version = checkin_states.version + 1, updated_at = now()`,
    [sorted.map((p) => p.ticketId), sorted.map((p) => p.listId)],
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SCAN_FIELDS = 14;

/** Stores scans once each; returns the ids actually inserted (the others were already there). */
export async function insertScans(tx: Queryable, scans: readonly NewScan[]): Promise<Set<string>> {
  if (scans.length === 0) return new Set();
  const params: unknown[] = [];
  const rows = scans.map((s, i) => {
    params.push(...scanParams(s));
    const o = i * SCAN_FIELDS;
    return `(${Array.from({ length: SCAN_FIELDS }, (_, k) => `$${o + k + 1}`).join(', ')})`;
  });
  const { rows: inserted } = await tx.query<{ scan_id: string }>(
    `INSERT INTO checkin_scans (scan_id, event_id, list_id, ticket_id, device_id, actor, gate,
       direction, result, reason, origin, device_result, token_sha256, scanned_at)
     VALUES ${rows.join(', ')}
     ON CONFLICT (scan_id) DO NOTHING RETURNING scan_id`,
    params,
  );
  return new Set(inserted.map((r) => r.scan_id));
}

interface ScanRow {
  scan_id: string;
  event_id: string;
  list_id: string;
  ticket_id: string | null;
  device_id: string | null;
  actor: string;
  gate: string | null;
  direction: ScanDirection;
  result: CheckinResult;
  reason: CheckinReason;
  origin: 'online' | 'upload';
  device_result: CheckinResult | null;
  token_sha256: string;
  scanned_at: Date;
  received_at: Date;
  [k: string]: unknown;
}

const SCAN_COLUMNS = `scan_id, event_id, list_id, ticket_id, device_id, actor, gate, direction, result,
  reason, origin, device_result, token_sha256, scanned_at, received_at`;

export function toStoredScan(r: ScanRow): StoredScan {
  return {
    scanId: r.scan_id,
    eventId: r.event_id,
    listId: r.list_id,
    ticketId: r.ticket_id,
    deviceId: r.device_id,
    actor: r.actor,
    gate: r.gate,
    direction: r.direction,
    result: r.result,
    reason: r.reason,
    origin: r.origin,
    deviceResult: r.device_result,
    tokenSha256: r.token_sha256,
    scannedAt: r.scanned_at,
    receivedAt: r.received_at,
  };
}

/** The event's scans among these ids; another event's scan with one of them is not returned. */
export async function findScans(
  db: Queryable,
  eventId: string,
  scanIds: readonly string[],
): Promise<StoredScan[]> {
  if (scanIds.length === 0) return [];
  const { rows } = await db.query<ScanRow>(
    `SELECT ${SCAN_COLUMNS} FROM checkin_scans WHERE scan_id = ANY($1::uuid[]) AND event_id = $2`,
    [scanIds, eventId],
  );
  return rows.map(toStoredScan);
}

/** Every admitted scan of these tickets, on any list. */
export async function admittedScans(
  db: Queryable,
  ticketIds: readonly string[],
): Promise<StoredScan[]> {
  if (ticketIds.length === 0) return [];
  const { rows } = await db.query<ScanRow>(
    `SELECT ${SCAN_COLUMNS} FROM checkin_scans c WHERE ticket_id = ANY($1::uuid[]) AND result = 'admitted'
       AND ${NOT_ANNULLED('c')}`,
    [ticketIds],
  );
  return rows.map(toStoredScan);
}

/** Tickets by id, with their type's name. */
export async function ticketFacts(
  db: Queryable,
  ticketIds: readonly string[],
): Promise<Map<string, TicketFacts>> {
  if (ticketIds.length === 0) return new Map();
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS}
     FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.id = ANY($1::uuid[])`,
    [ticketIds],
  );
  return new Map(rows.map((r) => [r.id, toTicketFacts(r)]));
}

/** Replaces the duplicate flags of these ticket/list pairs with `flags`. */
export async function replaceFlags(
  tx: Queryable,
  eventId: string,
  pairs: readonly { ticketId: string; listId: string }[],
  flags: readonly { scanId: string; ticketId: string; listId: string; duplicateOf: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  // Flags that survive keep their first flagged_at.
  await tx.query(
    `DELETE FROM checkin_flags f USING unnest($1::uuid[], $2::uuid[]) AS p(t, l)
     WHERE f.ticket_id = p.t AND f.list_id = p.l AND NOT (f.scan_id = ANY($3::uuid[]))`,
    [pairs.map((p) => p.ticketId), pairs.map((p) => p.listId), flags.map((f) => f.scanId)],
  );
  if (flags.length === 0) return;
  await tx.query(
    `INSERT INTO checkin_flags (scan_id, event_id, list_id, ticket_id, duplicate_of)
     SELECT s, $1, l, t, d FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS f(s, l, t, d)
     ON CONFLICT (scan_id) DO UPDATE SET duplicate_of = excluded.duplicate_of`,
    [
      eventId,
      flags.map((f) => f.scanId),
      flags.map((f) => f.listId),
      flags.map((f) => f.ticketId),
      flags.map((f) => f.duplicateOf),
    ],
  );
}

export async function flaggedAmong(
  db: Queryable,
  scanIds: readonly string[],
): Promise<Set<string>> {
  if (scanIds.length === 0) return new Set();
  const { rows } = await db.query<{ scan_id: string }>(
    'SELECT scan_id FROM checkin_flags WHERE scan_id = ANY($1::uuid[])',
    [scanIds],
  );
  return new Set(rows.map((r) => r.scan_id));
}

export interface FlagRow {
  scan: StoredScan;
  duplicateOf: StoredScan;
  attendeeName: string | null;
  listName: string | null;
  flaggedAt: Date;
}

export async function eventFlags(
  db: Queryable,
  eventId: string,
  limit: number,
): Promise<FlagRow[]> {
  const cols = (p: string) =>
    SCAN_COLUMNS.split(',')
      .map((c) => `${p}.${c.trim()} AS ${p}_${c.trim()}`)
      .join(', ');
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${cols('s')}, ${cols('d')}, t.attendee_name, l.name AS list_name, f.flagged_at
     FROM checkin_flags f
     JOIN checkin_scans s ON s.scan_id = f.scan_id
     JOIN checkin_scans d ON d.scan_id = f.duplicate_of
     LEFT JOIN tickets t ON t.id = f.ticket_id
     LEFT JOIN checkin_lists l ON l.id = f.list_id
     WHERE f.event_id = $1
     ORDER BY s.scanned_at, f.scan_id
     LIMIT $2`,
    [eventId, limit],
  );
  const pick = (r: Record<string, unknown>, p: string) =>
    toStoredScan(
      Object.fromEntries(
        Object.entries(r)
          .filter(([k]) => k.startsWith(`${p}_`))
          .map(([k, v]) => [k.slice(2), v]),
      ) as ScanRow,
    );
  return rows.map((r) => ({
    scan: pick(r, 's'),
    duplicateOf: pick(r, 'd'),
    attendeeName: (r.attendee_name as string | null) ?? null,
    listName: (r.list_name as string | null) ?? null,
    flaggedAt: r.flagged_at as Date,
  }));
}
