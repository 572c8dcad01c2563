import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import { BROWSER_TEST_MS, launchChromium, openPage, PHONE, shot } from './portal-browser.js';
import {
  createPortalEvent,
  json,
  requireBuiltPortal,
  type PortalEvent,
} from './portal-fixtures.js';

interface OrderList {
  items: { attendee: { email: string; phone: string | null; smsOptIn: boolean } }[];
}

describe('the portal asks for a phone and SMS consent when the event does', () => {
  let t: TestServer;
  let browser: Browser;
  let event: PortalEvent;

  beforeAll(async () => {
    requireBuiltPortal();
    t = await startTestServer('pglite');
    browser = await launchChromium();
    event = await createPortalEvent(
      t,
      {
        name: 'SMS Conf',
        attendeePhone: 'required',
        phoneRegion: 'DE',
        smsKinds: ['order_confirmed'],
      },
      { Regular: { priceCents: 0, quantity: 10 } },
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it(
    'shows the server’s refusal of a bad number at the field, then registers a national one in E.164 with consent',
    async () => {
      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByLabel('Full name').fill('Ada Lovelace');
        await page.getByLabel(/^Email/).fill('ada@example.org');
        await page.getByRole('button', { name: 'Register' }).click();
        // Required, checked before sending.
        await page
          .getByText(/is required for this event/)
          .first()
          .waitFor();

        await page.getByLabel(/^Mobile phone/).fill('12');
        await page.getByRole('button', { name: 'Register' }).click();
        // The server judges the number and names the field.
        await page
          .getByText(/is not a valid phone number|must be a phone number/)
          .first()
          .waitFor();
        await shot(page, 'phone-error-phone');

        await page.getByLabel(/^Mobile phone/).fill('030 1234567');
        await page.getByLabel('Also send me my ticket link and updates by SMS').check();
        await page.getByRole('button', { name: 'Register' }).click();
        await page.waitForURL(/\/(o|t)\/[0-9a-f-]{36}\?key=/);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
      const orders = await json<OrderList>(
        await t.api(`/api/v1/events/${event.eventId}/orders`),
        200,
      );
      expect(orders.items.map((o) => o.attendee)).toEqual([
        expect.objectContaining({
          email: 'ada@example.org',
          phone: '+49301234567',
          smsOptIn: true,
        }),
      ]);
    },
    BROWSER_TEST_MS,
  );
});
