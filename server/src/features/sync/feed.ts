import { SYNC_PROTOCOL_VERSION, type SyncChange, type SyncPage } from '@lanyard/core';
import type { Queryable } from '../../platform/db/db.js';
import { defaultList } from '../checkin/list-choice.js';
import { eventLists } from '../checkin/list-store.js';
import { decodeCursor, encodeCursor, type SyncCursor } from './cursor.js';
import { DomainError } from '../../platform/errors.js';
import * as store from './feed-store.js';
import * as render from './render.js';

// A first sync waits longer for in-flight writers than a delta, which may simply come back later.
const FIRST_SYNC_WAIT_MS = 5_000;

const unavailable = (code: string, message: string) =>
  new DomainError('unavailable', code, message, { retryAfterSeconds: 1 });

/** One page of the change feed, plus where the log stood (for long-polling). */
export interface FeedPage {
  page: SyncPage;
  /** Set for delta pages that found no log rows: wait for a change after this seq. */
  idleAfter?: bigint;
}

/**
 * The kiosk change feed of an event. Without a cursor: a snapshot (lists, then tickets by id,
 * then counted passages), paged, which ends in a delta cursor at the log position where it began,
 * so nothing that changed meanwhile is missed (a few changes may come twice; applying is
 * idempotent). With a delta cursor: the settled log rows after it, each rendered from its
 * entity's current state, one entry per entity and page.
 */
export async function feedPage(
  db: Queryable,
  eventId: string,
  cursorText: string | undefined,
  limit: number,
): Promise<FeedPage> {
  let cursor: SyncCursor;
  if (cursorText === undefined) {
    // The horizon is settled BEFORE any state is read, so the deltas after the snapshot cover
    // every change the snapshot might have missed.
    const start = await store.settledHorizon(db, FIRST_SYNC_WAIT_MS);
    if (start === undefined)
      throw unavailable('feed_busy', 'A long write is in progress; retry the first sync shortly.');
    cursor = { kind: 'snapshot', startSeq: start, phase: 'tickets', after: null };
  } else {
    cursor = decodeCursor(cursorText);
  }
  const [keyRows, ticketTypes] = await Promise.all([
    store.trustedKeys(db, eventId),
    store.ticketTypeNames(db, eventId),
  ]);
  const keys = keyRows.map(render.publicKeyOf);
  if (cursor.kind === 'snapshot') {
    const { changes, next } = await snapshotPage(
      db,
      eventId,
      cursor,
      cursorText === undefined,
      limit,
    );
    return {
      page: {
        v: SYNC_PROTOCOL_VERSION,
        cursor: encodeCursor(next),
        changes,
        keys,
        ticketTypes,
        hasMore: next.kind === 'snapshot',
        snapshot: true,
      },
    };
  }
  const horizon = await store.settledHorizon(db);
  const rows =
    horizon === undefined ? [] : await store.logAfter(db, eventId, cursor.seq, horizon, limit);
  const last = rows.at(-1);
  return {
    page: {
      v: SYNC_PROTOCOL_VERSION,
      cursor: encodeCursor(last ? { kind: 'delta', seq: last.seq } : cursor),
      changes: await renderRows(db, eventId, rows),
      keys,
      ticketTypes,
      hasMore: rows.length === limit,
    },
    ...(!last && { idleAfter: cursor.seq }),
  };
}

async function snapshotPage(
  db: Queryable,
  eventId: string,
  cursor: Extract<SyncCursor, { kind: 'snapshot' }>,
  first: boolean,
  limit: number,
): Promise<{ changes: SyncChange[]; next: SyncCursor }> {
  const changes: SyncChange[] = [];
  if (first) {
    const live = (await eventLists(db, eventId)).filter((l) => l.deletedAt === null);
    for (const l of live.length ? live : [defaultList(eventId, new Date())])
      changes.push(render.listUpserted(l));
  }
  if (cursor.phase === 'tickets') {
    const tickets = await store.ticketPage(db, eventId, cursor.after, limit);
    changes.push(...tickets.map(render.snapshotTicket));
    const next: SyncCursor =
      tickets.length === limit
        ? { ...cursor, after: tickets.at(-1)!.id }
        : { ...cursor, phase: 'scans', after: null };
    return { changes, next };
  }
  const scans = await store.admittedScanPage(db, eventId, cursor.after, limit);
  changes.push(...scans.map(render.scanRecorded));
  const next: SyncCursor =
    scans.length === limit
      ? { ...cursor, after: scans.at(-1)!.scan_id }
      : { kind: 'delta', seq: cursor.startSeq };
  return { changes, next };
}

/** Log rows → feed entries from each entity's current state; an entity once, at its last row. */
async function renderRows(
  db: Queryable,
  eventId: string,
  rows: store.LogRow[],
): Promise<SyncChange[]> {
  const lastIndex = new Map<string, number>();
  rows.forEach((r, i) => lastIndex.set(`${r.kind}:${r.entityId}`, i));
  const ids = (kind: store.LogRow['kind']) =>
    [...lastIndex.keys()]
      .filter((k) => k.startsWith(`${kind}:`))
      .map((k) => k.slice(kind.length + 1));

  const tickets = new Map((await store.ticketsById(db, ids('ticket'))).map((t) => [t.id, t]));
  const scans = new Map((await store.scansById(db, ids('scan'))).map((s) => [s.scan_id, s]));
  const keys = ids('signing_key').length
    ? new Map((await store.trustedKeys(db, eventId)).map((k) => [k.kid, k]))
    : new Map<string, store.KeyRow>();
  const lists = ids('checkin_list').length ? await eventLists(db, eventId) : [];
  const liveLists = lists.filter((l) => l.deletedAt === null);
  const now = new Date();

  const changes: SyncChange[] = [];
  rows.forEach((r, i) => {
    if (lastIndex.get(`${r.kind}:${r.entityId}`) !== i) return;
    const change = renderOne(r, eventId, { tickets, scans, keys, lists, liveLists, now });
    if (change) changes.push(change);
  });
  return changes;
}

function renderOne(
  r: store.LogRow,
  eventId: string,
  s: {
    tickets: Map<string, store.TicketRow>;
    scans: Map<string, store.ScanRow>;
    keys: Map<string, store.KeyRow>;
    lists: Awaited<ReturnType<typeof eventLists>>;
    liveLists: Awaited<ReturnType<typeof eventLists>>;
    now: Date;
  },
): SyncChange | undefined {
  switch (r.kind) {
    case 'ticket': {
      const t = s.tickets.get(r.entityId);
      return t && render.deltaTicket(t);
    }
    case 'scan': {
      const scan = s.scans.get(r.entityId);
      return scan && render.scanRecorded(scan);
    }
    case 'signing_key':
      return render.keyChange(r.entityId, s.keys.get(r.entityId), s.now);
    case 'checkin_list': {
      if (r.entityId === eventId) {
        return s.liveLists.length
          ? render.listDeleted(eventId, eventId)
          : render.listUpserted(defaultList(eventId, s.now));
      }
      const list = s.lists.find((l) => l.id === r.entityId);
      if (!list) return undefined;
      return list.deletedAt ? render.listDeleted(list.id, eventId) : render.listUpserted(list);
    }
  }
}
