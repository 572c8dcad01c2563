import type Database from 'better-sqlite3';
import { DbVersionFromFutureError } from '../errors.js';
import type { WriteDb } from './handles.js';
import { searchTextOf } from '@lanyard/core';

/** One schema step; `version` is what `PRAGMA user_version` reads once it is applied. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

const v1Tables: Migration = {
  version: 1,
  name: 'tickets, lists, keys, scans, upload queue, state',
  up(db) {
    db.exec(`
      CREATE TABLE tickets (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        event_id TEXT NOT NULL,
        ticket_type_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('valid', 'revoked')),
        revision INTEGER NOT NULL,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        generation INTEGER NOT NULL
      );
      CREATE TABLE checkin_lists (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        name TEXT NOT NULL,
        ticket_type_ids TEXT NOT NULL,
        opens_at TEXT,
        closes_at TEXT,
        entry_rule TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        generation INTEGER NOT NULL
      );
      CREATE TABLE signing_keys (
        kid TEXT PRIMARY KEY,
        alg TEXT NOT NULL,
        public_key TEXT NOT NULL
      );
      -- Every scan the kiosk knows: its own (offline or online) and other devices' (from the feed).
      -- scanned_at_ms is the scanning device's clock; + clock_offset_ms gives server time.
      -- A rowid table: a new scan appends to the last page instead of landing on a random one.
      CREATE TABLE scans (
        seq INTEGER PRIMARY KEY,
        scan_id TEXT NOT NULL UNIQUE,
        event_id TEXT NOT NULL,
        list_id TEXT,
        ticket_id TEXT,
        device_id TEXT NOT NULL,
        gate TEXT,
        direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
        result TEXT NOT NULL,
        reason TEXT,
        scanned_at_ms INTEGER NOT NULL,
        clock_offset_ms INTEGER NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('offline', 'online', 'feed')),
        token TEXT,
        recorded_at_ms INTEGER NOT NULL
      );
      CREATE INDEX scans_by_ticket ON scans (ticket_id, list_id);
      CREATE TRIGGER scans_are_immutable BEFORE UPDATE ON scans
        BEGIN SELECT RAISE(ABORT, 'scans are immutable'); END;
      -- Offline scans not yet acknowledged by the server, oldest first.
      CREATE TABLE upload_queue (scan_seq INTEGER PRIMARY KEY REFERENCES scans (seq));
      -- What the server answered for each uploaded scan.
      CREATE TABLE scan_outcomes (
        scan_id TEXT PRIMARY KEY REFERENCES scans (scan_id),
        status TEXT NOT NULL,
        result TEXT NOT NULL,
        reason TEXT NOT NULL,
        duplicate INTEGER NOT NULL,
        received_at_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE agent_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        server_url TEXT NOT NULL,
        credentials TEXT NOT NULL
      );
    `);
  },
};

/** True unless a snapshot is being applied (see feed-apply.ts, which rebuilds at its end). */
const INDEXING =
  "coalesce((SELECT value FROM agent_state WHERE key = 'snapshot_active'), '0') <> '1'";

const v2AttendeeSearch: Migration = {
  version: 2,
  name: 'typo-tolerant attendee search (FTS5 trigram over a normalised name and email)',
  up(db) {
    db.exec("ALTER TABLE tickets ADD COLUMN search_text TEXT NOT NULL DEFAULT ''");
    const fill = db.prepare('UPDATE tickets SET search_text = ? WHERE seq = ?');
    const rows = db.prepare('SELECT seq, name, email FROM tickets').all() as {
      seq: number;
      name: string;
      email: string;
    }[];
    for (const row of rows) fill.run(searchTextOf(row.name, row.email), row.seq);
    db.exec(`
      CREATE VIRTUAL TABLE attendee_search USING fts5(
        search_text, content = 'tickets', content_rowid = 'seq', tokenize = 'trigram'
      );
      INSERT INTO attendee_search (attendee_search) VALUES ('rebuild');
      -- How many tickets hold each trigram, so a query can use its rarest ones.
      CREATE VIRTUAL TABLE attendee_trigrams USING fts5vocab(attendee_search, row);
      -- A snapshot (first sync) indexes nothing row by row: one rebuild at its end is ~5x faster.
      CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets WHEN ${INDEXING} BEGIN
        INSERT INTO attendee_search (rowid, search_text) VALUES (new.seq, new.search_text);
      END;
      CREATE TRIGGER tickets_search_delete AFTER DELETE ON tickets WHEN ${INDEXING} BEGIN
        INSERT INTO attendee_search (attendee_search, rowid, search_text)
          VALUES ('delete', old.seq, old.search_text);
      END;
      CREATE TRIGGER tickets_search_update AFTER UPDATE OF search_text ON tickets
        WHEN ${INDEXING} BEGIN
        INSERT INTO attendee_search (attendee_search, rowid, search_text)
          VALUES ('delete', old.seq, old.search_text);
        INSERT INTO attendee_search (rowid, search_text) VALUES (new.seq, new.search_text);
      END;
    `);
  },
};

const v3ListGates: Migration = {
  version: 3,
  name: 'gates of check-in lists, so a station at a gate picks the list the server would',
  up(db) {
    db.exec("ALTER TABLE checkin_lists ADD COLUMN gates TEXT NOT NULL DEFAULT '[]'");
  },
};

// Tickets synced before this version have none: their scans are verified in full until the
// ticket comes by again.
const v4TokenDigests: Migration = {
  version: 4,
  name: "sha256 of each ticket's current token, so a scan of it skips the signature check",
  up(db) {
    db.exec('ALTER TABLE tickets ADD COLUMN token_sha256 TEXT');
  },
};

// Scans stay immutable; an annulment (a wrong check-in corrected by staff) is kept beside them.
const v5Annulments: Migration = {
  version: 5,
  name: 'annulled admissions, which no longer count when a scan is decided offline',
  up(db) {
    db.exec('CREATE TABLE annulled_scans (scan_id TEXT PRIMARY KEY) WITHOUT ROWID');
  },
};

// JSON of the synced sessions (with their signups) of a room's list; NULL for other lists.
const v6RoomLists: Migration = {
  version: 6,
  name: "a room list's sessions and signups, so the door admits a session's people offline",
  up(db) {
    db.exec('ALTER TABLE checkin_lists ADD COLUMN sessions TEXT');
  },
};

/** Every migration, in order; append only, never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  v1Tables,
  v2AttendeeSearch,
  v3ListGates,
  v4TokenDigests,
  v5Annulments,
  v6RoomLists,
];

/** The schema version this agent writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the cache to SCHEMA_VERSION, each step in its own transaction with its version bump, so
 * a crash leaves the file at a whole version. Refuses a file from a newer agent.
 */
export function migrate(db: WriteDb, migrations: readonly Migration[] = MIGRATIONS): number {
  const target = migrations[migrations.length - 1]?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > target) throw new DbVersionFromFutureError(current, target);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return target;
}
