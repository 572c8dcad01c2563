import type { Browser } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { BRANDING, bandsPng } from './branding-fixtures.js';
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

// The branded public event page in Chromium: banner, logo, the organizer's colour on the
// register button with its readable text colour, the Markdown description, the organizer's
// contact and imprint; registration refused without the consent box, recorded with it.

describe('a branded event page with required consent', () => {
  let t: TestServer;
  let browser: Browser;
  let event: PortalEvent;

  beforeAll(async () => {
    requireBuiltPortal();
    t = await startTestServer('postgres');
    browser = await launchChromium();
    event = await createPortalEvent(
      t,
      {
        name: 'DevConf 2027',
        venue: 'Hall 7, Berlin',
        description:
          '**Two days** of talks on systems that stay up.\n\n- Keynotes in Hall A\n- Workshops after lunch\n\n<script>alert(1)</script>',
        branding: BRANDING,
      },
      { Regular: { priceCents: 0, quantity: 10 } },
    );
    const upload = (slot: string, png: Buffer) =>
      t.api(`/api/v1/events/${event.eventId}/images/${slot}`, {
        method: 'PUT',
        body: { contentType: 'image/png', data: png.toString('base64') },
      });
    await json(await upload('logo', bandsPng(160, 64, ['#0b6e4f', '#ffffff', '#0b6e4f'])), 200);
    await json(await upload('banner', bandsPng(1200, 300, ['#0b6e4f', '#12a37a', '#9be3c8'])), 200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it(
    'shows the branding, refuses to register without consent and records it with consent',
    async () => {
      for (const size of [DESKTOP, PHONE]) {
        const { page, errors, close } = await openPage(browser, size);
        await page.goto(`${t.url}/e/${event.eventId}`);
        await page.getByRole('heading', { name: 'DevConf 2027', level: 1 }).waitFor();
        const logo = page.getByRole('img', { name: 'DevConf e.V. logo' });
        await logo.waitFor();
        const loaded = await page.evaluate(() =>
          [...document.images].map((i) => i.complete && i.naturalWidth > 0),
        );
        expect(loaded).toEqual([true, true]);
        await page.locator('.description-rich strong', { hasText: 'Two days' }).waitFor();
        await page.getByText('<script>alert(1)</script>').waitFor();
        await page.getByRole('heading', { name: 'Organizer' }).waitFor();
        await page.getByRole('link', { name: BRANDING.contactEmail }).waitFor();
        await page.getByText(BRANDING.imprint).waitFor();
        const button = page.getByRole('button', { name: 'Register' });
        expect(
          await button.evaluate((b) => [
            getComputedStyle(b).backgroundColor,
            getComputedStyle(b).color,
          ]),
        ).toEqual(['rgb(11, 110, 79)', 'rgb(255, 255, 255)']);
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, `branded-event-${size === PHONE ? 'phone' : 'desktop'}`);
        expect(errors).toEqual([]);
        await close();
      }

      const { page, errors, close } = await openPage(browser, PHONE);
      await page.goto(`${t.url}/e/${event.eventId}`);
      await page.getByLabel('Full name').fill('Cora Consent');
      await page.getByLabel(/^Email/).fill('cora@example.org');
      await page.getByRole('button', { name: 'Register' }).click();
      await page.getByText('Tick the box to agree before you register.').first().waitFor();
      await shot(page, 'branded-event-consent-missing-phone');
      const orders = async () =>
        (
          await json<{ items: { id: string; consent: unknown }[] }>(
            await t.api(`/api/v1/events/${event.eventId}/orders`),
            200,
          )
        ).items;
      expect(await orders()).toEqual([]);

      await page.getByLabel(/^I agree to the terms and conditions .*privacy notice/).check();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Register' }).click();
      await page.waitForURL(/\/(o|t)\/[0-9a-f-]{36}\?key=/);
      expect(errors).toEqual([]);
      await close();
      const [order] = await orders();
      expect(order?.consent).toEqual({
        documents: [
          { document: 'terms', url: BRANDING.termsUrl },
          { document: 'privacy', url: BRANDING.privacyUrl },
        ],
        at: expect.any(String),
      });
    },
    BROWSER_TEST_MS * 2,
  );
});
