import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, ticketTypeBody, type TestServer } from './harness.js';
import { createOrganizer, signIn } from './dashboard-browser-support.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, launchChromium, scanQr } from './portal-browser.js';
import { requireBuiltPortal } from './portal-fixtures.js';
import { writeQrVideo } from '../../kiosk/test/e2e/support/fake-camera.js';
import {
  count,
  createDevice,
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';

// The staff phone app in Chromium against a real server, with a fake rear camera showing the
// first ticket's QR code: enrolled from the dashboard's QR code, it admits by camera, keeps
// working offline (decided on the phone, queued, uploaded later), survives a reload with no
// network, learns revocations by sync, and two phones admitting one ticket offline reconcile
// on the server as two kiosks do. Screenshots (390×844) go to /tmp/lanyard-staff-app/.

const SHOTS = '/tmp/lanyard-staff-app/';
const STEP_MS = 20_000;

interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function openPhone(browser: Browser): Promise<Phone> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    permissions: ['camera'],
  });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

const answer = (page: Page, result: string) =>
  page.locator(`[data-testid="answer"][data-result="${result}"]`);

/** Types a code into the phone's code field, as staff do with a damaged QR code. */
async function typeCode(page: Page, token: string): Promise<void> {
  await page.getByLabel('Or type a ticket code').fill(token);
  await page.getByRole('button', { name: 'Check' }).click();
}

async function closeAnswer(page: Page): Promise<void> {
  await page.getByTestId('answer').click();
  await page.getByTestId('answer').waitFor({ state: 'detached' });
}

const admittedCount = (t: TestServer, ticketId: string) =>
  count(
    t,
    `SELECT count(*)::int AS n FROM checkin_scans WHERE ticket_id = $1 AND result = 'admitted'`,
    [ticketId],
  );

describe('staff check-in app on a phone, in Chromium [postgres]', () => {
  let t: TestServer;
  let ev: SoldEvent;
  let browser: Browser;
  let videoDir: string;
  let desk: Page;
  let phone: Phone;
  const [ada, bob, cleo, dan, eve] = [0, 1, 2, 3, 4];

  beforeAll(async () => {
    requireBuiltPortal();
    await mkdir(SHOTS, { recursive: true });
    t = await startTestServer('postgres');
    await createOrganizer(t);
    ev = await eventWithTickets(t, 5);
    // Hidden from the public page, so the phone learns its name from the sync only.
    await json(
      await t.api(`/api/v1/events/${ev.eventId}/ticket-types`, {
        body: ticketTypeBody({ name: 'Crew', priceCents: 0, hidden: true }),
      }),
      201,
    );
    videoDir = await mkdtemp(join(tmpdir(), 'lanyard-staff-camera-'));
    const video = join(videoDir, 'ticket.y4m');
    writeQrVideo(video, ev.tickets[ada]!.token);
    browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
  }, BROWSER_TEST_MS);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    if (videoDir) await rm(videoDir, { recursive: true, force: true });
  });

  it(
    "enrolls from the dashboard's QR code and admits the ticket the camera sees, then says already checked in",
    async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(STEP_MS);
      desk = await context.newPage();
      await signIn(desk, `${t.url}/dashboard/events/${ev.eventId}/devices`);
      await desk.getByLabel('Device name').fill('Door phone 1');
      await desk.getByRole('button', { name: 'Create enrollment code' }).click();
      const code = (await desk.getByTestId('enrollment-code').textContent())!;
      const link = await scanQr(desk.getByTestId('staff-app-qr'), `${SHOTS}dashboard-qr.png`);
      expect(link).toBe(`${t.url}/staff/#enroll=${encodeURIComponent(code)}`);

      phone = await openPhone(browser);
      const { page } = phone;
      await page.goto(link);
      // The code leaves the address bar once redeemed.
      await page.getByRole('button', { name: 'Start scanning' }).click();
      expect(page.url()).toBe(`${t.url}/staff/`);
      await answer(page, 'admitted').waitFor();
      await expect(page.getByTestId('answer').textContent()).resolves.toContain('Attendee');
      await page.screenshot({ path: `${SHOTS}answer-green.png` });
      expect(await admittedCount(t, ev.tickets[ada]!.id)).toBe(1);
      await closeAnswer(page);
      await page.screenshot({ path: `${SHOTS}scanner.png` });

      // Holding the same code up again after the camera was away: seen, and refused.
      await page.getByRole('button', { name: 'Status' }).click();
      await page.getByRole('button', { name: 'Scan' }).click();
      await answer(page, 'already_checked_in').waitFor();
      await expect(page.getByTestId('answer').textContent()).resolves.toContain(
        'Already checked in',
      );
      expect(await admittedCount(t, ev.tickets[ada]!.id)).toBe(1);
      await closeAnswer(page);
      expect(phone.errors).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'admits offline and queues the scan; a reload with no network keeps the app and its cache; back online the scan uploads',
    async () => {
      const { page, context } = phone;
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // Chromium applies the offline emulation to a reloaded page after its first requests may
      // have left (1 run in 3 here uploaded the queued scan during the reload); the server is
      // made unreachable as well for as long as the phone is meant to be offline.
      const unreachable = `${t.url}/{api,oauth}/**`;
      await context.route(unreachable, (route) => route.abort('internetdisconnected'));
      await context.setOffline(true);
      await page.getByTestId('connectivity').getByText('Offline').waitFor();
      await typeCode(page, ev.tickets[bob]!.token);
      await answer(page, 'admitted').waitFor();
      await page.getByText('Decided offline').waitFor();
      await page.getByTestId('queued').getByText('1 queued').waitFor();
      await closeAnswer(page);

      await page.reload();
      await page.getByTestId('connectivity').getByText('Offline').waitFor();
      await page.getByTestId('queued').getByText('1 queued').waitFor();
      await page.getByRole('button', { name: 'Search' }).click();
      // A typo, as the kiosk's search forgives. By name: a device's feed carries no emails.
      await page.getByLabel('Name or ticket id').fill('Atendee 2');
      await page
        .getByTestId('search-results')
        .getByRole('listitem')
        .filter({ hasText: 'Attendee 2' })
        .getByText(/In since/)
        .waitFor();
      await page.screenshot({ path: `${SHOTS}search.png` });
      expect(await admittedCount(t, ev.tickets[bob]!.id)).toBe(0);

      await context.unroute(unreachable);
      await context.setOffline(false);
      await page.getByTestId('queued').getByText('0 queued').waitFor();
      expect(await admittedCount(t, ev.tickets[bob]!.id)).toBe(1);
      await page.getByRole('button', { name: 'Status' }).click();
      await page
        .getByTestId('history')
        .getByText(/offline/)
        .first()
        .waitFor();
      await page.screenshot({ path: `${SHOTS}status.png` });
      // Back on the scanner the camera reads the first ticket again, still held up.
      await page.getByRole('button', { name: 'Scan' }).click();
      await answer(page, 'already_checked_in').waitFor();
      await closeAnswer(page);
      expect(phone.errors).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses, offline, a ticket revoked while the phone was online, once it has synced',
    async () => {
      const { page, context } = phone;
      const revoked = ev.tickets[cleo]!;
      await json(
        await t.api(`/api/v1/tickets/${revoked.id}/revoke`, { body: { reason: 'refunded' } }),
        200,
      );
      // The long-poll brings the revocation into the phone's IndexedDB. (waitForFunction would
      // take the returned promise itself for the truthy answer, so the read is polled here.)
      const cachedStatus = () =>
        page.evaluate(
          (id) =>
            new Promise<number | undefined>((resolve) => {
              const open = indexedDB.open('lanyard-staff');
              open.onsuccess = () => {
                const read = open.result.transaction('tickets').objectStore('tickets').get(id);
                read.onsuccess = () => resolve((read.result as { s?: number } | undefined)?.s);
              };
            }),
          revoked.id,
        );
      while ((await cachedStatus()) !== 1) await page.waitForTimeout(100);
      await context.setOffline(true);
      await typeCode(page, revoked.token);
      await answer(page, 'revoked').waitFor();
      await page.getByText('Decided offline').waitFor();
      await page.screenshot({ path: `${SHOTS}answer-red.png` });
      await closeAnswer(page);
      await context.setOffline(false);
      await page.getByTestId('queued').getByText('0 queued').waitFor();
      expect(phone.errors).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'checks in, offline, someone found by search who has no QR code with them',
    async () => {
      const { page, context } = phone;
      const ticket = ev.tickets[eve]!;
      await context.setOffline(true);
      await page.getByTestId('connectivity').getByText('Offline').waitFor();
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByLabel('Name or ticket id').fill(ticket.id.slice(0, 8));
      const result = page.getByTestId('search-results').getByRole('listitem');
      await result.getByText('Not in yet').waitFor();
      await result.getByRole('button', { name: /^Check in / }).click();
      await answer(page, 'admitted').waitFor();
      await page.getByText('Decided offline').waitFor();
      await page.screenshot({ path: `${SHOTS}search-check-in.png` });
      await closeAnswer(page);
      await result.getByText(/^In since/).waitFor();
      expect(await result.getByRole('button', { name: /^Check in / }).count()).toBe(0);

      await context.setOffline(false);
      await page.getByTestId('queued').getByText('0 queued').waitFor();
      expect(await admittedCount(t, ticket.id)).toBe(1);
      expect(
        await count(
          t,
          `SELECT count(*)::int AS n FROM checkin_scans s JOIN checkin_manual_entries m
             USING (scan_id) WHERE s.ticket_id = $1`,
          [ticket.id],
        ),
      ).toBe(1);
      // The phone knows the hidden type's name, to show it offline.
      const typeNames = await page.evaluate(
        () =>
          new Promise<Record<string, string>>((resolve) => {
            const open = indexedDB.open('lanyard-staff');
            open.onsuccess = () => {
              const read = open.result.transaction('meta').objectStore('meta').get('event');
              read.onsuccess = () =>
                resolve((read.result as { ticketTypes: Record<string, string> }).ticketTypes);
            };
          }),
      );
      expect(Object.values(typeNames).sort()).toEqual(['Crew', 'Regular']);
      await page.getByRole('button', { name: 'Scan' }).click();
      expect(phone.errors).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'reconciles two phones that admitted the same ticket offline: one admission, one flag',
    async () => {
      const device = await createDevice(t, ev.eventId, 'Door phone 2');
      const second = await openPhone(browser);
      await second.page.goto(`${t.url}/staff/`);
      // Typed, as when the phone cannot scan the dashboard.
      await second.page.getByLabel('Enrollment code').fill(device.enrollmentCode);
      await second.page.getByRole('button', { name: 'Enroll this phone' }).click();
      await second.page.getByRole('button', { name: 'Start scanning' }).waitFor();
      await second.page.screenshot({ path: `${SHOTS}setup.png` });
      await second.page.getByRole('button', { name: 'Start scanning' }).click();
      await second.page
        .getByTestId('last-sync')
        .getByText(/Synced/)
        .waitFor();

      const both = [phone, second];
      const ticket = ev.tickets[dan]!;
      for (const p of both) await p.context.setOffline(true);
      for (const p of both) {
        await p.page.getByTestId('connectivity').getByText('Offline').waitFor();
        // A keyboard-wedge scanner: the code's keys in one fast burst, then Enter.
        await p.page.evaluate((code) => {
          for (const key of [...code, 'Enter']) {
            document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
          }
        }, ticket.token);
        await answer(p.page, 'admitted').waitFor();
      }
      for (const p of both) await p.context.setOffline(false);
      for (const p of both) await p.page.getByTestId('queued').getByText('0 queued').waitFor();

      expect(await admittedCount(t, ticket.id)).toBe(2);
      const flags = await json<{ items: { ticketId: string }[] }>(
        await t.api(`/api/v1/events/${ev.eventId}/checkin-flags`),
        200,
      );
      expect(flags.items.filter((f) => f.ticketId === ticket.id)).toHaveLength(1);
      expect(phone.errors).toEqual([]);
      expect(second.errors).toEqual([]);
      await second.context.close();
    },
    BROWSER_TEST_MS,
  );
});
