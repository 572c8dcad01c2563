import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';
import {
  ARTIFACTS,
  BROWSER_TEST_MS,
  DESKTOP,
  launchChromium,
  openPage,
  PHONE,
  scanQr,
} from './portal-browser.js';
import { requireBuiltPortal } from './portal-fixtures.js';
import { createOrganizer, signIn } from './dashboard-browser-support.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';

describe('the confirmation mail and “send me my tickets again” in Chromium', () => {
  let sink: MailSink;
  let t: TestServer;
  let browser: Browser;
  let eventId: string;
  let ticketTypeId: string;

  beforeAll(async () => {
    requireBuiltPortal();
    sink = await startMailSink();
    t = await startTestServer('postgres', { SMTP_URL: sink.url });
    eventId = (await createEvent(t, { venue: 'Hall 7, Berlin' })).id;
    ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
    await createOrganizer(t);
    browser = await launchChromium();
  }, BROWSER_TEST_MS);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await sink?.stop();
  });

  const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);

  it(
    'shows the confirmation at phone width with its QR images, and its portal link opens the order',
    async () => {
      const order = await json<{ id: string; tickets: { token: string }[] }>(
        await registerRaw(t, eventId, {
          ticketTypeId,
          quantity: 2,
          attendee: { name: 'Ada Lovelace', email: 'ada@example.org' },
        }),
        201,
      );
      const [mail] = await sink.waitFor(1, to('ada@example.org'), 30_000);
      const { page, errors, close } = await openPage(browser, PHONE);
      try {
        // Inline images as a mail client shows them: cid: references resolved to the parts.
        let html = mail!.parsed.html as string;
        for (const a of mail!.parsed.attachments.filter((x) => x.cid)) {
          html = html.replaceAll(
            `cid:${a.cid}`,
            `data:${a.contentType};base64,${a.content.toString('base64')}`,
          );
        }
        await page.setContent(html);
        const images = page.locator('img');
        expect(await images.count()).toBe(2);
        const widths = await images.evaluateAll((els) =>
          els.map((e) => (e as HTMLImageElement).getBoundingClientRect().width),
        );
        for (const w of widths) expect(w).toBeLessThanOrEqual(PHONE.width);
        // Each QR as the mail shows it, read by zxing from the screen: the tickets' tokens.
        const read: string[] = [];
        for (let i = 0; i < 2; i++) {
          read.push(await scanQr(images.nth(i), join(ARTIFACTS, `confirmation-mail-qr-${i}.png`)));
        }
        expect(read.sort()).toEqual(order.tickets.map((x) => x.token).sort());
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
        await page.screenshot({
          path: join(ARTIFACTS, 'confirmation-mail-phone.png'),
          fullPage: true,
        });

        const link = await page
          .getByRole('link', { name: 'Open in the portal' })
          .getAttribute('href');
        expect(link).toContain(`/o/${order.id}?key=`);
        await page.goto(link!);
        await page.getByText('Ada Lovelace').first().waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );

  it(
    'answers the portal’s “send me my tickets again” form the same for a registered and an unknown address',
    async () => {
      const answers: string[] = [];
      for (const email of ['ada@example.org', 'unknown@example.org']) {
        const { page, close } = await openPage(browser, PHONE);
        try {
          await page.goto(`${t.url}/e/${eventId}`);
          await page.getByLabel('Your email address').fill(email);
          await page.getByRole('button', { name: 'Send me my tickets again' }).click();
          answers.push(await page.locator('.tickets-again [role=status]').innerText());
        } finally {
          await close();
        }
      }
      expect(answers[0]).toMatch(/on its way/);
      expect(answers[1]).toBe(answers[0]);
      await sink.waitFor(2, to('ada@example.org'));
      expect(sink.mails.filter(to('unknown@example.org'))).toEqual([]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows an attendee’s mails on the dashboard and resends the order confirmation from there',
    async () => {
      const order = await json<{ id: string; tickets: { id: string }[] }>(
        await registerRaw(t, eventId, {
          ticketTypeId,
          quantity: 1,
          attendee: { name: 'Grace Hopper', email: 'grace@example.org' },
        }),
        201,
      );
      await sink.waitFor(1, to('grace@example.org'), 30_000);
      const { page, errors, close } = await openPage(browser, DESKTOP);
      try {
        await signIn(
          page,
          `${t.url}/dashboard/events/${eventId}/attendees/${order.tickets[0]!.id}`,
        );
        const messages = page.locator('section', {
          has: page.getByRole('heading', { name: 'Messages' }),
        });
        await messages.getByText('Your tickets for DevConf 2027').waitFor();
        await messages.getByText(/Sent ·/).waitFor();
        await page.getByRole('button', { name: 'Resend the order confirmation' }).click();
        await messages.getByText('Confirmation resent: queued to grace@example.org.').waitFor();
        await sink.waitFor(2, to('grace@example.org'), 30_000);
        await page.screenshot({
          path: join(ARTIFACTS, 'dashboard-attendee-messages-desktop.png'),
          fullPage: true,
        });
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );
});
