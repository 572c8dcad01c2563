import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TestServer } from './harness.js';
import {
  ARTIFACTS,
  BROWSER_TEST_MS,
  DESKTOP,
  PHONE,
  openPage,
  scanQr,
  shot,
} from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';
import { addItem } from './schedule-fixtures.js';
import { seriousViolations } from './axe.js';
import {
  checkIn,
  clientToken,
  enroll,
  enrolledKiosk,
} from '../src/features/checkin/test-support/checkin-fixtures.js';
import {
  createSale,
  json,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';

// The dashboard's Check-in and Devices sections in Chromium against a real server: the monitor
// follows admissions made elsewhere without a reload, an offline duplicate shows up as a flag,
// and a device is enrolled from its QR code, renamed and revoked.

// Names that would run script if they were ever put into the page as HTML.
const XSS_ATTENDEE = '<img src=x onerror="window.__xss=1">';
const XSS_DEVICE = 'North <b>door</b> <script>window.__xss=1</script>';

async function sell(t: TestServer, sale: Sale, name: string) {
  const order = await json<{ tickets: { id: string; token: string }[] }>(
    await t.api(`/api/v1/events/${sale.eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: sale.ticketTypeId,
        quantity: 1,
        attendee: { name, email: `${randomUUID()}@example.org` },
      },
    }),
    201,
  );
  return order.tickets[0]!;
}

const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);
const xssRan = (page: Page) => page.evaluate(() => (window as { __xss?: number }).__xss);

describe('dashboard check-in and devices in Chromium [postgres]', () => {
  const rig = useDashboardRig();
  let sale: Sale;

  beforeAll(async () => {
    const { t } = rig;
    sale = await createSale(t);
  }, BROWSER_TEST_MS);

  it(
    'follows admissions live, flags an offline duplicate, and enrolls, renames and revokes a device',
    async () => {
      const { t, browser } = rig;
      const ada = await sell(t, sale, 'Ada Lovelace');
      const mallory = await sell(t, sale, XSS_ATTENDEE);
      await sell(t, sale, 'Grace Hopper');
      await addItem(t, sale.eventId, 'rooms', { name: 'Lab', capacity: 20 });
      const checkinUrl = `${t.url}/dashboard/events/${sale.eventId}/checkin`;

      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, checkinUrl);
      await page.getByRole('heading', { level: 2, name: 'Admitted so far' }).waitFor();
      await page.getByText('Live', { exact: true }).waitFor();
      expect(await figure(page, 'admitted').textContent()).toBe('0');
      expect(await figure(page, 'expected').textContent()).toBe('3');
      await page.getByText('None so far.').waitFor();
      // A reload would lose this mark, so finding it later proves the figures came without one.
      await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

      // A door admits Ada online; then an offline kiosk at another gate lets Mallory's ticket in
      // after the North gate already had, and reports it when it reconnects.
      expect((await checkIn(t, sale.eventId, { token: ada.token, gate: 'North' })).result).toBe(
        'admitted',
      );
      await page.getByRole('row', { name: /^North Default 1 0$/ }).waitFor();
      expect(await figure(page, 'admitted').textContent()).toBe('1');
      expect(await figure(page, 'inside').textContent()).toBe('1');
      expect(await figure(page, 'remaining').textContent()).toBe('2');
      await checkIn(t, sale.eventId, { token: mallory.token, gate: 'North' });
      const kiosk = await enrolledKiosk(t, sale.eventId, 'South kiosk');
      const upload = await t.api(`/api/v1/events/${sale.eventId}/scans`, {
        token: kiosk.token,
        body: {
          scans: [
            {
              scanId: randomUUID(),
              token: mallory.token,
              scannedAt: new Date().toISOString(),
              deviceId: kiosk.deviceId,
              gate: 'South',
              deviceResult: 'admitted',
            },
          ],
        },
      });
      expect(
        (await json<{ outcomes: { duplicate: boolean }[] }>(upload, 200)).outcomes[0]!.duplicate,
      ).toBe(true);
      const flag = page.locator('.flag-list li');
      await flag.waitFor();
      // The attendee's name is shown as the text it is, and the kiosk by its name.
      expect(await flag.locator('strong').textContent()).toBe(XSS_ATTENDEE);
      expect(await flag.textContent()).toContain('at gate South by South kiosk');
      expect(await figure(page, 'admitted').textContent()).toBe('2');
      // Ada steps out: still admitted, no longer inside, and the gate counts the exit.
      const out = { token: ada.token, gate: 'North', direction: 'exit' };
      expect((await checkIn(t, sale.eventId, out)).reason).toBe('exit');
      await page.getByRole('row', { name: /^North Default 2 1$/ }).waitFor();
      expect(await figure(page, 'inside').textContent()).toBe('1');
      expect(await figure(page, 'admitted').textContent()).toBe('2');
      expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
      await shot(page, 'dashboard-checkin-desktop');
      expect(await overflowsSideways(page)).toBe(false);

      // Check-in lists: a bad window is refused with its field named; a list replaces the default
      // one in the monitor; it can be edited and deleted (after a question).
      await page.getByLabel(/^Name/).fill('VIP door');
      await page.getByLabel('Regular').check();
      await page.getByLabel('Opens').fill('2027-05-01T12:00');
      await page.getByLabel('Closes').fill('2027-05-01T09:00');
      await page.getByLabel(/^Re-entry after exit/).check();
      await page.getByLabel('Gates').fill('VIP, Side');
      await page.getByRole('button', { name: 'Add list' }).click();
      await page.getByRole('link', { name: /^Closes: / }).waitFor();
      await page.getByLabel('Closes').fill('2027-05-02T20:00');
      await page.getByRole('button', { name: 'Add list' }).click();
      await page.getByRole('row', { name: /^VIP door 0 0 3 0%$/ }).waitFor();
      const vip = page.getByTestId('checkin-list').filter({ hasText: 'VIP door' });
      await vip.getByText(/^Re-entry after exit · Regular$/).waitFor();
      // Opening hours are the venue's wall clock (the event is in Europe/Berlin, the browser in UTC).
      const hours =
        /^Open from Sat, 1 May 2027, 12:00 CEST until Sun, 2 May 2027, 20:00 CEST · Gates: VIP, Side$/;
      await vip.getByText(hours).waitFor();
      // Scans made before the list existed stay with the default list, at their gates.
      await page.getByRole('row', { name: /^North Default \(before lists\) 2 1$/ }).waitFor();
      await shot(page, 'dashboard-checkin-lists-desktop');
      await page.getByRole('button', { name: 'Edit VIP door' }).click();
      await page.getByLabel(/^Name/).first().fill('VIP entrance');
      await page
        .getByLabel(/^Multi-entry/)
        .first()
        .check();
      await page.getByRole('button', { name: 'Save list' }).click();
      await page.getByRole('row', { name: /^VIP entrance 0 0 3 0%$/ }).waitFor();
      await page.getByText(/^Multi-entry · Regular$/).waitFor();
      // The edit form showed the hours as they were typed, so saving kept them.
      await page.getByTestId('checkin-list').getByText(hours).waitFor();
      await page.getByRole('button', { name: 'Delete VIP entrance' }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByRole('row', { name: /^Default 2 1 3 66%$/ }).waitFor();

      // A session door: the list of a schedule room admits the signups of the session on there.
      await page.getByLabel(/^Name/).fill('Lab door');
      await page.getByLabel('Session door').selectOption({ label: 'Lab' });
      await page.getByRole('button', { name: 'Add list' }).click();
      const lab = page.getByTestId('checkin-list').filter({ hasText: 'Lab door' });
      await lab
        .getByText(/^Session door of Lab: admits the signups of the session on there$/)
        .waitFor();
      await shot(page, 'dashboard-checkin-session-door-desktop');
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await page.getByRole('button', { name: 'Delete Lab door' }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByRole('row', { name: /^Default 2 1 3 66%$/ }).waitFor();

      // Devices: a new enrollment's QR code holds what `kiosk start --enroll` reads.
      await page.getByRole('link', { name: 'Devices' }).click();
      await page.getByRole('heading', { level: 2, name: 'Kiosks and scanners' }).waitFor();
      // The kiosk that uploaded scans has been seen; its time is shown in the event's zone.
      await page
        .getByTestId('device')
        .filter({ hasText: 'South kiosk' })
        .getByText(/; last seen /)
        .waitFor();
      await page.getByLabel('Device name').fill(XSS_DEVICE);
      await page.getByRole('button', { name: 'Create enrollment code' }).click();
      await page.getByRole('heading', { level: 2, name: `Enroll ${XSS_DEVICE}` }).waitFor();
      const code = (await page.getByTestId('enrollment-code').textContent())!;
      expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      const scanned = new URL(
        await scanQr(page.getByTestId('enrollment-qr'), `${ARTIFACTS}dashboard-enrollment-qr.png`),
      );
      expect(scanned.protocol).toBe('lanyard:');
      expect(scanned.searchParams.get('code')).toBe(code);
      expect(scanned.searchParams.get('server')).toBe(t.url);
      await shot(page, 'dashboard-devices-desktop');
      expect(await overflowsSideways(page)).toBe(false);

      const cred = await json<{ clientId: string; clientSecret: string; tokenEndpoint: string }>(
        await enroll(t, scanned.searchParams.get('code')!),
        200,
      );
      const kioskToken = async () => {
        const res = await clientToken(cred.tokenEndpoint, cred.clientId, cred.clientSecret);
        return res.status === 200
          ? ((await res.json()) as { access_token: string }).access_token
          : null;
      };
      const token = (await kioskToken())!;
      const adaAgain = { token: ada.token, gate: 'East' };
      expect((await checkIn(t, sale.eventId, adaAgain, token)).reason).toBe('already_checked_in');
      await page.getByRole('button', { name: 'Done, hide the code' }).click();
      expect(await page.getByTestId('enrollment-code').count()).toBe(0);

      // Rename: the row follows, and the name stays text.
      await page.getByRole('button', { name: `Rename ${XSS_DEVICE}` }).click();
      const newName = page.getByLabel(`New name for ${XSS_DEVICE}`);
      await newName.fill('  ');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByText('must not be empty').waitFor();
      expect(await newName.evaluate((el) => el === document.activeElement)).toBe(true);
      await newName.fill('Gate A kiosk');
      await page.getByRole('button', { name: 'Save name' }).click();
      const row = page.getByTestId('device').filter({ hasText: 'Gate A kiosk' });
      await row.getByText('Enrolled', { exact: true }).waitFor();
      // Focus is back on the row's first button, not lost at the top of the page.
      await page
        .getByRole('button', { name: 'Rename Gate A kiosk' })
        .and(page.locator(':focus'))
        .waitFor();

      // Revoke asks first; "Keep it" takes focus, so a stray Enter revokes nothing.
      await page.getByRole('button', { name: 'Revoke Gate A kiosk' }).click();
      await page.keyboard.press('Enter');
      await row.getByText('Enrolled', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Revoke Gate A kiosk' }).click();
      await shot(page, 'dashboard-device-revoke-desktop');
      await page.getByRole('button', { name: 'Yes, revoke' }).click();
      await row.getByText('Revoked', { exact: true }).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      const refused = await t.api(`/api/v1/events/${sale.eventId}/checkins`, {
        token,
        body: adaAgain,
      });
      expect(refused.status).toBe(401);
      expect(await kioskToken()).toBeNull();
      expect(await xssRan(page)).toBeUndefined();
      expect(desk.errors).toEqual([]);
      await desk.close();

      // A phone: the monitor, the flags and an enrollment fit the width.
      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, checkinUrl);
      await phone.page.locator('.flag-list li').waitFor();
      await phone.page.getByRole('row', { name: /^South Default 1 0$/ }).waitFor();
      await shot(phone.page, 'dashboard-checkin-phone');
      expect(await overflowsSideways(phone.page)).toBe(false);
      await phone.page.getByRole('link', { name: 'Devices' }).click();
      await phone.page.getByLabel('Device name').fill('Registration desk laptop');
      await phone.page.getByRole('button', { name: 'Create enrollment code' }).click();
      await phone.page.getByTestId('enrollment-code').waitFor();
      await shot(phone.page, 'dashboard-devices-phone');
      expect(await overflowsSideways(phone.page)).toBe(false);
      expect(await xssRan(phone.page)).toBeUndefined();
      expect(phone.errors).toEqual([]);
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
