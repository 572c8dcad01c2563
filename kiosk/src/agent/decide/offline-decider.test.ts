import { randomUUID } from 'node:crypto';
import { generateSigningKey, signTicketToken, ticketTokenSha256 } from '@lanyard/core';
import {
  deviceId,
  eventId,
  key,
  listId,
  listOf,
  pageOf,
  tempDir,
  ticketFor,
  tokenFor,
  upserted,
} from '../../../test/support/fixtures.js';
import { applyPage } from '../cache/feed-apply.js';
import { openCache, type Cache } from '../cache/handles.js';
import { queuedCount, queuedUploads } from '../cache/scan-store.js';
import { writeState } from '../cache/state-store.js';
import { OfflineDecider } from './offline-decider.js';

let tmp: ReturnType<typeof tempDir>;
let cache: Cache;
let decider: OfflineDecider;
const ada = ticketFor(0);
const grace = ticketFor(1);

const scan = (
  data: string,
  extra: { scanId?: string; direction?: 'entry' | 'exit'; at?: number } = {},
) =>
  decider.decideNow({
    scanId: extra.scanId ?? randomUUID(),
    data,
    direction: extra.direction ?? 'entry',
    scannedAtMs: extra.at ?? Date.now(),
  });

beforeEach(() => {
  tmp = tempDir();
  cache = openCache(tmp.dir);
  decider = new OfflineDecider(cache.write, { eventId, deviceId, gate: 'north' });
  applyPage(
    cache.write,
    pageOf([upserted(ada), upserted(grace), { type: 'checkin_list.upserted', list: listOf() }]),
  );
});
afterEach(() => {
  cache.close();
  tmp.remove();
});

describe('deciding offline from the cache', () => {
  it('admits a valid ticket once and names the attendee', () => {
    expect(scan(tokenFor(ada))).toMatchObject({
      result: 'admitted',
      reason: 'entry',
      offline: true,
      ticketId: ada.id,
      attendee: { name: ada.attendee.name },
    });
  });

  it('answers already_checked_in the second time, saying where the ticket got in', () => {
    scan(tokenFor(ada));
    const second = scan(tokenFor(ada));
    expect(second).toMatchObject({
      result: 'already_checked_in',
      previousAdmission: { gate: 'north', deviceId },
    });
  });

  it('refuses a ticket another device admitted, once that scan arrived by sync', () => {
    applyPage(
      cache.write,
      pageOf([
        {
          type: 'scan.recorded',
          scan: {
            scanId: randomUUID(),
            eventId,
            listId,
            ticketId: grace.id,
            deviceId: randomUUID(),
            direction: 'entry',
            result: 'admitted',
            scannedAt: new Date(Date.now() - 60_000).toISOString(),
          },
        },
      ]),
    );
    expect(scan(tokenFor(grace)).result).toBe('already_checked_in');
  });

  it('refuses a ticket revoked by the last sync', () => {
    applyPage(
      cache.write,
      pageOf([{ type: 'ticket.revoked', ticketId: ada.id, eventId, revokedAt: ada.updatedAt }]),
    );
    expect(scan(tokenFor(ada))).toMatchObject({ result: 'revoked', reason: 'revoked' });
  });

  it('refuses the old token of a reissued ticket as superseded', () => {
    applyPage(cache.write, pageOf([upserted({ ...ada, revision: 1 })]));
    expect(scan(tokenFor(ada, 0))).toMatchObject({ result: 'revoked', reason: 'superseded' });
    expect(scan(tokenFor(ada, 1)).result).toBe('admitted');
  });

  it('refuses garbage, a forged signature, another event and a ticket it never synced', () => {
    expect(scan('hello world')).toMatchObject({ result: 'invalid', reason: 'malformed' });
    expect(scan(tokenFor(ada).slice(0, -6) + 'AAAAAA')).toMatchObject({
      result: 'invalid',
      reason: 'bad_signature',
    });
    const foreign = signTicketToken(
      { eventId: randomUUID(), ticketId: ada.id, ticketTypeId: ada.ticketTypeId },
      key,
    );
    expect(scan(foreign)).toMatchObject({ result: 'invalid', reason: 'wrong_event' });
    expect(scan(tokenFor(ticketFor(99)))).toMatchObject({
      result: 'invalid',
      reason: 'unknown_ticket',
    });
  });

  it('trusts the token whose digest the sync brought, and checks any other text in full', () => {
    // Signed by a stranger under the event's kid: only the synced digest can vouch for it.
    const vouched = signTicketToken(
      { eventId, ticketId: ada.id, ticketTypeId: ada.ticketTypeId },
      generateSigningKey(key.kid),
    );
    expect(scan(vouched)).toMatchObject({ result: 'invalid', reason: 'bad_signature' });
    applyPage(cache.write, pageOf([upserted({ ...ada, tokenSha256: ticketTokenSha256(vouched) })]));
    expect(scan(vouched)).toMatchObject({ result: 'admitted', ticketId: ada.id });
    const forged = signTicketToken(
      { eventId, ticketId: grace.id, ticketTypeId: grace.ticketTypeId },
      generateSigningKey(key.kid),
    );
    applyPage(
      cache.write,
      pageOf([upserted({ ...grace, tokenSha256: ticketTokenSha256(tokenFor(grace)) })]),
    );
    expect(scan(forged)).toMatchObject({ result: 'invalid', reason: 'bad_signature' });
    expect(scan(tokenFor(grace)).result).toBe('admitted');
  });

  it('admits a ticket sold after the last sync only when the station allows it', () => {
    const lenient = new OfflineDecider(cache.write, {
      eventId,
      deviceId,
      admitUnknownTickets: true,
    });
    const fresh = ticketFor(42);
    const answer = lenient.decideNow({
      scanId: randomUUID(),
      data: tokenFor(fresh),
      direction: 'entry',
      scannedAtMs: Date.now(),
    });
    expect(answer).toMatchObject({ result: 'admitted', ticketId: fresh.id });
  });

  it('refuses everything with no_list before the first sync brought a check-in list', () => {
    applyPage(cache.write, pageOf([{ type: 'checkin_list.deleted', listId, eventId }]));
    expect(scan(tokenFor(ada))).toMatchObject({ result: 'invalid', reason: 'no_list' });
  });

  it('records every scan, garbage too, and queues each for upload once', () => {
    const scanId = randomUUID();
    scan(tokenFor(ada), { scanId });
    scan('garbage');
    expect(queuedCount(cache.read)).toBe(2);
    const [first] = queuedUploads(cache.read, 10);
    expect(first).toMatchObject({
      scanId,
      token: tokenFor(ada),
      deviceId,
      gate: 'north',
      deviceResult: 'admitted',
      listId,
    });
  });

  it('queues a scan with the offset to the server clock it had when it scanned', () => {
    writeState(cache.write, 'clock_offset_ms', -90_000);
    scan(tokenFor(ada), { at: Date.parse('2030-01-01T09:01:30.000Z') });
    writeState(cache.write, 'clock_offset_ms', 0);
    expect(queuedUploads(cache.read, 10)[0]).toMatchObject({
      scannedAt: '2030-01-01T09:01:30.000Z',
      clockOffsetMs: -90_000,
    });
  });

  it('answers a retried scanId as it first did, without recording it twice', () => {
    const scanId = randomUUID();
    const first = scan(tokenFor(ada), { scanId });
    const again = scan(tokenFor(ada), { scanId });
    expect(again).toMatchObject({ result: first.result, reason: first.reason, ticketId: ada.id });
    expect(queuedCount(cache.read)).toBe(1);
  });

  it('judges time by the server clock: a list closed on the server is closed here too', () => {
    const closesAt = new Date(Date.now() + 30_000).toISOString();
    applyPage(cache.write, pageOf([{ type: 'checkin_list.upserted', list: listOf({ closesAt }) }]));
    expect(scan(tokenFor(grace)).result).toBe('admitted');
    // This device's clock is a minute behind the server's: the list already closed.
    writeState(cache.write, 'clock_offset_ms', 60_000);
    expect(scan(tokenFor(ada))).toMatchObject({ result: 'invalid', reason: 'outside_window' });
  });

  it('checks against the list serving its gate, as the server would, else the first by name', () => {
    const backstage = {
      id: randomUUID(),
      name: 'Backstage',
      ticketTypeIds: [randomUUID()],
      gates: ['stage'],
    };
    applyPage(
      cache.write,
      pageOf([
        { type: 'checkin_list.upserted', list: listOf({ gates: ['north', 'main'] }) },
        { type: 'checkin_list.upserted', list: listOf(backstage) },
      ]),
    );
    const at = (gate?: string) =>
      new OfflineDecider(cache.write, { eventId, deviceId, ...(gate && { gate }) }).decideNow({
        scanId: randomUUID(),
        data: tokenFor(ada),
        direction: 'entry',
        scannedAtMs: Date.now(),
      });
    expect(at('stage')).toMatchObject({ result: 'invalid', reason: 'not_on_list' });
    expect(at()).toMatchObject({ result: 'invalid', reason: 'not_on_list' });
    expect(at('north')).toMatchObject({ result: 'admitted' });
    expect(queuedUploads(cache.read, 10).map((s) => s.listId)).toEqual([
      backstage.id,
      backstage.id,
      listId,
    ]);
  });

  it('lets a checked-in attendee leave and, on a single-entry list, not come back', () => {
    scan(tokenFor(ada));
    expect(scan(tokenFor(ada), { direction: 'exit' })).toMatchObject({
      result: 'admitted',
      reason: 'exit',
    });
    expect(scan(tokenFor(ada)).result).toBe('already_checked_in');
    expect(scan(tokenFor(grace), { direction: 'exit' })).toMatchObject({
      result: 'invalid',
      reason: 'not_checked_in',
    });
  });
});
