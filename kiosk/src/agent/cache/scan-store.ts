import type {
  CheckinReason,
  CheckinResult,
  ScanDirection,
  ScanOutcome,
  ScanUploadItemInput,
  SyncScan,
} from '@lanyard/core';
import type { ReadDb, WriteDb } from './handles.js';
import { statement } from './statements.js';

/** A scan this kiosk made. Immutable once written. */
export interface LocalScan {
  scanId: string;
  eventId: string;
  listId?: string;
  ticketId?: string;
  deviceId: string;
  gate?: string;
  direction: ScanDirection;
  result: CheckinResult;
  reason?: string;
  /** This device's clock at the scan. */
  scannedAtMs: number;
  /** Server time minus device time as known at the scan. */
  clockOffsetMs: number;
  /** `offline`: decided here and queued for upload; `online`: the server decided and holds it. */
  origin: 'offline' | 'online';
  /** The scanned text, kept for the upload (the server re-judges it). */
  token: string;
}

const INSERT_SCAN = `INSERT OR IGNORE INTO scans (scan_id, event_id, list_id, ticket_id, device_id,
  gate, direction, result, reason, scanned_at_ms, clock_offset_ms, origin, token, recorded_at_ms)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Records a scan of this kiosk; an offline one also joins the upload queue. Returns false when
 * the scanId was already recorded (nothing changes then). Call inside the deciding transaction.
 */
export function recordLocalScan(db: WriteDb, scan: LocalScan, now = Date.now()): boolean {
  const { changes, lastInsertRowid } = statement(db, INSERT_SCAN).run(
    scan.scanId,
    scan.eventId,
    scan.listId ?? null,
    scan.ticketId ?? null,
    scan.deviceId,
    scan.gate ?? null,
    scan.direction,
    scan.result,
    scan.reason ?? null,
    scan.scannedAtMs,
    scan.clockOffsetMs,
    scan.origin,
    scan.token,
    now,
  );
  if (changes === 0) return false;
  if (scan.origin === 'offline') {
    statement(db, 'INSERT INTO upload_queue (scan_seq) VALUES (?)').run(lastInsertRowid);
  }
  return true;
}

/** Remembers an admission the server annulled: the offline rule no longer counts it. */
export function recordAnnulment(db: WriteDb, scanId: string): void {
  statement(db, 'INSERT OR IGNORE INTO annulled_scans (scan_id) VALUES (?)').run(
    scanId.toLowerCase(),
  );
}

/** Records another device's scan from the change feed; this kiosk's own come back and are ignored. */
export function recordFeedScan(db: WriteDb, scan: SyncScan, now = Date.now()): void {
  statement(db, INSERT_SCAN).run(
    scan.scanId,
    scan.eventId,
    scan.listId,
    scan.ticketId,
    scan.deviceId,
    scan.gate ?? null,
    scan.direction,
    scan.result,
    null,
    Date.parse(scan.scannedAt),
    0,
    'feed',
    null,
    now,
  );
}

interface QueuedRow {
  scan_id: string;
  token: string;
  scanned_at_ms: number;
  clock_offset_ms: number;
  device_id: string;
  gate: string | null;
  direction: ScanDirection;
  list_id: string | null;
  result: CheckinResult;
}

/** The oldest queued scans, shaped for `POST /scans`. */
export function queuedUploads(db: ReadDb, limit: number): ScanUploadItemInput[] {
  const rows = statement(
    db,
    `SELECT s.scan_id, s.token, s.scanned_at_ms, s.clock_offset_ms, s.device_id, s.gate, s.direction, s.list_id,
       s.result
     FROM upload_queue q JOIN scans s ON s.seq = q.scan_seq ORDER BY q.scan_seq LIMIT ?`,
  ).all(limit) as QueuedRow[];
  return rows.map((r) => ({
    scanId: r.scan_id,
    token: r.token,
    // This device's clock and its offset to the server's as known then: the server adds them.
    scannedAt: new Date(r.scanned_at_ms).toISOString(),
    clockOffsetMs: r.clock_offset_ms,
    deviceId: r.device_id,
    direction: r.direction,
    deviceResult: r.result,
    ...(r.gate !== null && { gate: r.gate }),
    ...(r.list_id !== null && { listId: r.list_id }),
  }));
}

/** How many scans wait for upload. */
export function queuedCount(db: ReadDb): number {
  return (statement(db, 'SELECT count(*) AS n FROM upload_queue').get() as { n: number }).n;
}

/**
 * Stores the server's outcomes and takes those scans off the queue, in one transaction, so a
 * crash between upload and acknowledgement only causes a replay (which the server ignores).
 */
export function acknowledgeUploads(
  db: WriteDb,
  outcomes: readonly ScanOutcome[],
  now = Date.now(),
): void {
  const save = statement(
    db,
    `INSERT INTO scan_outcomes (scan_id, status, result, reason, duplicate, received_at_ms)
     SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM scans WHERE scan_id = ?)
     ON CONFLICT (scan_id) DO UPDATE SET status = excluded.status, result = excluded.result,
       reason = excluded.reason, duplicate = excluded.duplicate,
       received_at_ms = excluded.received_at_ms`,
  );
  const dequeue = statement(
    db,
    'DELETE FROM upload_queue WHERE scan_seq = (SELECT seq FROM scans WHERE scan_id = ?)',
  );
  db.transaction(() => {
    for (const o of outcomes) {
      save.run(o.scanId, o.status, o.result, o.reason, o.duplicate ? 1 : 0, now, o.scanId);
      dequeue.run(o.scanId);
    }
  })();
}

/** The server's verdict on one uploaded scan, when known. */
export function uploadOutcome(
  db: ReadDb,
  scanId: string,
): { result: CheckinResult; reason: CheckinReason; duplicate: boolean } | undefined {
  const row = statement(
    db,
    'SELECT result, reason, duplicate FROM scan_outcomes WHERE scan_id = ?',
  ).get(scanId) as { result: CheckinResult; reason: CheckinReason; duplicate: number } | undefined;
  return row && { result: row.result, reason: row.reason, duplicate: row.duplicate === 1 };
}

/** A scan already recorded under this id, as first answered; a retried request gets the same. */
export function findScan(
  db: ReadDb,
  scanId: string,
):
  | {
      result: CheckinResult;
      reason: string | null;
      direction: ScanDirection;
      ticketId: string | null;
      origin: 'offline' | 'online' | 'feed';
      attendeeName: string | null;
      ticketTypeId: string | null;
    }
  | undefined {
  const row = statement(
    db,
    `SELECT s.result, s.reason, s.direction, s.ticket_id AS ticketId, s.origin,
       t.name AS attendeeName, t.ticket_type_id AS ticketTypeId
     FROM scans s LEFT JOIN tickets t ON t.id = s.ticket_id WHERE s.scan_id = ?`,
  ).get(scanId);
  return row as ReturnType<typeof findScan>;
}
