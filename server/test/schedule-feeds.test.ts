import { parseFeed } from '@rowanmanning/feed-parser';
import { startTestServer, type TestServer } from './harness.js';
import { createEvent, json, problemOf } from './registration-fixtures.js';
import {
  addItem,
  agendaPath,
  patchItem,
  releaseSchedule,
  ticketHolders,
  vevents,
} from './schedule-fixtures.js';

// The feeds people subscribe to besides the whole schedule: an attendee's own calendar by a
// private URL, and the releases as Atom. Both read back with implementations nobody here wrote
// (ical.js, @rowanmanning/feed-parser).

describe('personal calendar and releases feed [postgres]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('serves each attendee their favourites and signups, then the changes of the next release', async () => {
    const { id: eventId } = await createEvent(t, { name: 'FeedConf', timezone: 'Europe/Berlin' });
    const hallA = await addItem(t, eventId, 'rooms', { name: 'Hall A' });
    const hallB = await addItem(t, eventId, 'rooms', { name: 'Hall B', position: 1 });
    const session = (title: string, extra: Record<string, unknown> = {}) =>
      addItem(t, eventId, 'sessions', {
        title,
        durationMinutes: 45,
        status: 'confirmed',
        ...extra,
      });
    const keynote = await session('Keynote');
    const rust = await session('Rust in anger');
    const lab = await session('Lab', { signupCapacity: 10 });
    const slot = (sessionId: string, roomId: string, startsAt: string) =>
      addItem(t, eventId, 'slots', { sessionId, roomId, startsAt });
    await slot(keynote.id, hallA.id, '2027-05-01T07:00:00Z');
    const rustSlot = await slot(rust.id, hallA.id, '2027-05-01T08:00:00Z');
    await slot(lab.id, hallB.id, '2027-05-01T09:00:00Z');
    const [ana] = await ticketHolders(t, eventId, 1);
    const asAna = { token: null, headers: { 'x-access-key': ana!.accessKey } };
    const agenda = async () =>
      json<{ calendarUrl: string }>(await t.api(agendaPath(ana!.ticketId), asAna), 200);
    const { calendarUrl } = await agenda();
    // The URL is the server's public one, and carries no access key.
    expect(calendarUrl).toMatch(
      new RegExp(`^${t.url}/api/v1/tickets/${ana!.ticketId}/agenda\\.ics\\?token=[\\w-]{43}$`),
    );
    expect(calendarUrl).not.toContain(ana!.accessKey);
    await problemOf(await fetch(calendarUrl), 404, 'released_schedule_not_found');
    const atomUrl = `${t.url}/api/v1/events/${eventId}/schedule/releases.atom`;
    await problemOf(await fetch(atomUrl), 404, 'released_schedule_not_found');

    expect((await releaseSchedule(t, eventId, 'First programme')).status).toBe(201);
    const put = (rest: string, method = 'PUT') =>
      t.api(agendaPath(ana!.ticketId, rest), { ...asAna, method });
    expect((await put(`/favourites/${rust.id}`)).status).toBe(200);
    expect((await put(`/signups/${lab.id}`, 'POST')).status).toBe(201);
    const mine = async () => {
      const res = await fetch(calendarUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      return vevents(await res.text());
    };
    expect((await mine()).map((e) => e.summary).sort()).toEqual(['Lab', 'Rust in anger']);
    // Wrong tokens, and the access key in its place, open nothing.
    const wrong = calendarUrl.replace(/token=.*/, `token=${ana!.accessKey}`);
    await problemOf(await fetch(wrong), 404, 'ticket_not_found');
    await problemOf(await fetch(`${calendarUrl}x`), 404, 'ticket_not_found');
    await problemOf(await fetch(calendarUrl.replace(/token=.*/, '')), 400, 'validation_failed');

    // Rust moves and Lab is cancelled: both show in her calendar with the public feed's UIDs.
    await patchItem(t, eventId, 'slots', rustSlot.id, {
      roomId: hallB.id,
      startsAt: '2027-05-01T10:00:00Z',
      endsAt: '2027-05-01T10:45:00Z',
    });
    await patchItem(t, eventId, 'sessions', lab.id, { status: 'cancelled' });
    expect((await releaseSchedule(t, eventId, 'Rust moves & <Lab> is off')).status).toBe(201);
    const after = await mine();
    const pub = vevents(
      await (await t.api(`/api/v1/events/${eventId}/schedule.ics`, { token: null })).text(),
    );
    expect(after.map((e) => [e.summary, e.status, e.sequence, e.location, e.start]).sort()).toEqual(
      [
        ['Lab', 'CANCELLED', 1, 'Hall B', '2027-05-01T09:00:00.000Z'],
        ['Rust in anger', 'CONFIRMED', 1, 'Hall B', '2027-05-01T10:00:00.000Z'],
      ],
    );
    for (const e of after) expect(pub.find((p) => p.uid === e.uid)).toEqual(e);

    // The releases as Atom, newest first, saying what changed in the event's local time.
    const res = await fetch(atomUrl);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseFeed(await res.text());
    expect(feed.title).toBe('FeedConf: schedule releases');
    expect(feed.items.map((i) => i.title)).toEqual([
      'FeedConf: schedule version 2',
      'FeedConf: schedule version 1',
    ]);
    expect(feed.items[0]!.content).toBe(
      [
        'Rust moves & <Lab> is off',
        '',
        'Cancelled: Lab',
        'Moved: Rust in anger, 2027-05-01 10:00, Hall A → 2027-05-01 12:00, Hall B',
      ].join('\n'),
    );
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(2);
    expect(feed.updated?.toISOString()).toBe(feed.items[0]!.updated?.toISOString());
    const unchanged = await fetch(atomUrl, {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(unchanged.status).toBe(304);
  });
});
