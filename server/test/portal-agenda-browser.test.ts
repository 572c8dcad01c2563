import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { startTestServer, type TestServer } from './harness.js';
import { BROWSER_TEST_MS, launchChromium, openPage, PHONE } from './portal-browser.js';
import { createPortalEvent, json, requireBuiltPortal } from './portal-fixtures.js';
import { problemOf } from './registration-fixtures.js';
import { salesEvents } from './sales-stream-reader.js';
import {
  addItem,
  agendaPath,
  patchItem,
  releaseSchedule,
  ticketHolders,
} from './schedule-fixtures.js';

// The attendee's programme in Chromium on a phone: by day in the event's zone, a star, a signup
// that lands on the waitlist; then the organizer moves one session and cancels another, and the
// open page shows the new release without a reload, marked. Its data: the public agenda JSON and
// the release stream, which ends when the server stops.

const SHOTS = '/tmp/lanyard-agenda/';

/** Sessions at times in UTC; the event is in Europe/Berlin (UTC+2 in May). */
async function program(t: TestServer, eventId: string) {
  const hallA = await addItem(t, eventId, 'rooms', { name: 'Hall A', capacity: 200 });
  const hallB = await addItem(t, eventId, 'rooms', { name: 'Hall B', capacity: 40, position: 1 });
  const systems = await addItem(t, eventId, 'tracks', { name: 'Systems', color: '#336699' });
  const ada = await addItem(t, eventId, 'speakers', {
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    bio: 'Wrote the first program.',
  });
  const bob = await addItem(t, eventId, 'speakers', {
    name: 'Bob Builder',
    email: 'b@example.org',
  });
  const session = (title: string, speakerIds: string[], over: Record<string, unknown> = {}) =>
    addItem(t, eventId, 'sessions', {
      title,
      durationMinutes: 45,
      speakerIds,
      status: 'confirmed',
      ...over,
    });
  const keynote = await session('Opening keynote', [ada.id]);
  const rust = await session('Rust at scale', [bob.id], {
    trackId: systems.id,
    abstract: 'Ownership in a codebase of a million lines.',
  });
  const workshop = await session('Hands-on workshop', [ada.id], { signupCapacity: 1 });
  const lightning = await session('Lightning talks', [bob.id]);
  const slot = (sessionId: string, roomId: string, startsAt: string) =>
    addItem(t, eventId, 'slots', { sessionId, roomId, startsAt });
  await slot(keynote.id, hallA.id, '2027-05-01T07:00:00Z');
  const rustSlot = await slot(rust.id, hallA.id, '2027-05-01T08:00:00Z');
  await slot(workshop.id, hallB.id, '2027-05-01T08:00:00Z');
  await slot(lightning.id, hallB.id, '2027-05-02T09:00:00Z');
  return { hallB, rust, rustSlot, workshop, lightning };
}

describe('the attendee programme in Chromium', () => {
  let t: TestServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltPortal();
    await mkdir(SHOTS, { recursive: true });
    t = await startTestServer('pglite');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it(
    'stars, signs up, and shows a moved and a cancelled session live after a new release',
    async () => {
      const s = t!;
      const { eventId } = await createPortalEvent(s, { name: 'DevConf 2027' }, {});
      const p = await program(s, eventId);
      json(await releaseSchedule(s, eventId, 'First programme'), 201);
      const [me, other] = await ticketHolders(s, eventId, 2);
      // Someone else took the workshop's one seat.
      json(
        await s.api(agendaPath(other!.ticketId, `/signups/${p.workshop.id}`), {
          method: 'POST',
          token: null,
          headers: { 'x-access-key': other!.accessKey },
        }),
        201,
      );

      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${s.url}/t/${me!.ticketId}?key=${encodeURIComponent(me!.accessKey)}`);
        await page.getByRole('link', { name: 'Programme' }).click();
        await page.getByRole('heading', { level: 1, name: 'DevConf 2027' }).waitFor();
        // By the event's local day and time: 07:00Z is 09:00 in Berlin.
        const saturday = page.locator('section.agenda-day', {
          has: page.getByRole('heading', { name: 'Saturday 1 May' }),
        });
        const rustRow = saturday.locator('.agenda-item', { hasText: 'Rust at scale' });
        await expect(rustRow.locator('.agenda-time').innerText()).resolves.toBe('10:00–10:45');
        await expect(rustRow.innerText()).resolves.toContain('Hall A · Systems');
        await page.getByRole('heading', { name: 'Sunday 2 May' }).waitFor();
        // The private calendar of this attendee's agenda, for a calendar app to subscribe to.
        const subscribe = page.getByRole('link', {
          name: 'Subscribe to my agenda in your calendar',
        });
        const calendar = await subscribe.getAttribute('href');
        expect(calendar).toMatch(
          new RegExp(`^webcal://.*/api/v1/tickets/${me!.ticketId}/agenda\\.ics\\?token=`),
        );
        expect(calendar).not.toContain(encodeURIComponent(me!.accessKey));

        // Search by speaker, then the room filter.
        await page.getByLabel('Search title or speaker').fill('bob');
        await expect(page.locator('.agenda-day .agenda-title').allInnerTexts()).resolves.toEqual([
          'Rust at scale',
          'Lightning talks',
        ]);
        await page.getByLabel('Search title or speaker').fill('');
        await page.getByLabel('Room').selectOption({ label: 'Hall B' });
        await expect(page.locator('.agenda-day .agenda-title').allInnerTexts()).resolves.toEqual([
          'Hands-on workshop',
          'Lightning talks',
        ]);
        await page.getByLabel('Room').selectOption({ label: 'All rooms' });

        // The star: kept by the server with the access key.
        const star = rustRow.getByRole('button', { name: /Star “Rust at scale”/ });
        await star.click();
        await page.waitForFunction(
          () =>
            document
              .querySelector('.agenda-day button[aria-label^="Star “Rust"]')
              ?.getAttribute('aria-pressed') === 'true',
        );
        const agenda = async () =>
          json<{ favourites: string[]; signups: { sessionId: string; status: string }[] }>(
            await s.api(agendaPath(me!.ticketId), {
              token: null,
              headers: { 'x-access-key': me!.accessKey },
            }),
            200,
          );
        await expect(agenda()).resolves.toMatchObject({ favourites: [p.rust.id] });

        // The workshop is full: signing up puts me first on the waitlist.
        await saturday.getByRole('link', { name: 'Hands-on workshop' }).click();
        await page.getByRole('heading', { level: 1, name: 'Hands-on workshop' }).waitFor();
        await expect(page.locator('.agenda-signup').innerText()).resolves.toContain(
          'Limited to 1 place.',
        );
        await page.getByRole('button', { name: 'Sign up' }).click();
        await page.getByText('You are on the waitlist, number 1 in line.').waitFor();
        await page.screenshot({ path: `${SHOTS}agenda-phone-session.png`, fullPage: true });
        await expect(agenda()).resolves.toMatchObject({
          signups: [{ sessionId: p.workshop.id, status: 'waitlisted' }],
        });
        await page.getByRole('link', { name: '← All sessions' }).click();
        await page.getByRole('heading', { level: 1, name: 'DevConf 2027' }).waitFor();

        // The organizer moves Rust to Hall B at 13:00 and cancels the lightning talks.
        await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
        await patchItem(s, eventId, 'slots', p.rustSlot.id, {
          roomId: p.hallB.id,
          startsAt: '2027-05-01T11:00:00Z',
          endsAt: '2027-05-01T11:45:00Z',
        });
        await patchItem(s, eventId, 'sessions', p.lightning.id, { status: 'cancelled' });
        json(await releaseSchedule(s, eventId, 'Rust moved, lightning talks off', true), 201);

        await page
          .getByText('The programme was updated (release 2). Changes are marked.')
          .waitFor();
        const moved = saturday.locator('.agenda-item', { hasText: 'Rust at scale' });
        await expect(moved.locator('.agenda-time').innerText()).resolves.toBe('13:00–13:45');
        await expect(moved.innerText()).resolves.toContain('Hall B · Systems');
        await expect(moved.locator('.agenda-badge').allInnerTexts()).resolves.toEqual([
          'Moved from Sat 10:00, Hall A',
        ]);
        // Still starred after the release.
        await expect(
          moved.getByRole('button', { name: /Star “Rust at scale”/ }).getAttribute('aria-pressed'),
        ).resolves.toBe('true');
        const cancelled = page.locator('.agenda-day .agenda-item', { hasText: 'Lightning talks' });
        await expect(cancelled.locator('.agenda-badge').allInnerTexts()).resolves.toEqual([
          'Cancelled',
        ]);
        await expect(
          page.evaluate(() => (window as unknown as { __same?: boolean }).__same),
        ).resolves.toBe(true);
        await page.screenshot({ path: `${SHOTS}agenda-phone-after-release.png`, fullPage: true });

        await expect(seriousViolations(page)).resolves.toEqual([]);

        // Looked at: a later visit marks nothing (the cancellation stays visible as a state).
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'DevConf 2027' }).waitFor();
        await expect(page.locator('.agenda-badge', { hasText: 'Moved' }).count()).resolves.toBe(0);
        await page.getByLabel(/Only my agenda/).check();
        await expect(page.locator('.agenda-day .agenda-title').allInnerTexts()).resolves.toEqual([
          'Rust at scale',
        ]);
        await page.screenshot({ path: `${SHOTS}agenda-phone-my-agenda.png`, fullPage: true });
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS * 2,
  );

  it('serves the latest release with ids and no emails, the diff since any release, and a stream that ends on shutdown', async () => {
    const s = t!;
    const { eventId } = await createPortalEvent(s, { name: 'Feeds' }, {});
    const agendaUrl = (q = '') => `/api/v1/public/events/${eventId}/agenda${q}`;
    await problemOf(await s.api(agendaUrl(), { token: null }), 404, 'released_schedule_not_found');
    const p = await program(s, eventId);
    json(await releaseSchedule(s, eventId, 'one'), 201);

    const stream = await fetch(`${s.url}${agendaUrl('/stream')}`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const next = salesEvents<{ version: number | null }>(stream);
    await expect(next()).resolves.toEqual({ version: 1 });

    await patchItem(s, eventId, 'sessions', p.lightning.id, { status: 'cancelled' });
    json(await releaseSchedule(s, eventId, 'two', true), 201);
    await expect(next()).resolves.toEqual({ version: 2 });
    await patchItem(s, eventId, 'sessions', p.rust.id, { title: 'Rust, at scale' });
    json(await releaseSchedule(s, eventId, 'three', true), 201);
    await expect(next()).resolves.toEqual({ version: 3 });

    type Agenda = {
      version: number;
      speakers: Record<string, unknown>[];
      slots: { sessionId: string }[];
      changes: { since: number; diff: { cancelled: unknown[]; renamed: unknown[] } };
    };
    const latest = await json<Agenda>(await s.api(agendaUrl(), { token: null }), 200);
    expect(latest.version).toBe(3);
    expect(JSON.stringify(latest)).not.toContain('@example.org');
    expect(latest.slots.map((x) => x.sessionId)).toContain(p.workshop.id);
    // Default: against the release before; since=1 spans both changes; since ≥ latest: nothing.
    expect(latest.changes).toMatchObject({ since: 2, diff: { cancelled: [], renamed: [{}] } });
    const since1 = await json<Agenda>(await s.api(agendaUrl('?since=1'), { token: null }), 200);
    expect(since1.changes).toMatchObject({
      since: 1,
      diff: { cancelled: [{ sessionId: p.lightning.id }], renamed: [{ sessionId: p.rust.id }] },
    });
    const ahead = await json<Agenda>(await s.api(agendaUrl('?since=99'), { token: null }), 200);
    expect(ahead.changes).toMatchObject({ since: 3, diff: { cancelled: [], renamed: [] } });
    await problemOf(await s.api(agendaUrl('?since=-1'), { token: null }), 400, 'validation_failed');
    const unknown = await s.api(
      '/api/v1/public/events/00000000-0000-4000-8000-000000000000/agenda/stream',
      { token: null },
    );
    expect(unknown.status).toBe(404);

    // Stopping the server ends the open stream instead of waiting for its client.
    t = undefined;
    await s.stop();
    await expect(next()).resolves.toBeNull();
  });
});
