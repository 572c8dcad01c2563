import Database from 'better-sqlite3';
import { join } from 'node:path';
import { tempDir } from '../../../test/support/fixtures.js';
import { DbVersionFromFutureError } from '../errors.js';
import { CACHE_FILE, openCache, type WriteDb } from './handles.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.remove());

describe('the cache schema', () => {
  it('creates a fresh cache at the latest version, in WAL mode with synchronous=NORMAL', () => {
    const cache = openCache(tmp.dir);
    expect(cache.write.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(cache.write.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.write.pragma('synchronous', { simple: true })).toBe(1);
    cache.close();
  });

  it('numbers migrations 1, 2, 3… with no gap', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('upgrades a version-1 cache to the latest, keeping its rows and indexing them for search', () => {
    const db = new Database(join(tmp.dir, CACHE_FILE)) as unknown as WriteDb;
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO tickets (id, event_id, ticket_type_id, status, revision, name, email,
       updated_at, generation) VALUES ('t1', 'e', 'tt', 'valid', 0, 'Ada', 'ada@x.org', 'now', 0)`,
    ).run();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const matches = (q: string) =>
      db.prepare('SELECT rowid FROM attendee_search WHERE attendee_search MATCH ?').all(q).length;
    expect(matches('ada')).toBe(1);
    db.prepare("UPDATE tickets SET search_text = 'grace hopper | grace' WHERE id = 't1'").run();
    expect(matches('ada')).toBe(0);
    expect(matches('hopper')).toBe(1);
    db.close();
  });

  it('refuses a cache written by a newer agent with a typed error, leaving the file untouched', () => {
    const path = join(tmp.dir, CACHE_FILE);
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    let error: unknown;
    try {
      openCache(tmp.dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbVersionFromFutureError);
    expect(error).toMatchObject({
      code: 'db_version_from_future',
      found: SCHEMA_VERSION + 1,
      supported: SCHEMA_VERSION,
    });
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(
      after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get(),
    ).toEqual({ n: 0 });
    after.close();
  });

  it('gives a read handle that cannot write, even when a caller casts its way past the types', () => {
    const cache = openCache(tmp.dir);
    expect(() => cache.read.prepare("INSERT INTO agent_state VALUES ('k', 'v')").run()).toThrow(
      /readonly/,
    );
    cache.close();
  });

  it('keeps scans immutable once written', () => {
    const cache = openCache(tmp.dir);
    cache.write
      .prepare(
        `INSERT INTO scans (scan_id, event_id, device_id, direction, result, scanned_at_ms,
         clock_offset_ms, origin, recorded_at_ms) VALUES ('s', 'e', 'd', 'entry', 'admitted', 1, 0, 'offline', 1)`,
      )
      .run();
    expect(() => cache.write.prepare("UPDATE scans SET result = 'invalid'").run()).toThrow(
      /immutable/,
    );
    cache.close();
  });
});
