import type { Page } from 'playwright-core';
import type { TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The organizer dashboard in Chromium against a real server: sign-in on the issuer's page
// (authorization code + PKCE), an event with two ticket types, and the sales monitor following
// registrations made elsewhere, without a reload.

async function addTicketType(page: Page, name: string, price: string, quantity: string) {
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel('Price').fill(price);
  await page.getByLabel('Quantity').fill(quantity);
  await page.getByRole('button', { name: 'Add ticket type' }).click();
  await page.getByRole('listitem').filter({ hasText: name }).waitFor();
}

const register = (t: TestServer, eventId: string, ticketTypeId: string, quantity: number) =>
  t.api(`/api/v1/events/${eventId}/registrations`, {
    token: null,
    body: {
      ticketTypeId,
      quantity,
      attendee: { name: 'Ada Lovelace', email: `ada${quantity}@example.org` },
    },
  });

describe('organizer dashboard in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'signs in, creates an event with two ticket types and sees registrations arrive live',
    async () => {
      const { t, browser } = rig;
      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/`);
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      await page.getByText('No events yet').waitFor();
      await shot(page, 'dashboard-events-desktop');

      await page.getByLabel(/^Name/).fill('Harbour Summit 2027');
      await page.getByLabel('Starts').fill('2027-06-10T09:00');
      await page.getByLabel('Ends').fill('2027-06-11T17:00');
      await page.getByLabel('Venue').fill('Pier 4');
      await page.getByRole('button', { name: 'Create event' }).click();
      await page.getByRole('heading', { level: 1, name: 'Harbour Summit 2027' }).waitFor();
      const eventId = /\/dashboard\/events\/([^/?]+)/.exec(page.url())![1]!;

      await addTicketType(page, 'Regular', '0', '100');
      await addTicketType(page, 'Supporter', '25.00', '10');
      const types = await json<{ id: string; name: string }[]>(
        await t.api(`/api/v1/events/${eventId}/ticket-types`),
        200,
      );
      const typeId = (name: string) => types.find((x) => x.name === name)!.id;

      // The monitor's rows read "type, sold, held, available, revenue".
      const row = (name: RegExp) => page.getByRole('row', { name }).waitFor();
      await row(/^Regular 0 0 100/);
      await row(/^Supporter 0 0 10/);
      await page.getByText('Live', { exact: true }).waitFor();
      // Marks the document: a reload would lose it, so the check below proves there was none.
      await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

      expect((await register(t, eventId, typeId('Regular'), 2)).status).toBe(201);
      await row(/^Regular 2 0 98/);
      expect((await register(t, eventId, typeId('Supporter'), 1)).status).toBe(201);
      await row(/^Supporter 0 1 9/);
      expect(await page.locator('[data-figure="sold"]').textContent()).toBe('2');
      expect(await page.locator('[data-figure="held"]').textContent()).toBe('1');
      expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
      await shot(page, 'dashboard-event-desktop');
      expect(await overflowsSideways(page)).toBe(false);
      expect(desk.errors).toEqual([]);
      await desk.close();

      // On a phone, in a new browser session: sign-in returns to the page asked for.
      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/events/${eventId}`);
      await phone.page.getByRole('heading', { level: 1, name: 'Harbour Summit 2027' }).waitFor();
      await phone.page.getByRole('row', { name: /^Supporter 0 1 9/ }).waitFor();
      await shot(phone.page, 'dashboard-event-phone');
      expect(await overflowsSideways(phone.page)).toBe(false);
      await phone.page.getByRole('link', { name: 'All events' }).click();
      await phone.page.getByRole('link', { name: 'Harbour Summit 2027' }).waitFor();
      await shot(phone.page, 'dashboard-events-phone');
      expect(await overflowsSideways(phone.page)).toBe(false);
      expect(phone.errors).toEqual([]);
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
