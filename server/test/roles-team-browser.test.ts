import { createSale, json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The event's Team page in Chromium against a real server: an organization admin (without the admin scope) adds a person by account id
// as staff, changes the role, and removes them; the server's team follows each step.

describe('dashboard team page in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'adds a person with a role, changes the role and removes them',
    async () => {
      const { t, browser } = rig;
      const { eventId } = await createSale(t);
      const { id: accountId } = await json<{ id: string }>(
        await t.api('/api/v1/accounts', {
          body: { email: 'door@example.org', name: 'Dora Door', password: 'correct horse battery' },
        }),
        201,
      );
      const team = async () =>
        (
          await json<{ items: { accountId: string; role: string }[] }>(
            await t.api(`/api/v1/events/${eventId}/team`),
            200,
          )
        ).items;

      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/events/${eventId}/team`);
      await page.getByRole('heading', { name: 'Team', level: 2 }).waitFor();
      await page.getByText('Nobody has a role here yet.').waitFor();

      // The dashboard's token does not carry `admin`, so accounts cannot be listed: an id it is.
      await page.getByLabel('Account id').fill(accountId);
      await page.getByLabel('Role', { exact: true }).selectOption('staff');
      await page.getByRole('button', { name: 'Add to the team' }).click();
      await page.getByRole('button', { name: 'Remove Dora Door' }).waitFor();
      expect(await team()).toEqual([expect.objectContaining({ accountId, role: 'staff' })]);
      await shot(page, 'dashboard-team-desktop');

      await page.getByLabel('Role of Dora Door').selectOption('viewer');
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLSelectElement>('select[aria-label="Role of Dora Door"]')
            ?.value === 'viewer',
      );
      expect(await team()).toEqual([expect.objectContaining({ accountId, role: 'viewer' })]);

      await page.getByRole('button', { name: 'Remove Dora Door' }).click();
      await page.getByText('Nobody has a role here yet.').waitFor();
      expect(await team()).toEqual([]);
      expect(desk.errors).toEqual([]);
      await desk.close();

      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/events/${eventId}/team`);
      await phone.page.getByRole('heading', { name: 'Team', level: 2 }).waitFor();
      expect(await overflowsSideways(phone.page)).toBe(false);
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
