import { createSale, json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { seriousViolations } from './axe.js';
import { BRANDING, bandsPng } from './branding-fixtures.js';
import { signIn, useDashboardRig } from './dashboard-browser-support.js';
import { DESKTOP, BROWSER_TEST_MS, openPage, shot } from './portal-browser.js';

// The event's branding in the dashboard's settings (every field, the logo uploaded from a file),
// kept by the server and shown on the public event; a bad colour refused at its field; and the
// consent a buyer gave, on the order's page.

describe('branding in the dashboard [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'saves the branding and a logo, refuses a bad colour, and shows an order’s consent',
    async () => {
      const { t, browser } = rig;
      const sale = await createSale(t);
      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/events/${sale.eventId}/settings`);
      await page.getByRole('heading', { level: 2, name: 'Branding and consent' }).waitFor();
      const form = page.locator('form').filter({ has: page.getByLabel('Accent colour') });

      await form.getByLabel('Accent colour').fill('green');
      await form.getByRole('button', { name: 'Save branding' }).click();
      await page.getByText('must be a colour like #1f4fd1').first().waitFor();

      const fields: [string, string][] = [
        ['Accent colour', BRANDING.accentColor],
        ['Organizer name', BRANDING.organizerName],
        ['Contact email', BRANDING.contactEmail],
        ['Contact phone', BRANDING.contactPhone],
        ['Postal address', BRANDING.contactAddress],
        ['Imprint (legal notice)', BRANDING.imprint],
        ['Terms and conditions (link)', BRANDING.termsUrl],
        ['Privacy notice (link)', BRANDING.privacyUrl],
      ];
      for (const [label, value] of fields) await form.getByLabel(label).fill(value);
      await form.getByRole('button', { name: 'Save branding' }).click();
      await page.getByText('Saved.').waitFor();
      const event = await json<{ branding: unknown }>(
        await t.api(`/api/v1/events/${sale.eventId}`),
        200,
      );
      expect(event.branding).toEqual(BRANDING);

      await page.getByLabel('Image file for the logo').setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: bandsPng(160, 64, ['#0b6e4f', '#ffffff', '#0b6e4f']),
      });
      await page.getByRole('button', { name: 'Upload logo' }).click();
      await page.getByText('Logo saved.').waitFor();
      await page.getByRole('img', { name: 'Current logo' }).waitFor();
      // Not an image: refused by its bytes, whatever the file says it is.
      await page.getByLabel('Image file for the banner').setInputFiles({
        name: 'banner.png',
        mimeType: 'image/png',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      });
      await page.getByRole('button', { name: 'Upload banner' }).click();
      await page.getByText('is not a PNG, JPEG or WebP image').first().waitFor();
      const images = await json<{ logo: { url: string } | null; banner: unknown }>(
        await t.api(`/api/v1/events/${sale.eventId}/images`),
        200,
      );
      expect(images.banner).toBeNull();
      expect((await fetch(`${t.url}${images.logo!.url}`)).status).toBe(200);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('#settings-branding').scrollIntoViewIfNeeded();
      await shot(page, 'dashboard-branding-desktop');

      // A buyer agrees in the portal (here through the API); the order's page says to what.
      const order = await json<{ id: string }>(
        await t.api(`/api/v1/events/${sale.eventId}/registrations`, {
          token: null,
          body: {
            ticketTypeId: sale.ticketTypeId,
            quantity: 1,
            attendee: { name: 'Cora Consent', email: 'cora@example.org' },
            consent: true,
          },
        }),
        201,
      );
      await page.goto(`${t.url}/dashboard/events/${sale.eventId}/orders/${order.id}`);
      await page.getByText('Agreed to').waitFor();
      await page.getByRole('link', { name: 'the terms' }).waitFor();
      await page.getByRole('link', { name: 'the privacy notice' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'dashboard-order-consent-desktop');
      expect(desk.errors).toEqual([]);
      await desk.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
