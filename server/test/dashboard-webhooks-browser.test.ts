import { startReceiver, type Receiver } from '../src/features/webhooks/test-support/receiver.js';
import { verified } from '../src/features/webhooks/test-support/webhook-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The Webhooks page in Chromium against a real server and a loopback receiver: the organizer
// adds an endpoint, copies its secret, sends a test event the receiver verifies with it, and
// sees the delivery; a refused URL is answered at its field.

describe('dashboard webhooks in Chromium [postgres]', () => {
  const rig = useDashboardRig({ WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
  let r: Receiver;
  beforeAll(async () => {
    r = await startReceiver();
  });
  afterAll(async () => {
    await r?.stop();
  });

  it(
    'adds an endpoint, shows its secret once, sends a test event and lists its delivery',
    async () => {
      const { t, browser } = rig;
      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/webhooks`);
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();

      await page.getByLabel(/^URL/).fill('ftp://example.org/x');
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      await page.getByText('must be an http or https URL').first().waitFor();
      await shot(page, 'dashboard-webhooks-error-desktop');

      await page.getByLabel(/^URL/).fill(r.url);
      await page.getByLabel('Description').fill('Badge vendor');
      await page.getByLabel('registration.confirmed').check();
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const secret = (await page.getByTestId('webhook-secret').textContent())!;
      expect(secret).toMatch(/^whsec_/);
      const item = page.getByTestId('webhook').filter({ hasText: r.url });
      await item.getByText('registration.confirmed').waitFor();

      await item.getByRole('button', { name: 'Send test event' }).click();
      const [got] = await r.waitFor(1);
      expect(verified(got!, secret).type).toBe('webhook.test');
      await item.getByRole('button', { name: 'Deliveries' }).click();
      await item.getByRole('cell', { name: 'webhook.test' }).waitFor();
      await shot(page, 'dashboard-webhooks-desktop');
      expect(desk.errors.filter((e) => !/400/.test(e))).toEqual([]);
      await desk.close();

      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/webhooks`);
      await phone.page.getByTestId('webhook').first().waitFor();
      expect(await overflowsSideways(phone.page)).toBe(false);
      await shot(phone.page, 'dashboard-webhooks-phone');
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
