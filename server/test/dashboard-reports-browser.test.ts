import { seriousViolations } from './axe.js';
import type { TestServer } from './harness.js';
import { createSale, register } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { json } from './registration-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The Reports section: sales over time and the live door view, each chart with its table, on a
// phone and a desktop, with no serious or critical axe-core finding.

describe('reports in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'shows sales per day and the door live, charts with tables, readable on a phone',
    async () => {
      const t: TestServer = rig.t;
      const sale = await createSale(t, 0);
      const tickets: string[] = [];
      for (let i = 0; i < 3; i++)
        tickets.push(...(await register(t, sale, 2)).tickets.map((x) => x.token));
      for (const [i, token] of tickets.slice(0, 4).entries())
        await json(
          await t.api(`/api/v1/events/${sale.eventId}/checkins`, {
            body: { token, gate: i % 2 ? 'North' : 'South' },
          }),
          200,
        );
      const url = `${t.url}/dashboard/events/${sale.eventId}/reports`;
      for (const [size, name] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const { page, errors, close } = await openPage(rig.browser, size);
        await signIn(page, url);
        await page.getByRole('img', { name: /^6 tickets sold over 1 days/ }).waitFor();
        await page.getByRole('table', { name: /Tickets and revenue per day/ }).waitFor();
        // The desktop pass lets a fifth person in at North; the phone then sees five.
        const inside = name === 'desktop' ? 4 : 5;
        await page
          .getByRole('img', { name: new RegExp(`^${inside} arrivals in the last hour`) })
          .waitFor();
        await page.getByText(`Inside now: ${inside}.`).waitFor();
        const gates = page.getByRole('table', { name: /Arrivals in the last hour by gate/ });
        const north = inside - 2;
        await gates.getByRole('row', { name: `North ${north} ${north}` }).waitFor();
        // Live: one more arrival reaches the open page without a reload.
        if (name === 'desktop') {
          await json(
            await t.api(`/api/v1/events/${sale.eventId}/checkins`, {
              body: { token: tickets[4], gate: 'North' },
            }),
            200,
          );
          await page.getByText(/Inside now: 5\./).waitFor();
        }
        await shot(page, `dashboard-reports-${name}`);
        expect(await overflowsSideways(page)).toBe(false);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await close();
      }
    },
    BROWSER_TEST_MS * 3,
  );
});
