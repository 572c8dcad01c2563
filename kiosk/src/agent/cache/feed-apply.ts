import type { SyncChange, SyncPage } from '@lanyard/core';
import type { WriteDb } from './handles.js';
import { searchTextOf } from '@lanyard/core';
import { recordAnnulment, recordFeedScan } from './scan-store.js';
import { readState, writeState } from './state-store.js';
import { statement } from './statements.js';

const UPSERT_TICKET = `INSERT INTO tickets (id, event_id, ticket_type_id, status, revision, name,
    email, updated_at, generation, search_text, token_sha256)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id,
    ticket_type_id = excluded.ticket_type_id, status = excluded.status,
    revision = excluded.revision, name = excluded.name, email = excluded.email,
    updated_at = excluded.updated_at, generation = excluded.generation,
    search_text = excluded.search_text, token_sha256 = excluded.token_sha256`;

// A revocation of a ticket the cache never saw still leaves a tombstone, so a kiosk that admits
// unknown tickets cannot let it in.
const REVOKE_TICKET = `INSERT INTO tickets (id, event_id, ticket_type_id, status, revision, name,
    email, updated_at, generation) VALUES (?, ?, '', 'revoked', 0, '', '', ?, ?)
  ON CONFLICT (id) DO UPDATE SET status = 'revoked', updated_at = excluded.updated_at,
    generation = excluded.generation`;

const UPSERT_LIST = `INSERT INTO checkin_lists (id, event_id, name, ticket_type_ids, opens_at,
    closes_at, entry_rule, gates, sessions, updated_at, generation)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, name = excluded.name,
    ticket_type_ids = excluded.ticket_type_ids, opens_at = excluded.opens_at,
    closes_at = excluded.closes_at, entry_rule = excluded.entry_rule, gates = excluded.gates,
    sessions = excluded.sessions, updated_at = excluded.updated_at, generation = excluded.generation`;

function applyChange(db: WriteDb, change: SyncChange, generation: number, now: number): void {
  switch (change.type) {
    case 'ticket.upserted': {
      const t = change.ticket;
      const { name, email = '' } = t.attendee;
      statement(db, UPSERT_TICKET).run(
        t.id.toLowerCase(),
        t.eventId.toLowerCase(),
        t.ticketTypeId.toLowerCase(),
        t.status,
        t.revision,
        name,
        email,
        t.updatedAt,
        generation,
        searchTextOf(name, email),
        t.tokenSha256 ?? null,
      );
      return;
    }
    case 'ticket.revoked':
      statement(db, REVOKE_TICKET).run(
        change.ticketId.toLowerCase(),
        change.eventId.toLowerCase(),
        change.revokedAt,
        generation,
      );
      return;
    case 'checkin_list.upserted': {
      const l = change.list;
      statement(db, UPSERT_LIST).run(
        l.id.toLowerCase(),
        l.eventId.toLowerCase(),
        l.name,
        JSON.stringify(
          l.ticketTypeIds === 'all' ? 'all' : l.ticketTypeIds.map((id) => id.toLowerCase()),
        ),
        l.opensAt,
        l.closesAt,
        l.entryRule,
        JSON.stringify(l.gates ?? []),
        l.sessions ? JSON.stringify(l.sessions) : null,
        l.updatedAt,
        generation,
      );
      return;
    }
    case 'checkin_list.deleted':
      statement(db, 'DELETE FROM checkin_lists WHERE id = ?').run(change.listId.toLowerCase());
      return;
    case 'signing_key.added':
      statement(
        db,
        `INSERT INTO signing_keys (kid, alg, public_key) VALUES (?, ?, ?)
         ON CONFLICT (kid) DO UPDATE SET alg = excluded.alg, public_key = excluded.public_key`,
      ).run(change.key.kid, change.key.alg, change.key.publicKey);
      return;
    case 'signing_key.retired':
      statement(db, 'DELETE FROM signing_keys WHERE kid = ?').run(change.kid);
      return;
    case 'scan.recorded':
      recordFeedScan(
        db,
        {
          ...change.scan,
          scanId: change.scan.scanId.toLowerCase(),
          eventId: change.scan.eventId.toLowerCase(),
          listId: change.scan.listId.toLowerCase(),
          ticketId: change.scan.ticketId.toLowerCase(),
        },
        now,
      );
      return;
    case 'scan.annulled':
      recordAnnulment(db, change.scanId);
      return;
  }
}

/**
 * Ends a snapshot: drops tickets and lists it did not mention (deleted while we were away) and
 * rebuilds the search index, which row triggers leave alone while a snapshot runs.
 */
function finishSnapshot(db: WriteDb, generation: number): void {
  statement(db, 'DELETE FROM tickets WHERE generation < ?').run(generation);
  statement(db, 'DELETE FROM checkin_lists WHERE generation < ?').run(generation);
  statement(db, "INSERT INTO attendee_search (attendee_search) VALUES ('rebuild')").run();
  writeState(db, 'snapshot_active', '0');
}

/**
 * Applies one change-feed page and advances the cursor in ONE transaction: after a crash the
 * cache is at the end of some whole page and the next pull starts right after it. Applying a
 * page twice is harmless (upserts, removals, scans by id). `keys` replaces the trusted key set.
 */
export function applyPage(db: WriteDb, page: SyncPage, now = Date.now()): void {
  db.transaction(() => {
    let generation = Number(readState(db, 'generation') ?? 0);
    const snapshotActive = readState(db, 'snapshot_active') === '1';
    if (page.snapshot && !snapshotActive) {
      generation += 1;
      writeState(db, 'generation', generation);
      writeState(db, 'snapshot_active', '1');
    } else if (!page.snapshot && snapshotActive) {
      // The server moved past the snapshot without marking its last page.
      finishSnapshot(db, generation);
    }

    for (const change of page.changes) applyChange(db, change, generation, now);

    statement(db, 'DELETE FROM signing_keys').run();
    const addKey = statement(
      db,
      'INSERT INTO signing_keys (kid, alg, public_key) VALUES (?, ?, ?)',
    );
    for (const key of page.keys) addKey.run(key.kid, key.alg, key.publicKey);

    if (page.snapshot && !page.hasMore) finishSnapshot(db, generation);
    writeState(db, 'cursor', page.cursor);
  })();
}
