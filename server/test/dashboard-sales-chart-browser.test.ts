import type { TestServer } from './harness.js';
import { createSale, register } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The sales monitor's chart of tickets sold over time: it grows as registrations arrive, without
// a reload, and fits a phone.

describe('sales chart in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'grows as registrations arrive and says so in its text alternative',
    async () => {
      const t: TestServer = rig.t;
      const sale = await createSale(t, 0);
      const desk = await openPage(rig.browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/events/${sale.eventId}`);
      const chart = page.getByRole('img', { name: /tickets? sold/i });
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toBe('No tickets sold yet');
      const height = (await chart.boundingBox())!.height;

      await register(t, sale, 2);
      await page.getByRole('img', { name: /^2 tickets sold, most recently/ }).waitFor();
      await register(t, sale, 3);
      await page.getByRole('img', { name: /^5 tickets sold, most recently/ }).waitFor();
      // Fixed height: the data arriving moved nothing.
      expect((await chart.boundingBox())!.height).toBe(height);
      await shot(page, 'dashboard-sales-chart-desktop');
      expect(await overflowsSideways(page)).toBe(false);
      expect(desk.errors).toEqual([]);
      await desk.close();

      const phone = await openPage(rig.browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/events/${sale.eventId}`);
      await phone.page.getByRole('img', { name: /^5 tickets sold/ }).waitFor();
      await shot(phone.page, 'dashboard-sales-chart-phone');
      expect(await overflowsSideways(phone.page)).toBe(false);
      expect(phone.errors).toEqual([]);
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
