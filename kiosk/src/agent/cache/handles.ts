import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AgentError } from '../errors.js';
import { migrate } from './migrations.js';

declare const readable: unique symbol;
declare const writable: unique symbol;

/** A connection opened read-only: functions taking it can only read. */
export type ReadDb = Database.Database & { readonly [readable]: true };
/** The one writing connection; it can also read (inside its own transactions). */
export type WriteDb = ReadDb & { readonly [writable]: true };

/** The kiosk's cache: one writer, one read-only reader, on the same WAL database file. */
export interface Cache {
  readonly write: WriteDb;
  readonly read: ReadDb;
  readonly path: string;
  close(): void;
}

export const CACHE_FILE = 'kiosk-cache.sqlite';

/**
 * Opens (creating and migrating) the cache in `dataDir`. WAL lets the reader see the last
 * commit while the writer works; synchronous=NORMAL in WAL mode never corrupts the file on a
 * crash and loses at most the last commits on a power cut (not on a process kill).
 * Throws DbVersionFromFutureError when a newer agent wrote the file.
 */
export function openCache(dataDir: string): Cache {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, CACHE_FILE);
  let writer: Database.Database;
  try {
    writer = new Database(path);
  } catch (cause) {
    throw new AgentError('db_open_failed', `cannot open the kiosk cache at ${path}`, { cause });
  }
  try {
    // It holds the device's credential.
    chmodSync(path, 0o600);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = NORMAL');
    writer.pragma('foreign_keys = ON');
    // Checkpoints run from the sync loop between scans (see checkpoint); this is the backstop.
    writer.pragma('wal_autocheckpoint = 10000');
    writer.pragma('busy_timeout = 5000');
    migrate(writer as WriteDb);
  } catch (error) {
    writer.close();
    throw error;
  }
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return {
    write: writer as WriteDb,
    read: reader as ReadDb,
    path,
    close() {
      reader.close();
      writer.close();
    },
  };
}

/**
 * Copies the WAL back into the database file without waiting on readers. Called after each
 * sync round, so the copy (and its fsync) happens between scans rather than inside one.
 */
export function checkpoint(cache: Cache): void {
  cache.write.pragma('wal_checkpoint(PASSIVE)');
}
