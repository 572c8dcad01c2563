import { json } from '../../../server/src/features/ticketing/test-support/ticket-fixtures.js';
import { ticketTypeBody } from '../../../server/test/harness.js';
import {
  caughtUp,
  openVenue,
  startStation,
  until,
  type Station,
  type Venue,
} from './support/venue.js';

// Acceptance: a station at a gate counts scans on the list the server picks for that gate,
// online and offline alike.
describe('stations at the gates of different check-in lists [postgres]', () => {
  let venue: Venue;
  let hall: Station;
  let lounge: Station;
  let hallListId: string;

  beforeAll(async () => {
    venue = await openVenue(2);
    const { eventId } = venue.ev;
    const vip = await json<{ id: string }>(
      await venue.t.api(`/api/v1/events/${eventId}/ticket-types`, {
        body: ticketTypeBody({ name: 'VIP', priceCents: 0 }),
      }),
      201,
    );
    const list = async (body: object) =>
      json<{ id: string }>(
        await venue.t.api(`/api/v1/events/${eventId}/checkin-lists`, { body }),
        201,
      );
    // By name the lounge comes first: a station without a gate would check against it.
    hallListId = (await list({ name: 'Main hall', gates: ['hall'] })).id;
    await list({ name: 'Lounge', ticketTypeIds: [vip.id], gates: ['lounge'] });
    [hall, lounge] = await Promise.all([
      startStation(venue, 'hall', { gate: 'hall' }),
      startStation(venue, 'lounge', { gate: 'lounge' }),
    ]);
    await until('both stations synced', async () =>
      (await Promise.all([hall.api, lounge.api].map((api) => caughtUp(api, 0)))).every(Boolean),
    );
  });
  afterAll(async () => {
    await Promise.all([hall?.stop(), lounge?.stop()]);
    await venue?.close();
  });

  it('decides on the gate’s list whether the server or the cache answers', async () => {
    const [regular, other] = venue.ev.tickets;
    expect(await lounge.api.scan(regular!.token)).toMatchObject({
      result: 'invalid',
      reason: 'not_on_list',
      offline: false,
    });
    expect(await hall.api.scan(regular!.token)).toMatchObject({
      result: 'admitted',
      offline: false,
    });

    await venue.network.cut();
    expect(await lounge.api.scan(other!.token)).toMatchObject({
      result: 'invalid',
      reason: 'not_on_list',
      offline: true,
    });
    // The hall station knows its online admission counted on the hall's list.
    expect(await hall.api.scan(regular!.token)).toMatchObject({
      result: 'already_checked_in',
      offline: true,
    });
    const offline = await hall.api.scan(other!.token);
    expect(offline).toMatchObject({ result: 'admitted', offline: true });
    const mended = Date.now();
    await venue.network.mend();
    await until('the hall station uploaded', () => caughtUp(hall.api, mended));
    const { rows } = await venue.t.server.db.query<{ list_id: string }>(
      'SELECT list_id::text FROM checkin_scans WHERE scan_id = $1',
      [offline.scanId],
    );
    expect(rows).toEqual([{ list_id: hallListId }]);
  });
});
