import type { ReadDb, WriteDb } from './handles.js';
import { statement } from './statements.js';

/** The agent's own bookkeeping, one value per key. */
export type StateKey =
  | 'cursor'
  | 'last_sync_at'
  | 'clock_offset_ms'
  /** What answers so far say about that offset (JSON OffsetBounds), narrowed by each answer. */
  | 'clock_bounds'
  /** Fingerprint of the code this device enrolled with: the same code again is no new enrollment. */
  | 'enrollment_code'
  /** Bumped when a snapshot starts; rows the snapshot does not restamp are dropped at its end. */
  | 'generation'
  | 'snapshot_active';

export function readState(db: ReadDb, key: StateKey): string | undefined {
  const row = statement(db, 'SELECT value FROM agent_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

const versions = new WeakMap<object, number>();

/**
 * Counts state writes on this connection. Every applied page writes the cursor, so a reader
 * caching what it derived from the cache (keyring, list) refreshes when this moves.
 */
export function stateVersion(db: ReadDb): number {
  return versions.get(db) ?? 0;
}

export function writeState(db: WriteDb, key: StateKey, value: string | number): void {
  versions.set(db, stateVersion(db) + 1);
  statement(
    db,
    'INSERT INTO agent_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, String(value));
}

/** The sync cursor: where the next pull starts; undefined before the first page. */
export function readCursor(db: ReadDb): string | undefined {
  return readState(db, 'cursor');
}

/** Server time minus this device's clock, in ms, as last measured; 0 before any answer. */
export function readClockOffset(db: ReadDb): number {
  return Number(readState(db, 'clock_offset_ms') ?? 0);
}
