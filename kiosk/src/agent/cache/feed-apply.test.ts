import { randomUUID } from 'node:crypto';
import { generateSigningKey, toPublicKeyMaterial } from '@lanyard/core';
import {
  eventId,
  listId,
  listOf,
  pageOf,
  publicKey,
  tempDir,
  ticketFor,
  upserted,
} from '../../../test/support/fixtures.js';
import { searchAttendees } from './attendee-search.js';
import { applyPage } from './feed-apply.js';
import { openCache, type Cache } from './handles.js';
import { readCursor } from './state-store.js';
import { findList, findTicket, priorScans, ticketCount, trustedKeys } from './ticket-store.js';

let tmp: ReturnType<typeof tempDir>;
let cache: Cache;
beforeEach(() => {
  tmp = tempDir();
  cache = openCache(tmp.dir);
});
afterEach(() => {
  cache.close();
  tmp.remove();
});

/** Another device's admission of the ticket on the list, as the feed carries it. */
const admissionOf = (ticketId: string) => ({
  scanId: randomUUID(),
  eventId,
  listId,
  ticketId,
  deviceId: randomUUID(),
  direction: 'entry' as const,
  result: 'admitted' as const,
  scannedAt: '2030-06-01T09:00:00.000Z',
});

describe('applying change-feed pages', () => {
  it('stores tickets, lists and keys and advances the cursor', () => {
    const ada = ticketFor(0);
    applyPage(
      cache.write,
      pageOf([upserted(ada), { type: 'checkin_list.upserted', list: listOf() }], { cursor: 'c1' }),
    );
    expect(readCursor(cache.read)).toBe('c1');
    expect(findTicket(cache.read, ada.id)).toMatchObject({
      status: 'valid',
      attendeeName: 'Ada Lovelace0',
    });
    expect(findList(cache.read, eventId)).toMatchObject({
      id: listId,
      entryRule: 'single',
      ticketTypeIds: 'all',
    });
    expect(trustedKeys(cache.read)).toEqual([publicKey]);
  });

  it('is harmless to apply twice', () => {
    const page = pageOf([upserted(ticketFor(1)), upserted(ticketFor(2))]);
    applyPage(cache.write, page);
    applyPage(cache.write, page);
    expect(ticketCount(cache.read)).toBe(2);
  });

  it('revokes a cached ticket, and remembers the revocation of one it never saw', () => {
    const ada = ticketFor(0);
    const stranger = randomUUID();
    applyPage(cache.write, pageOf([upserted(ada)]));
    applyPage(
      cache.write,
      pageOf([
        { type: 'ticket.revoked', ticketId: ada.id, eventId, revokedAt: ada.updatedAt },
        { type: 'ticket.revoked', ticketId: stranger, eventId, revokedAt: ada.updatedAt },
      ]),
    );
    expect(findTicket(cache.read, ada.id)?.status).toBe('revoked');
    expect(findTicket(cache.read, stranger)?.status).toBe('revoked');
  });

  it('replaces the trusted keys with the set the page carries', () => {
    const next = toPublicKeyMaterial(generateSigningKey('k2'));
    applyPage(cache.write, pageOf([], { keys: [next] }));
    expect(trustedKeys(cache.read)).toEqual([next]);
  });

  it("keeps other devices' scans once, ignoring a repeat of the same scanId", () => {
    const ada = ticketFor(0);
    const scan = admissionOf(ada.id);
    applyPage(cache.write, pageOf([{ type: 'scan.recorded', scan }]));
    applyPage(cache.write, pageOf([{ type: 'scan.recorded', scan }]));
    const scans = priorScans(cache.read, ada.id, listId);
    expect(scans).toHaveLength(1);
    expect(scans[0]!.scannedAt.toISOString()).toBe(scan.scannedAt);
  });

  it('forgets an admission the server annulled, so the ticket may enter again offline', () => {
    const ada = ticketFor(1);
    const scan = admissionOf(ada.id);
    applyPage(cache.write, pageOf([upserted(ada), { type: 'scan.recorded', scan }]));
    expect(priorScans(cache.read, ada.id, listId)).toHaveLength(1);
    const annulled = {
      type: 'scan.annulled' as const,
      scanId: scan.scanId.toUpperCase(),
      eventId,
      ticketId: ada.id,
      listId,
      annulledAt: '2030-06-01T09:01:00.000Z',
    };
    applyPage(cache.write, pageOf([annulled]));
    applyPage(cache.write, pageOf([annulled]));
    expect(priorScans(cache.read, ada.id, listId)).toEqual([]);
  });

  it('drops tickets and lists a finished snapshot did not mention', () => {
    const kept = ticketFor(1);
    const gone = ticketFor(2);
    applyPage(
      cache.write,
      pageOf([upserted(kept), upserted(gone), { type: 'checkin_list.upserted', list: listOf() }]),
    );
    applyPage(cache.write, pageOf([upserted(kept)], { snapshot: true, hasMore: true }));
    expect(ticketCount(cache.read)).toBe(2);
    applyPage(cache.write, pageOf([], { snapshot: true, hasMore: false }));
    expect(findTicket(cache.read, kept.id)).toBeDefined();
    expect(findTicket(cache.read, gone.id)).toBeUndefined();
    expect(findList(cache.read, eventId)).toBeUndefined();
  });

  it('leaves nothing of a page whose transaction fails half-way', () => {
    applyPage(cache.write, pageOf([upserted(ticketFor(1))], { cursor: 'before' }));
    const broken = pageOf(
      [upserted(ticketFor(2)), upserted({ ...ticketFor(3), status: 'lost' as 'valid' })],
      {
        cursor: 'after',
      },
    );
    expect(() => applyPage(cache.write, broken)).toThrow();
    expect(readCursor(cache.read)).toBe('before');
    expect(ticketCount(cache.read)).toBe(1);
  });
});

describe('a snapshot and the attendee search', () => {
  it('indexes the tickets of a snapshot for search once its last page is applied', () => {
    const ada = ticketFor(0, { attendee: { name: 'Ada Lovelace', email: 'ada@example.org' } });
    applyPage(cache.write, pageOf([upserted(ada)], { snapshot: true, hasMore: true }));
    applyPage(cache.write, pageOf([upserted(ticketFor(20))], { snapshot: true, hasMore: false }));
    expect(searchAttendees(cache.read, 'lovelace').map((m) => m.ticketId)).toEqual([ada.id]);
    // Later deltas keep the index current row by row.
    applyPage(
      cache.write,
      pageOf([upserted({ ...ada, attendee: { name: 'Ada King', email: 'ada@example.org' } })]),
    );
    expect(searchAttendees(cache.read, 'lovelace')).toEqual([]);
    expect(searchAttendees(cache.read, 'ada king')[0]?.ticketId).toBe(ada.id);
  });
});
