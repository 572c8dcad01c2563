import type { Browser, Request } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import { BROWSER_TEST_MS, DESKTOP, launchChromium, openPage } from './portal-browser.js';
import { createPortalEvent, requireBuiltPortal } from './portal-fixtures.js';

// The portal solves an event's proof-of-work challenge in the background (altcha-lib in the
// browser, Web Crypto) and sends it with the registration; the person sees nothing of it.

let t: TestServer;
let browser: Browser;
beforeAll(async () => {
  requireBuiltPortal();
  t = await startTestServer('pglite', { RATE_LIMITS: 'on', ALTCHA_MAX_COUNTER: '5000' });
  browser = await launchChromium();
}, BROWSER_TEST_MS);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
}, BROWSER_TEST_MS);

it(
  'registers for an event that asks for proof of work, solving the challenge before checkout',
  async () => {
    const { eventId } = await createPortalEvent(
      t,
      { name: 'RushConf', proofOfWork: true },
      { Regular: { priceCents: 0, quantity: 10 } },
    );
    const { page, errors, close } = await openPage(browser, DESKTOP);
    try {
      const registrations: Request[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/registrations')) registrations.push(r);
      });
      const challenge = page.waitForResponse((r) => r.url().endsWith(`/${eventId}/challenge`));
      await page.goto(`${t.url}/e/${eventId}`);
      // Fetched as soon as the form shows, before anyone presses Register.
      expect((await challenge).status()).toBe(200);
      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByLabel(/^Email/).fill('ada@example.org');
      await page.getByRole('button', { name: 'Register' }).click();
      await page.waitForURL(/\/t\/[0-9a-f-]{36}\?key=/);
      expect(registrations).toHaveLength(1);
      const sent = registrations[0]!.postDataJSON() as { altcha?: string };
      expect(typeof sent.altcha).toBe('string');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  },
  BROWSER_TEST_MS,
);
