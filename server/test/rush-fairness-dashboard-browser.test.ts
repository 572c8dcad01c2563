import { randomUUID } from 'node:crypto';
import { BROWSER_TEST_MS, DESKTOP, openPage } from './portal-browser.js';
import { signIn, useDashboardRig } from './dashboard-browser-support.js';
import { clientAddress, requestFrom } from './from-address.js';
import { createEvent, createTicketType } from './registration-fixtures.js';

// The Orders section shows unpaid holds by network address, most first; an organizer releases a
// hoarder's holds after a confirm step and the seats are on sale again.

describe('holds in the dashboard [postgres]', () => {
  const rig = useDashboardRig({ RATE_LIMITS: 'on' });

  it(
    'shows the hoarding address first and releases its holds after a confirm step',
    async () => {
      const { t, browser } = rig;
      const eventId = (await createEvent(t)).id;
      const ticketTypeId = await createTicketType(t, eventId, { priceCents: 4900, quantity: 7 });
      const order = (from: string) =>
        requestFrom(from, `${t.url}/api/v1/events/${eventId}/registrations`, {
          body: {
            ticketTypeId,
            quantity: 1,
            attendee: { name: 'Buyer', email: `b-${randomUUID()}@example.org` },
          },
        });
      const hoarder = clientAddress(700);
      for (let i = 0; i < 5; i++) expect((await order(hoarder)).status).toBe(201);
      expect((await order(clientAddress(701))).status).toBe(201);

      const { page, errors, close } = await openPage(browser, DESKTOP);
      try {
        await signIn(page, `${t.url}/dashboard/events/${eventId}/orders`);
        const panel = page.getByRole('region', { name: 'Unpaid holds by network' });
        await panel.getByText('6 unpaid orders hold 6 seats.').waitFor();
        const rows = panel.getByRole('row');
        await expect(rows.nth(1).getByRole('rowheader').textContent()).resolves.toBe(hoarder);
        await panel.getByRole('button', { name: `Release holds of ${hoarder}` }).click();
        await panel.getByRole('button', { name: `Release 5 orders of ${hoarder}` }).click();
        await panel.getByText(`Released 5 unpaid orders (5 seats) of ${hoarder}.`).waitFor();
        await panel.getByText('1 unpaid orders hold 1 seats.').waitFor();
        await expect(panel.getByRole('rowheader').allTextContents()).resolves.toEqual([
          clientAddress(701),
        ]);
        const types = (await (await t.api(`/api/v1/events/${eventId}/ticket-types`)).json()) as {
          available: number;
        }[];
        expect(types[0]!.available).toBe(6);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );
});
