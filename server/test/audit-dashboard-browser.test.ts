import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';
import { eventBody, ticketTypeBody } from './harness.js';

// The event's Audit log page in Chromium: an organizer's changes appear with who, when and what
// changed, newest first, on a desktop and on a phone.

describe('dashboard audit log in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'lists the changes made to the event, newest first, with the changed fields',
    async () => {
      const { t, browser } = rig;
      const event = (await (await t.api('/api/v1/events', { body: eventBody() })).json()) as {
        id: string;
      };
      const type = (await (
        await t.api(`/api/v1/events/${event.id}/ticket-types`, {
          body: ticketTypeBody({ name: 'Regular', quantity: 100 }),
        })
      ).json()) as { id: string };
      await t.api(`/api/v1/events/${event.id}/ticket-types/${type.id}`, {
        method: 'PATCH',
        body: { quantity: 150 },
      });

      const desk = await openPage(browser, DESKTOP);
      await signIn(desk.page, `${t.url}/dashboard/events/${event.id}/audit`);
      await desk.page.getByRole('heading', { name: 'Audit log' }).waitFor();
      const rows = desk.page.locator('.audit-table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(3);
      await expect(rows.first().textContent()).resolves.toContain('ticket_type.updated');
      await expect(rows.first().textContent()).resolves.toContain('quantity: 100 → 150');
      await expect(rows.last().textContent()).resolves.toContain('event.created');
      await shot(desk.page, 'dashboard-audit-desktop');
      expect(desk.errors).toEqual([]);
      await desk.close();

      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/events/${event.id}/audit`);
      await phone.page.locator('.audit-table tbody tr').first().waitFor();
      expect(await overflowsSideways(phone.page)).toBe(false);
      await shot(phone.page, 'dashboard-audit-phone');
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
