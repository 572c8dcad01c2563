import Database from 'better-sqlite3';
import { join } from 'node:path';
import { scanUploadResultSchema, type ScanUploadItemInput } from '@lanyard/core';
import {
  clientToken,
  eventWithTickets,
  type SoldEvent,
} from '../../../server/src/features/checkin/test-support/checkin-fixtures.js';
import { json } from '../../../server/src/features/ticketing/test-support/ticket-fixtures.js';
import { CACHE_FILE, type ReadDb } from '../../src/agent/cache/handles.js';
import { queuedUploads } from '../../src/agent/cache/scan-store.js';
import { enrollStation } from '../../src/agent/enrollment/enroll-station.js';
import {
  caughtUp,
  flagsOf,
  openVenue,
  startStation,
  storedCounts,
  until,
  type Station,
  type Venue,
} from './support/venue.js';

// Acceptance: what a station does with bad inputs, against a real server.
describe('a station given bad inputs [postgres]', () => {
  let venue: Venue;
  let other: SoldEvent;
  let a: Station;

  beforeAll(async () => {
    venue = await openVenue(4);
    other = await eventWithTickets(venue.t, 1);
    a = await startStation(venue, 'A');
    await until('the station synced', () => caughtUp(a.api, 0));
  });
  afterAll(async () => {
    await a?.stop();
    await venue?.close();
  });

  it('answers garbage, a forged code and another event’s ticket as invalid, online and offline, and counts none', async () => {
    const [ticket] = venue.ev.tickets;
    const foreign = other.tickets[0]!.token;
    const forged = `${ticket!.token.slice(0, -6)}AAAAAA`;
    const online = [
      await a.api.scan('garbage'),
      await a.api.scan(forged),
      await a.api.scan(foreign),
    ];
    // Each event signs with its own keys: another event's ticket carries a key this one never had.
    expect(online.map((s) => [s.result, s.reason, s.offline])).toEqual([
      ['invalid', 'malformed', false],
      ['invalid', 'bad_signature', false],
      ['invalid', 'unknown_key', false],
    ]);
    await venue.network.cut();
    const offline = [
      await a.api.scan('garbage'),
      await a.api.scan(forged),
      await a.api.scan(foreign),
    ];
    expect(offline.map((s) => [s.result, s.reason, s.offline])).toEqual([
      ['invalid', 'malformed', true],
      ['invalid', 'bad_signature', true],
      ['invalid', 'unknown_key', true],
    ]);
    const mended = Date.now();
    await venue.network.mend();
    await until('the station uploaded', () => caughtUp(a.api, mended));

    const ids = [...online, ...offline].map((s) => s.scanId);
    const { rows } = await venue.t.server.db.query<{ result: string; ticket_id: string | null }>(
      'SELECT result, ticket_id FROM checkin_scans WHERE scan_id = ANY($1::uuid[])',
      [ids],
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.result === 'invalid' && r.ticket_id === null)).toBe(true);
    // The other event's ticket is still unused there.
    const { rows: there } = await venue.t.server.db.query(
      'SELECT 1 FROM checkin_scans WHERE event_id = $1',
      [other.eventId],
    );
    expect(there).toEqual([]);
  });

  it('refuses malformed requests to its local API with a reason', async () => {
    const cases: [string | object, number, string][] = [
      ['{"data": ', 400, 'bad_json'],
      [{ data: '' }, 400, 'bad_data'],
      [{ data: 42 }, 400, 'bad_data'],
      [{ data: 'x', direction: 'sideways' }, 400, 'bad_data'],
      [{ data: 'x'.repeat(20_000) }, 413, 'body_too_large'],
    ];
    for (const [body, status, code] of cases) {
      const res = await a.api.post('/api/scan', body);
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([status, code]);
    }
  });

  it('ignores a replayed upload batch: every scan answered as a replay, nothing counted twice', async () => {
    const [, ticket] = venue.ev.tickets;
    await venue.network.cut();
    const scans = [await a.api.scan(ticket!.token), await a.api.scan(ticket!.token)];
    expect(scans.map((s) => s.result)).toEqual(['admitted', 'already_checked_in']);
    const batch = queuedBatch(a.dataDir);
    expect(batch.map((s) => s.scanId)).toEqual(scans.map((s) => s.scanId));
    const mended = Date.now();
    await venue.network.mend();
    await until('the station uploaded', () => caughtUp(a.api, mended));
    const flagsBefore = await flagsOf(venue);

    const { credentials } = await enrollStation({ dataDir: a.dataDir });
    if (credentials.kind !== 'client') throw new Error('expected a client credential');
    const token = (
      await json<{ access_token: string }>(
        await clientToken(
          credentials.tokenEndpoint,
          credentials.clientId,
          credentials.clientSecret,
        ),
        200,
      )
    ).access_token;
    const replay = await venue.t.api(`/api/v1/events/${venue.ev.eventId}/scans`, {
      body: { scans: batch },
      token,
    });
    const outcomes = scanUploadResultSchema.parse(await json(replay, 200)).outcomes;
    expect(outcomes.map((o) => [o.status, o.result])).toEqual([
      ['replayed', 'admitted'],
      ['replayed', 'already_checked_in'],
    ]);
    const counts = await storedCounts(
      venue,
      scans.map((s) => s.scanId),
    );
    expect([...counts.values()]).toEqual([1, 1]);
    expect(await flagsOf(venue)).toEqual(flagsBefore);
  });

  it('stops counting a revoked device: its scans are refused by the server and its status says why', async () => {
    const b = await startStation(venue, 'B');
    try {
      await until('B synced', () => caughtUp(b.api, 0));
      const [, , ticket] = venue.ev.tickets;
      await json(
        await venue.t.api(`/api/v1/events/${venue.ev.eventId}/devices/${b.deviceId}/revoke`, {
          body: {},
        }),
        200,
      );
      const scan = await b.api.scan(ticket!.token);
      // The server refused it; the door is not blocked, but the scan can never count.
      expect(scan).toMatchObject({ offline: true });
      await until('B reports its revocation', async () => {
        const s = await b.api.status();
        return !s.online && s.lastError === 'device_revoked';
      });
      await b.agent.syncNow();
      expect((await b.api.status()).queued).toBe(1);
      expect((await storedCounts(venue, [scan.scanId])).size).toBe(0);
      // For the server the ticket is still outside: a good station admits it.
      expect(await a.api.scan(ticket!.token)).toMatchObject({ result: 'admitted', offline: false });
    } finally {
      await b.stop();
    }
  });
});

/** The upload batch a station has queued, exactly as it will send it. */
function queuedBatch(dataDir: string): ScanUploadItemInput[] {
  const db = new Database(join(dataDir, CACHE_FILE), { readonly: true });
  try {
    return queuedUploads(db as ReadDb, 500);
  } finally {
    db.close();
  }
}
