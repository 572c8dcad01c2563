import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { verifyWithPublishedKeys } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  ARTIFACTS,
  BROWSER_TEST_MS,
  DESKTOP,
  launchChromium,
  layoutShift,
  resetLayoutShift,
  scanQr,
  openPage,
  PHONE,
  shot,
  watchLayoutShift,
} from './portal-browser.js';
import {
  addQuestion,
  createPortalEvent,
  json,
  requireBuiltPortal,
  sellOut,
  type PortalEvent,
} from './portal-fixtures.js';

const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;

describe('attendee portal in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let event: PortalEvent;
  let company: string;

  beforeAll(async () => {
    requireBuiltPortal();
    t = await startTestServer('pglite');
    browser = await launchChromium();
    event = await createPortalEvent(
      t,
      {
        name: 'DevConf 2027',
        venue: 'Messe Berlin, Hall 4',
        description: 'Two days of talks about building things that last.',
      },
      {
        Regular: { priceCents: 0, quantity: 100, description: 'Both days, all talks' },
        Workshop: { priceCents: 0, quantity: 1 },
      },
    );
    await sellOut(t, event.eventId, event.types.Workshop!, 1);
    company = await addQuestion(t, event.eventId, {
      label: 'Company',
      kind: 'text',
      required: true,
    });
    await addQuestion(t, event.eventId, {
      label: 'T-shirt size',
      kind: 'choice',
      options: ['S', 'M', 'L'],
      position: 1,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)(
    'registers through the form on a %s and shows a QR that decodes to a valid ticket token',
    async (size, viewport) => {
      const { page, errors, close } = await openPage(browser, viewport);
      try {
        await watchLayoutShift(page);
        // The QR answers late, so the page is laid out before it arrives.
        await page.route('**/qr.svg', async (route) => {
          await new Promise((r) => setTimeout(r, 400));
          await route.continue();
        });
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByRole('heading', { level: 1, name: 'DevConf 2027' }).waitFor();
        // Dates in the event's zone (Europe/Berlin, UTC+2 in May): 09:00Z is 11:00.
        await expect(page.locator('.when-where').innerText()).resolves.toContain('11:00');
        await shot(page, `event-${size}`);

        await page.getByLabel('Full name').fill(`Ada Lovelace ${size}`);
        await page.getByLabel(/^Email/).fill(`ada-${size}@example.org`);
        await page.getByLabel('Company').fill('Analytical Engines Ltd');
        await page.getByLabel('T-shirt size').selectOption('M');
        await page.getByRole('button', { name: 'Register' }).click();

        await page.waitForURL(/\/t\/[0-9a-f-]{36}\?key=/);
        await page.getByText('Loading QR code…').waitFor();
        await resetLayoutShift(page);
        const qr = page.locator('[data-testid=ticket-qr] img');
        await qr.waitFor();
        await page.waitForFunction(() => {
          const img = document.querySelector<HTMLImageElement>('[data-testid=ticket-qr] img');
          return img?.complete && img.naturalWidth > 0;
        });
        await expect(page.locator('.holder').innerText()).resolves.toBe(`Ada Lovelace ${size}`);
        await shot(page, `ticket-${size}`);

        const decoded = await scanQr(qr, `${ARTIFACTS}qr-${size}.png`);
        const url = new URL(page.url());
        const ticketId = url.pathname.split('/')[2]!;
        const ticket = await json<{ token: string }>(
          await t.api(`/api/v1/tickets/${ticketId}`, {
            token: null,
            headers: { 'x-access-key': url.searchParams.get('key')! },
          }),
          200,
        );
        expect(decoded).toBe(ticket.token);
        expect(await verifyWithPublishedKeys(t, event.eventId, decoded)).toMatchObject({
          ok: true,
          claims: expect.objectContaining({ ticketId, eventId: event.eventId }),
        });
        // The door admits it once: the check-in endpoint decides on the scanned text.
        const scan = (token: string) =>
          t.api(`/api/v1/events/${event.eventId}/checkins`, { body: { token } });
        await expect(json(await scan(decoded), 200)).resolves.toMatchObject({
          result: 'admitted',
          ticketId,
        });
        await expect(json(await scan(decoded), 200)).resolves.toMatchObject({
          reason: 'already_checked_in',
        });
        // The QR's box was sized before the image came: nothing moved when it did.
        expect(await layoutShift(page)).toBeLessThan(0.01);
        // The link on the page opens the same ticket in a new visit.
        const link = await page.getByLabel('Link to your ticket').inputValue();
        expect(link).toBe(page.url());
        // The calendar file is made in the browser, in UTC.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Add to calendar' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('DevConf-2027.ics');
        const ics = await readFile(await download.path(), 'utf8');
        expect(ics).toContain('\r\nSUMMARY:DevConf 2027\r\n');
        expect(ics).toContain('\r\nDTSTART:20270501T090000Z\r\n');
        expect(ics).toContain('\r\nLOCATION:Messe Berlin\\, Hall 4\r\n');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'offers the waitlist for a sold-out ticket type and shows the place in line',
    async () => {
      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByRole('radio', { name: /Workshop/ }).check();
        await expect(page.getByText('Sold out · waitlist open').count()).resolves.toBe(1);
        await page.getByLabel('Full name').fill('Grace Hopper');
        await page.getByLabel(/^Email/).fill('grace@example.org');
        // Questions are asked when a seat is offered, not to join the line.
        await expect(page.getByLabel('Company').count()).resolves.toBe(0);
        await shot(page, 'waitlist-offer-phone');
        await page.getByRole('button', { name: 'Join the waitlist' }).click();

        await page.waitForURL(/\/w\/[0-9a-f-]{36}\?key=/);
        await page.getByRole('heading', { name: 'You are on the waitlist' }).waitFor();
        await expect(page.locator('.position-number').innerText()).resolves.toBe('1');
        await shot(page, 'waitlist-place-phone');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'lets a waitlisted attendee claim a freed seat, asking the questions then',
    async () => {
      const solo = await createPortalEvent(
        t,
        { name: 'Small Workshop' },
        { Solo: { priceCents: 0, quantity: 1 } },
      );
      const first = await json<{ id: string }>(
        await t.api(`/api/v1/events/${solo.eventId}/registrations`, {
          token: null,
          body: {
            ticketTypeId: solo.types.Solo,
            quantity: 1,
            attendee: { name: 'First', email: 'first@example.org' },
          },
        }),
        201,
      );
      await addQuestion(t, solo.eventId, {
        label: 'Laptop OS',
        kind: 'choice',
        options: ['Linux', 'macOS'],
        required: true,
      });
      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${solo.eventId}`);
        await page.getByLabel('Full name').fill('Barbara Liskov');
        await page.getByLabel(/^Email/).fill('barbara@example.org');
        await page.getByRole('button', { name: 'Join the waitlist' }).click();
        await page.waitForURL(/\/w\//);
        await expect(page.locator('.position-number').innerText()).resolves.toBe('1');

        // The first attendee's order is cancelled: the seat is offered to the next in line.
        await json(await t.api(`/api/v1/orders/${first.id}/cancel`, { body: {} }), 200);
        await page.reload();
        await page.getByRole('heading', { name: 'A seat is yours to claim' }).waitFor();
        await page.getByRole('button', { name: 'Claim my seat' }).click();
        const summary = page.getByRole('alert').filter({ hasText: 'Please fix' });
        await expect(summary.locator('li').allInnerTexts()).resolves.toEqual([
          'Laptop OS: is required',
        ]);
        await shot(page, 'waitlist-claim-phone');

        await page.getByLabel('Laptop OS').selectOption('Linux');
        await page.getByRole('button', { name: 'Claim my seat' }).click();
        await page.waitForURL(/\/t\//);
        await page.locator('[data-testid=ticket-qr] img').waitFor();
        await expect(page.locator('.holder').innerText()).resolves.toBe('Barbara Liskov');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'answers bad input field by field, from the browser’s checks and from the server',
    async () => {
      const { page, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByLabel(/^Email/).fill('not an email');
        await page.getByRole('button', { name: 'Register' }).click();

        const summary = page.getByRole('alert').filter({ hasText: 'Please fix' });
        await expect(summary.locator('li').allInnerTexts()).resolves.toEqual([
          'Full name: must not be empty',
          'Email: must be an email address',
          'Company: is required',
        ]);
        await expect(page.getByLabel('Full name').getAttribute('aria-invalid')).resolves.toBe(
          'true',
        );
        await expect(page.locator(`#f-answers-${company}-error`).innerText()).resolves.toContain(
          'is required',
        );
        // The summary takes focus, so a screen reader reads the problems first.
        await expect(
          page.evaluate(() => document.activeElement?.classList.contains('error-summary')),
        ).resolves.toBe(true);
        await shot(page, 'errors-client-phone');

        // A promo code only the server can judge: its answer lands on the promo code field.
        await page.getByLabel('Full name').fill('Alan Turing');
        await page.getByLabel(/^Email/).fill('alan@example.org');
        await page.getByLabel('Company').fill('Bletchley');
        await page.getByLabel('Promo code').fill('NOPE');
        await page.getByRole('button', { name: 'Register' }).click();
        await expect(
          page.locator('#f-promoCode-error').innerText({ timeout: 5000 }),
        ).resolves.toContain('is not valid for this ticket');
        await expect(summary.locator('li').allInnerTexts()).resolves.toEqual([
          'Promo code: is not valid for this ticket',
        ]);
        expect(page.url()).toContain(`/e/${event.eventId}`);
        await shot(page, 'errors-server-phone');
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'holds a priced ticket’s QR back until the order is paid, then shows it',
    async () => {
      const paid = await createPortalEvent(t, {}, { Paid: { priceCents: 2500 } });
      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${paid.eventId}`);
        await page.getByLabel('Full name').fill('Katherine Johnson');
        await page.getByLabel(/^Email/).fill('katherine@example.org');
        await page.getByRole('button', { name: 'Register · €25.00' }).click();
        await page.waitForURL(/\/t\//);
        await page.getByRole('heading', { name: 'Payment due: €25.00' }).waitFor();
        await expect(page.getByText('Awaiting payment').count()).resolves.toBe(1);
        await expect(page.locator('img').count()).resolves.toBe(0);
        await shot(page, 'ticket-pending-phone');

        const url = new URL(page.url());
        const ticket = await json<{ orderId: string }>(
          await t.api(`/api/v1/tickets/${url.pathname.split('/')[2]}`, {
            token: null,
            headers: { 'x-access-key': url.searchParams.get('key')! },
          }),
          200,
        );
        await json(await t.api(`/api/v1/orders/${ticket.orderId}/mark-paid`, { body: {} }), 200);
        await page.reload();
        await page.locator('[data-testid=ticket-qr] img').waitFor();
        await expect(page.getByText('Payment due').count()).resolves.toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'registers with the keyboard alone, every control reached by Tab in reading order',
    async () => {
      const { page, errors, close } = await openPage(browser, PHONE);
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const label = el?.id
            ? document.querySelector(`label[for="${el.id}"]`)?.textContent
            : null;
          return label ?? el?.textContent ?? el?.getAttribute('value') ?? '';
        });
      try {
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Skip to content');
        await page.keyboard.press('Tab');
        // The chosen ticket's radio; the arrows move within the group.
        await expect(
          page
            .getByRole('radio', { name: /Regular/ })
            .evaluate((r) => r === document.activeElement),
        ).resolves.toBe(true);
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Number of tickets');
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Full name (required)');
        await page.keyboard.type('Margaret Hamilton');
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Email (required)');
        await page.keyboard.type('margaret@example.org');
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Company (required)');
        await page.keyboard.type('MIT');
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('T-shirt size');
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Promo code');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/t\//);
        await page.locator('[data-testid=ticket-qr] img').waitFor();
        // The new page's heading has focus, so a screen reader announces it.
        await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'turns a sale lost to another buyer into the waitlist offer, with fresh seat counts',
    async () => {
      const last = await createPortalEvent(
        t,
        { name: 'Last Seat' },
        { Only: { priceCents: 0, quantity: 1 } },
      );
      const { page, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${last.eventId}`);
        // The page renders after its data arrives: wait for it before counting.
        await page.getByText('1 left').first().waitFor();
        await expect(page.getByText('1 left').count()).resolves.toBe(1);
        await page.getByLabel('Full name').fill('Slow Buyer');
        await page.getByLabel(/^Email/).fill('slow@example.org');
        // Someone else takes the last seat while the form is being filled in.
        await sellOut(t, last.eventId, last.types.Only!, 1);
        await page.getByRole('button', { name: 'Register' }).click();
        await page.getByText('These tickets sold out a moment ago.', { exact: false }).waitFor();
        await page.getByRole('button', { name: 'Join the waitlist' }).waitFor();
        await expect(page.getByText('Sold out · waitlist open').count()).resolves.toBe(1);
        await shot(page, 'sold-out-race-phone');
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'says what is wrong with a link to an unknown event or a ticket link without its key',
    async () => {
      const { page, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/7a1960ad-1304-41e7-82d5-27b98f9f61ab`);
        await page
          .getByText('This event was not found. Check that the link is complete.')
          .waitFor();
        await page.goto(`${t.url}/t/7a1960ad-1304-41e7-82d5-27b98f9f61ab`);
        await page
          .getByText('This ticket link is missing its key. Open the full link you were given.')
          .waitFor();
        await page.goto(`${t.url}/t/7a1960ad-1304-41e7-82d5-27b98f9f61ab?key=wrong`);
        await page
          .getByText('This ticket was not found. Check that the link is complete.')
          .waitFor();
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows an XSS payload as a name as plain text on the event and ticket pages',
    async () => {
      const evil = await createPortalEvent(
        t,
        { name: XSS, venue: XSS, description: XSS },
        { [XSS]: { priceCents: 0 } },
      );
      const { page, errors, close } = await openPage(browser, DESKTOP);
      try {
        await page.goto(`${t.url}/e/${evil.eventId}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(XSS);
        await page.getByLabel('Full name').fill(XSS);
        await page.getByLabel(/^Email/).fill('mallory@example.org');
        await page.getByRole('button', { name: 'Register' }).click();
        await page.waitForURL(/\/t\//);
        await page.locator('[data-testid=ticket-qr] img').waitFor();
        await expect(page.locator('.holder').innerText()).resolves.toBe(XSS);
        await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(XSS);
        await shot(page, 'xss-ticket-desktop');
        // Nothing ran and nothing was parsed as markup: the only image is the QR code.
        expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
        expect(await page.locator('img').count()).toBe(1);
        expect(await page.locator('main script').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );
});
