import type {
  PriorScan,
  ScanUploadItemInput,
  SyncChange,
  SyncPage,
  SyncScan,
  SyncTicket,
} from '@lanyard/core/browser';
import type { ScanAnswer } from './answer.js';
import { rawStore, type Db, type ScanRecord, type TicketRecord } from './db.js';

const compactScan = (s: SyncScan): ScanRecord => ({
  scanId: s.scanId,
  t: s.ticketId,
  l: s.listId,
  d: s.direction,
  res: s.result,
  at: Date.parse(s.scannedAt),
  ...(s.gate !== undefined && { g: s.gate }),
  dev: s.deviceId,
});

/** A synced ticket as the cache keeps it. */
export const compactTicket = (t: SyncTicket): TicketRecord => ({
  id: t.id,
  y: t.ticketTypeId,
  s: t.status === 'revoked' ? 1 : 0,
  r: t.revision,
  n: t.attendee.name,
  e: t.attendee.email ?? '',
});

const KNOWN: ReadonlySet<SyncChange['type']> = new Set([
  'ticket.upserted',
  'ticket.revoked',
  'checkin_list.upserted',
  'checkin_list.deleted',
  'signing_key.added',
  'signing_key.retired',
  'scan.recorded',
  'scan.annulled',
]);

/** Throws unless `body` looks like a sync page this app understands (refused whole, as kiosks do). */
export function checkPage(body: unknown): SyncPage {
  const page = body as SyncPage;
  if (
    page?.v !== 1 ||
    typeof page.cursor !== 'string' ||
    !Array.isArray(page.changes) ||
    !Array.isArray(page.keys) ||
    page.changes.some((c) => !KNOWN.has(c?.type))
  ) {
    throw new Error('the server sent a sync page this app does not understand');
  }
  return page;
}

/**
 * Applies one page in ONE transaction, with the raw stores: no promise per record, no index on
 * tickets, so a 5000-ticket page costs little more than its puts. `fresh` (the first page of a
 * snapshot after an earlier sync) drops the old tickets and lists first.
 */
export async function applyPage(db: Db, page: SyncPage, fresh: boolean): Promise<void> {
  const tx = db.transaction(['tickets', 'lists', 'scans', 'meta'], 'readwrite');
  const tickets = rawStore(tx.objectStore('tickets'));
  const lists = rawStore(tx.objectStore('lists'));
  const scans = rawStore(tx.objectStore('scans'));
  if (fresh) {
    tickets.clear();
    lists.clear();
  }
  for (const change of page.changes) {
    switch (change.type) {
      case 'ticket.upserted':
        tickets.put(compactTicket(change.ticket));
        break;
      case 'ticket.revoked': {
        const read = tickets.get(change.ticketId);
        read.onsuccess = () => {
          const known = read.result as TicketRecord | undefined;
          if (known) tickets.put({ ...known, s: 1 });
        };
        break;
      }
      case 'checkin_list.upserted':
        lists.put(change.list);
        break;
      case 'checkin_list.deleted':
        lists.delete(change.listId);
        break;
      case 'scan.recorded':
        scans.put(compactScan(change.scan));
        break;
      case 'scan.annulled':
        // An annulled admission no longer counts: the rule must not replay it.
        scans.delete(change.scanId);
        break;
      default:
        // Keys: every page lists the full trusted set, written below.
        break;
    }
  }
  const meta = rawStore(tx.objectStore('meta'));
  meta.put(page.keys, 'keys');
  meta.put({ cursor: page.cursor, lastSyncAt: Date.now() }, 'sync');
  await tx.done;
}

/** The cached ticket and its scans on one list, read together. */
export async function readTicket(
  db: Db,
  ticketId: string,
  listId: string,
): Promise<{ ticket: TicketRecord | undefined; scans: PriorScan[] }> {
  const tx = db.transaction(['tickets', 'scans'], 'readonly');
  const [ticket, records] = await Promise.all([
    tx.objectStore('tickets').get(ticketId),
    tx.objectStore('scans').index('ticket').getAll(ticketId),
  ]);
  const scans = records
    .filter((s) => s.l === listId)
    .map((s) => ({
      scanId: s.scanId,
      direction: s.d,
      result: s.res,
      scannedAt: new Date(s.at),
      ...(s.g !== undefined && { gate: s.g }),
      ...(s.dev !== undefined && { deviceId: s.dev }),
    }));
  return { ticket, scans };
}

/**
 * Records a decided scan in one transaction: in the scans the rule replays (when it names a
 * ticket), in this phone's history and, when decided offline, in the upload queue. An answer
 * shown is an answer stored.
 */
export async function recordScan(
  db: Db,
  answer: ScanAnswer,
  scan: ScanRecord | undefined,
  upload: ScanUploadItemInput | undefined,
  atMs: number,
): Promise<void> {
  const tx = db.transaction(['scans', 'history', 'outbox'], 'readwrite');
  if (scan) rawStore(tx.objectStore('scans')).put(scan);
  if (upload) rawStore(tx.objectStore('outbox')).put(upload);
  rawStore(tx.objectStore('history')).add({ ...answer, at: atMs });
  await tx.done;
}
