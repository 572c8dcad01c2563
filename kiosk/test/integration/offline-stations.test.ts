import { json } from '../../../server/src/features/ticketing/test-support/ticket-fixtures.js';
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

// Acceptance: two stations lose the server, both admit one ticket, the server returns.
describe('two stations that lose the server [postgres]', () => {
  let venue: Venue;
  let a: Station;
  let b: Station;

  beforeAll(async () => {
    venue = await openVenue(4);
    [a, b] = await Promise.all([startStation(venue, 'A'), startStation(venue, 'B')]);
    const started = Date.now();
    await until('both stations synced', async () =>
      (await Promise.all([a.api, b.api].map((api) => caughtUp(api, started)))).every(Boolean),
    );
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await venue?.close();
  });

  it('admit a ticket each while cut off; the server keeps one entry, flags the other, and both stations converge', async () => {
    const [ticket, revokedMeanwhile, admittedOnline] = venue.ev.tickets;
    const online = await a.api.scan(admittedOnline!.token);
    expect(online).toMatchObject({ result: 'admitted', offline: false });
    await until('B heard of A’s online admission', () => b.cachedScanIds().has(online.scanId));

    await venue.network.cut();
    const first = await a.api.scan(ticket!.token);
    // Kiosks know the server's clock to within a second (its Date header): B scans clearly later.
    await new Promise((r) => setTimeout(r, 1200));
    const second = await b.api.scan(ticket!.token);
    expect(first).toMatchObject({ result: 'admitted', offline: true, ticketId: ticket!.id });
    expect(second).toMatchObject({ result: 'admitted', offline: true, ticketId: ticket!.id });
    // B heard of A's online admission before the outage: it refuses that ticket on its own.
    expect(await b.api.scan(admittedOnline!.token)).toMatchObject({
      result: 'already_checked_in',
      offline: true,
    });
    const garbage = await b.api.scan('not a ticket at all');
    expect(garbage).toMatchObject({ result: 'invalid', reason: 'malformed', offline: true });
    expect((await a.api.status()).online).toBe(false);
    expect((await b.api.status()).queued).toBe(3);

    // The organizer (who still reaches the server) revokes a ticket during the outage.
    await json(
      await venue.t.api(`/api/v1/tickets/${revokedMeanwhile!.id}/revoke`, { body: {} }),
      200,
    );

    const mended = Date.now();
    await venue.network.mend();
    await until('both stations drained their queues and synced', async () =>
      (await Promise.all([a.api, b.api].map((api) => caughtUp(api, mended)))).every(Boolean),
    );

    const flags = (await flagsOf(venue)).filter((f) => f.ticketId === ticket!.id);
    expect(flags).toEqual([
      expect.objectContaining({
        scan: expect.objectContaining({ scanId: second.scanId, deviceId: b.deviceId }),
        duplicateOf: expect.objectContaining({ scanId: first.scanId, deviceId: a.deviceId }),
      }),
    ]);
    const scanIds = [online, first, second, garbage].map((s) => s.scanId);
    const counts = await storedCounts(venue, scanIds);
    expect(scanIds.map((id) => counts.get(id))).toEqual([1, 1, 1, 1]);

    // Each station's cache now holds the other's admission of the ticket.
    await until('each station heard of the other one’s scan', () => {
      const inA = a.cachedScanIds();
      const inB = b.cachedScanIds();
      return inA.has(second.scanId) && inB.has(first.scanId) && inB.has(online.scanId);
    });

    // Online again: the server answers, and the ticket is inside.
    expect(await b.api.scan(ticket!.token)).toMatchObject({
      result: 'already_checked_in',
      offline: false,
    });
    expect(await b.api.scan(revokedMeanwhile!.token)).toMatchObject({
      result: 'revoked',
      offline: false,
    });

    // Cut off again, the revocation is known to the caches too.
    await venue.network.cut();
    expect(await a.api.scan(revokedMeanwhile!.token)).toMatchObject({
      result: 'revoked',
      reason: 'revoked',
      offline: true,
    });
    await venue.network.mend();
  });
});
