import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import {
  BROWSER_TEST_MS,
  DESKTOP,
  launchChromium,
  openPage,
  PHONE,
  shot,
} from './portal-browser.js';
import {
  createPortalEvent,
  json,
  requireBuiltPortal,
  type PortalEvent,
} from './portal-fixtures.js';

// A hidden ticket type in the portal: absent from the event page, revealed by its access code
// (typed in, or brought by a `?code=` link), and then registrable like any other.

describe('hidden ticket types in the portal (Chromium)', () => {
  let t: TestServer;
  let browser: Browser;
  let event: PortalEvent;

  beforeAll(async () => {
    requireBuiltPortal();
    t = await startTestServer('pglite');
    browser = await launchChromium();
    event = await createPortalEvent(
      t,
      { name: 'DevConf 2027' },
      {
        Regular: { priceCents: 0, quantity: 100 },
        Speaker: { priceCents: 0, quantity: 40, hidden: true, description: 'For our speakers' },
      },
    );
    await json(
      await t.api(`/api/v1/events/${event.eventId}/promo-codes`, {
        body: { code: 'SPEAKERS2027', ticketTypeIds: [event.types.Speaker] },
      }),
      201,
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it(
    'shows the Speaker ticket only after its code is applied, and registers a speaker with it',
    async () => {
      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByRole('heading', { level: 1, name: 'DevConf 2027' }).waitFor();
        await page.getByRole('radio', { name: /Regular/ }).waitFor();
        expect(await page.getByRole('radio', { name: /Speaker/ }).count()).toBe(0);
        await shot(page, 'access-code-before');

        await page.getByLabel('Access code').fill('speakers2027');
        await page.getByRole('button', { name: 'Apply code' }).click();
        await page.getByText('Access code SPEAKERS2027 applied.').waitFor();
        expect(new URL(page.url()).searchParams.get('code')).toBe('speakers2027');
        await page.getByRole('radio', { name: /Speaker/ }).check();
        await expect(page.getByLabel('Promo code').inputValue()).resolves.toBe('SPEAKERS2027');
        await shot(page, 'access-code-revealed');

        await page.getByLabel('Full name').fill('Grace Hopper');
        await page.getByLabel(/^Email/).fill('grace@example.org');
        await page.getByRole('button', { name: 'Register' }).click();
        await page.waitForURL(/\/t\/[0-9a-f-]{36}\?key=/);
        const url = new URL(page.url());
        const ticket = await json<{ ticketTypeId: string }>(
          await t.api(`/api/v1/tickets/${url.pathname.split('/')[2]}`),
          200,
        );
        expect(ticket.ticketTypeId).toBe(event.types.Speaker);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'says so when a link brings a code that is not valid, and shows no hidden ticket',
    async () => {
      const { page, close } = await openPage(browser, DESKTOP);
      try {
        await page.goto(`${t.url}/e/${event.eventId}?code=GUESS`);
        await page.getByText('The access code “GUESS” is not valid for this event.').waitFor();
        expect(await page.getByRole('radio', { name: /Speaker/ }).count()).toBe(0);
        await shot(page, 'access-code-invalid');
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );
});
