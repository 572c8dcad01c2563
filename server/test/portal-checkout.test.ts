import type { Browser } from 'playwright-core';
import {
  createPaidSale,
  deliverStripeEvent,
  STRIPE_KEY,
  WEBHOOK_SECRET,
  type PaidSale,
} from '../src/features/payments/test-support/payment-fixtures.js';
import {
  startFakeStripe,
  type FakeStripe,
} from '../src/features/payments/test-support/fake-stripe.js';
import { startTestServer, type TestServer } from './harness.js';
import { BROWSER_TEST_MS, launchChromium, openPage, PHONE, shot } from './portal-browser.js';
import { requireBuiltPortal } from './portal-fixtures.js';

// The Stripe round trip as a buyer makes it: Pay now → Stripe Checkout (a stand-in page on
// Stripe's URL) → back to the server's return URL → on to the ticket, which turns valid when the
// webhook confirms the payment.

describe('paying for a ticket with Stripe Checkout from the portal', () => {
  let t: TestServer;
  let stripe: FakeStripe;
  let browser: Browser;
  let sale: PaidSale;

  beforeAll(async () => {
    requireBuiltPortal();
    stripe = await startFakeStripe();
    t = await startTestServer('pglite', {
      STRIPE_SECRET_KEY: STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    });
    browser = await launchChromium();
    sale = await createPaidSale(t, { priceCents: 4900, paymentProvider: 'stripe' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await stripe?.close();
  });

  async function registerAndPay(name: string) {
    const opened = await openPage(browser, PHONE);
    const { page } = opened;
    // Stripe's hosted page, stood in for: the test plays the buyer paying there.
    await page.route('https://checkout.stripe.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Stripe Checkout (test)</h1>' }),
    );
    await page.goto(`${t.url}/e/${sale.eventId}`);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel(/^Email/).fill(`${name.split(' ')[0]!.toLowerCase()}@example.org`);
    await page.getByRole('button', { name: /^Register · / }).click();
    await page.waitForURL(/\/t\//);
    const ticketPage = page.url();
    await page.getByRole('button', { name: 'Pay now' }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.test\/c\/pay\//);
    const sessionId = page.url().split('/').pop()!;
    // Where Lanyard asked Stripe to send the buyer back.
    const form = [...stripe.requests]
      .reverse()
      .find((r) => r.path === '/v1/checkout/sessions')!.form;
    return {
      ...opened,
      ticketPage,
      sessionId,
      successUrl: form.success_url!,
      cancelUrl: form.cancel_url!,
    };
  }

  it(
    'comes back to the ticket after paying and shows the QR once Stripe confirms',
    async () => {
      const { page, errors, close, ticketPage, sessionId, successUrl } =
        await registerAndPay('Hedy Lamarr');
      try {
        // Back from Stripe before the webhook: the page waits for the confirmation.
        await page.goto(successUrl);
        await page.waitForURL(`${ticketPage}&checkout=success`);
        await page.getByText('Payment received.').waitFor();
        await shot(page, 'checkout-return-phone');

        const session = stripe.pay(sessionId);
        const res = await deliverStripeEvent(t, {
          id: `evt_${sessionId}`,
          type: 'checkout.session.completed',
          data: { object: session },
        });
        expect(res.status).toBe(200);
        // No reload: the page asks again until the ticket is valid.
        await page.locator('[data-testid=ticket-qr] img').waitFor({ timeout: 10_000 });
        await expect(page.getByText('Valid', { exact: true }).count()).resolves.toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'comes back to the ticket after a cancelled payment, still offering to pay',
    async () => {
      const { page, close, ticketPage, cancelUrl } = await registerAndPay('Radia Perlman');
      try {
        await page.goto(cancelUrl);
        await page.waitForURL(`${ticketPage}&checkout=cancelled`);
        await page.getByText('The payment was cancelled; nothing was charged.').waitFor();
        await expect(page.getByRole('button', { name: 'Pay now' }).count()).resolves.toBe(1);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'tells a buyer coming back in another tab where to find the ticket',
    async () => {
      const { page, close } = await openPage(browser, PHONE);
      try {
        await page.goto(`${t.url}/orders/7a1960ad-1304-41e7-82d5-27b98f9f61ab?checkout=success`);
        await page.getByRole('heading', { name: 'Payment finished' }).waitFor();
        await expect(page.getByText('Open it from the ticket link you kept').count()).resolves.toBe(
          1,
        );
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );
});
