import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { DEFAULT_LIST_NAME } from './list-choice.js';
import { eventInOrganization } from './list-store.js';
import type { CheckinFlag } from './schema.js';
import { eventFlags, type StoredScan } from './scan-store.js';

/** Admissions offline devices made that the entry rule forbids, by the time they happened. */
export async function listFlags(
  db: Db,
  actor: Principal,
  eventId: string,
  limit: number,
): Promise<CheckinFlag[]> {
  if (!(await eventInOrganization(db, eventId, actor.organizationId)))
    throw notFound('event', eventId);
  const rows = await eventFlags(db, eventId, limit);
  const scan = (s: StoredScan) => ({
    scanId: s.scanId,
    deviceId: s.deviceId,
    gate: s.gate,
    scannedAt: s.scannedAt.toISOString(),
    receivedAt: s.receivedAt.toISOString(),
  });
  return rows.map((r) => ({
    ticketId: r.scan.ticketId!,
    listId: r.scan.listId,
    listName: r.listName ?? DEFAULT_LIST_NAME,
    attendee: r.attendeeName === null ? null : { name: r.attendeeName },
    scan: scan(r.scan),
    duplicateOf: scan(r.duplicateOf),
    flaggedAt: r.flaggedAt.toISOString(),
  }));
}
