import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import { BROWSER_TEST_MS, launchChromium, openPage, PHONE } from './portal-browser.js';
import { seriousViolations } from './axe.js';
import { createPortalEvent, json, requireBuiltPortal } from './portal-fixtures.js';
import { addItem, agendaPath, releaseSchedule, ticketHolders } from './schedule-fixtures.js';

// Seats left on the programme: the public count per session with signup (from the seat
// counters, a few seconds fresh, current at once for a signup made on this replica), and the
// attendee's phone showing "N seats left" or "Full — join the waitlist".

const SHOTS = '/tmp/lanyard-agenda/';

describe('seats left on the attendee programme', () => {
  let t: TestServer;
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
    'counts seats per session with signup and shows them, current after the attendee signs up',
    async () => {
      const { eventId } = await createPortalEvent(t, { name: 'Maker Days' }, {});
      const lab = await addItem(t, eventId, 'rooms', { name: 'Lab', capacity: 20 });
      const session = (title: string, over: Record<string, unknown>, startsAt: string) =>
        addItem(t, eventId, 'sessions', {
          title,
          durationMinutes: 60,
          status: 'confirmed',
          ...over,
        }).then(async (s) => {
          await addItem(t, eventId, 'slots', { sessionId: s.id, roomId: lab.id, startsAt });
          return s;
        });
      const soldering = await session('Soldering', { signupCapacity: 3 }, '2027-05-01T08:00:00Z');
      const robots = await session('Robots', { signupCapacity: 1 }, '2027-05-01T10:00:00Z');
      await session('Open hacking', {}, '2027-05-01T12:00:00Z');
      json(await releaseSchedule(t, eventId, 'Programme'), 201);
      const [me, other] = await ticketHolders(t, eventId, 2);
      const signUp = async (who: typeof me, sessionId: string) =>
        json(
          await t.api(agendaPath(who!.ticketId, `/signups/${sessionId}`), {
            method: 'POST',
            token: null,
            headers: { 'x-access-key': who!.accessKey },
          }),
          201,
        );
      await signUp(other, robots.id);

      const seatsUrl = `/api/v1/public/events/${eventId}/agenda/seats`;
      const seats = await t.api(seatsUrl, { token: null });
      expect(seats.headers.get('cache-control')).toBe('public, max-age=5');
      expect(await json<{ sessions: unknown[] }>(seats, 200)).toEqual({
        sessions: expect.arrayContaining([
          { sessionId: soldering.id, capacity: 3, left: 3 },
          { sessionId: robots.id, capacity: 1, left: 0 },
        ]),
      });

      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/t/${me!.ticketId}?key=${encodeURIComponent(me!.accessKey)}`);
        await page.getByRole('link', { name: 'Programme' }).click();
        await page.getByRole('heading', { level: 1, name: 'Maker Days' }).waitFor();
        const row = (title: string) => page.locator('.agenda-day .agenda-item', { hasText: title });
        await row('Soldering').getByText('3 seats left').waitFor();
        await row('Robots').getByText('Full — join the waitlist').waitFor();
        await expect(row('Open hacking').locator('.agenda-seats').count()).resolves.toBe(0);
        await page.screenshot({ path: `${SHOTS}agenda-seats-list.png`, fullPage: true });
        await expect(seriousViolations(page)).resolves.toEqual([]);

        // Signing up takes a seat, and the page says so at once (not after the cache's seconds).
        await row('Soldering').getByRole('link', { name: 'Soldering' }).click();
        await page.getByRole('heading', { level: 1, name: 'Soldering' }).waitFor();
        await page.locator('.agenda-signup').getByText('3 seats left').waitFor();
        await page.getByRole('button', { name: 'Sign up' }).click();
        await page.getByText('You have a place.').waitFor();
        await page.locator('.agenda-signup').getByText('2 seats left').waitFor();
        await page.screenshot({ path: `${SHOTS}agenda-seats-session.png`, fullPage: true });
        await expect(seriousViolations(page)).resolves.toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS * 2,
  );
});
