import type { CheckinReason, CheckinResult, ScanDirection } from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';
import type { Passage } from './schema.js';

// The SQL of check-in corrections: annulments, check-ins by hand, and a ticket's passages.

export type ScanOfEvent = {
  result: CheckinResult;
  ticketId: string | null;
  listId: string;
  scannedAt: Date;
};

/** A scan of this event (another event's scan id is not found). */
export async function scanOfEvent(
  db: Queryable,
  eventId: string,
  scanId: string,
): Promise<ScanOfEvent | undefined> {
  const { rows } = await db.query<ScanOfEvent>(
    `SELECT result, ticket_id AS "ticketId", list_id AS "listId", scanned_at AS "scannedAt"
     FROM checkin_scans WHERE scan_id = $1 AND event_id = $2`,
    [scanId, eventId],
  );
  const r = rows[0];
  return r && { ...r, scannedAt: new Date(r.scannedAt) };
}

type AnnulmentRow = {
  scanId: string;
  ticketId: string;
  listId: string;
  actor: string;
  reason: string | null;
  annulledAt: Date | string;
};
const ANNULMENT_COLUMNS = `scan_id AS "scanId", ticket_id AS "ticketId", list_id AS "listId",
  actor, reason, annulled_at AS "annulledAt"`;
const toAnnulment = (r: AnnulmentRow) => ({
  ...r,
  annulledAt: new Date(r.annulledAt).toISOString(),
});

export async function annulmentOf(db: Queryable, scanId: string) {
  const { rows } = await db.query<AnnulmentRow>(
    `SELECT ${ANNULMENT_COLUMNS} FROM checkin_annulments WHERE scan_id = $1`,
    [scanId],
  );
  return rows[0] && toAnnulment(rows[0]);
}

export async function insertAnnulment(
  db: Queryable,
  a: {
    scanId: string;
    eventId: string;
    ticketId: string;
    listId: string;
    actor: string;
    reason: string | null;
  },
) {
  const { rows } = await db.query<AnnulmentRow>(
    `INSERT INTO checkin_annulments (scan_id, event_id, ticket_id, list_id, actor, reason)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ANNULMENT_COLUMNS}`,
    [a.scanId, a.eventId, a.ticketId, a.listId, a.actor, a.reason],
  );
  return toAnnulment(rows[0]!);
}

/** The ticket's current token, when the ticket is of this event: what a check-in by hand scans. */
export async function currentToken(
  db: Queryable,
  eventId: string,
  ticketId: string,
): Promise<string | undefined> {
  return (await currentTokens(db, eventId, [ticketId])).get(ticketId);
}

/** The current tokens of those of these tickets that are of this event, by ticket id. */
export async function currentTokens(
  db: Queryable,
  eventId: string,
  ticketIds: readonly string[],
): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; token: string }>(
    'SELECT id, token FROM tickets WHERE id = ANY($1::uuid[]) AND event_id = $2',
    [ticketIds, eventId],
  );
  return new Map(rows.map((r) => [r.id, r.token]));
}

/** Marks a stored scan as made by hand; a retried scan id is marked once. */
export async function markManual(db: Queryable, eventId: string, scanId: string): Promise<void> {
  await db.query(
    `INSERT INTO checkin_manual_entries (scan_id, event_id)
     SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM checkin_scans WHERE scan_id = $1 AND event_id = $2)
     ON CONFLICT (scan_id) DO NOTHING`,
    [scanId, eventId],
  );
}

type PassageRow = {
  scanId: string;
  listId: string;
  listName: string | null;
  direction: ScanDirection;
  result: CheckinResult;
  reason: CheckinReason;
  gate: string | null;
  deviceId: string | null;
  actor: string;
  manual: boolean;
  scannedAt: Date | string;
  annulActor: string | null;
  annulReason: string | null;
  annulledAt: Date | string | null;
};

/** Every scan of a ticket, newest first (at most 500: a day pass at every session door). */
export async function passages(db: Queryable, ticketId: string): Promise<Passage[]> {
  const { rows } = await db.query<PassageRow>(
    `SELECT s.scan_id AS "scanId", s.list_id AS "listId", l.name AS "listName", s.direction,
       s.result, s.reason, s.gate, s.device_id AS "deviceId", s.actor,
       EXISTS (SELECT 1 FROM checkin_manual_entries m WHERE m.scan_id = s.scan_id) AS manual,
       s.scanned_at AS "scannedAt", a.actor AS "annulActor", a.reason AS "annulReason",
       a.annulled_at AS "annulledAt"
     FROM checkin_scans s
     LEFT JOIN checkin_lists l ON l.id = s.list_id
     LEFT JOIN checkin_annulments a ON a.scan_id = s.scan_id
     WHERE s.ticket_id = $1
     ORDER BY s.scanned_at DESC, s.received_seq DESC LIMIT 500`,
    [ticketId],
  );
  return rows.map((r) => ({
    scanId: r.scanId,
    listId: r.listId,
    listName: r.listName,
    direction: r.direction,
    result: r.result,
    reason: r.reason,
    gate: r.gate,
    deviceId: r.deviceId,
    actor: r.actor,
    manual: r.manual,
    scannedAt: new Date(r.scannedAt).toISOString(),
    annulment:
      r.annulledAt === null
        ? null
        : {
            actor: r.annulActor!,
            reason: r.annulReason,
            annulledAt: new Date(r.annulledAt).toISOString(),
          },
  }));
}
