import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  OffsetBounds,
  PublicKeyMaterial,
  ScanDirection,
  ScanUploadItemInput,
  SyncCheckinList,
} from '@lanyard/core/browser';
import type { ScanAnswer } from './answer.js';

// The phone's offline cache in IndexedDB. Tickets are kept compact (one short-keyed object each,
// no index): a first sync writes twenty thousand of them, and a scan reads one by its id.

/** What the enrollment gave this phone, kept until it is reset. */
export interface DeviceRecord {
  deviceId: string;
  eventId: string;
  name: string;
  clientId: string;
  clientSecret: string;
  tokenEndpoint: string;
}

/** A synced ticket: type, status (1 = revoked), revision, name, email. */
export interface TicketRecord {
  id: string;
  y: string;
  s: 0 | 1;
  r: number;
  n: string;
  e: string;
}

/** A scan any device recorded, as the check-in rule replays them. */
export interface ScanRecord {
  scanId: string;
  /** Ticket and list. */
  t: string;
  l: string;
  d: ScanDirection;
  res: ScanAnswer['result'];
  /** Server time, ms. */
  at: number;
  g?: string;
  dev?: string;
}

/** One line of this phone's own history. */
export interface HistoryRecord extends ScanAnswer {
  /** This phone's clock, ms. */
  at: number;
}

export interface SyncState {
  cursor: string | undefined;
  lastSyncAt: number | undefined;
}

/** Where this phone scans: chosen once, after enrollment. */
export interface StationChoice {
  listId: string;
  gate: string | undefined;
}

/** The event's public name and ticket type names, for the answer card. */
export interface EventInfo {
  name: string;
  ticketTypes: Record<string, string>;
}

interface Meta {
  device: DeviceRecord;
  sync: SyncState;
  clock: OffsetBounds;
  keys: PublicKeyMaterial[];
  station: StationChoice;
  event: EventInfo;
}

interface StaffDb extends DBSchema {
  meta: { key: keyof Meta; value: Meta[keyof Meta] };
  tickets: { key: string; value: TicketRecord };
  lists: { key: string; value: SyncCheckinList };
  scans: { key: string; value: ScanRecord; indexes: { ticket: string } };
  outbox: { key: string; value: ScanUploadItemInput };
  history: { key: number; value: HistoryRecord };
}

export type Db = IDBPDatabase<StaffDb>;

export function openStaffDb(name = 'lanyard-staff'): Promise<Db> {
  return openDB<StaffDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('meta');
      db.createObjectStore('tickets', { keyPath: 'id' });
      db.createObjectStore('lists', { keyPath: 'id' });
      db.createObjectStore('scans', { keyPath: 'scanId' }).createIndex('ticket', 't');
      db.createObjectStore('outbox', { keyPath: 'scanId' });
      db.createObjectStore('history', { autoIncrement: true });
    },
  });
}

export async function readMeta<K extends keyof Meta>(db: Db, key: K): Promise<Meta[K] | undefined> {
  return (await db.get('meta', key)) as Meta[K] | undefined;
}

export async function writeMeta<K extends keyof Meta>(
  db: Db,
  key: K,
  value: Meta[K],
): Promise<void> {
  await db.put('meta', value, key);
}

/** The raw store of a transaction, for bulk writes that need no promise per record. */
export const rawStore = <T>(store: T) => unwrap(store as never) as unknown as IDBObjectStore;

/** Forgets everything: the enrollment, the cache and the queue (the phone is handed back). */
export async function clearAll(db: Db): Promise<void> {
  const tx = db.transaction(
    ['meta', 'tickets', 'lists', 'scans', 'outbox', 'history'],
    'readwrite',
  );
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
