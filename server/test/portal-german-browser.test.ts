import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink } from './mail-sink.js';
import { BROWSER_TEST_MS, launchChromium, openPage, PHONE, shot } from './portal-browser.js';
import { seriousViolations } from './axe.js';
import {
  createPortalEvent,
  json,
  requireBuiltPortal,
  type PortalEvent,
} from './portal-fixtures.js';

// The portal end to end in German: a phone whose language is German opens an event offered in
// English and German, switches to English and back (remembered across a reload), registers two
// paid tickets, lands on its order, and gets the payment mail in German through SMTP.

interface OrderView {
  attendee: { locale: string | null };
}

describe('the portal in German', () => {
  let sink: MailSink;
  let t: TestServer;
  let browser: Browser;
  let event: PortalEvent;

  beforeAll(async () => {
    requireBuiltPortal();
    sink = await startMailSink();
    t = await startTestServer('postgres', { SMTP_URL: sink.url });
    event = await createPortalEvent(
      t,
      { name: 'DevConf 2027', venue: 'Halle 7, Berlin', languages: ['en', 'de'] },
      { Standard: { priceCents: 4900, quantity: 100, maxPerOrder: 4 } },
    );
    browser = await launchChromium();
  }, BROWSER_TEST_MS);

  const orderLocales = async () =>
    (
      await json<{ items: OrderView[] }>(await t.api(`/api/v1/events/${event.eventId}/orders`), 200)
    ).items.map((o) => o.attendee.locale);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await sink?.stop();
  });

  it(
    'registers in German from the event page to the order, remembers the language, mails in German',
    async () => {
      const { page, errors, close } = await openPage(browser, PHONE, 'de-DE');
      try {
        await page.goto(`${t.url}/e/${event.eventId}`);
        // The browser's language among the event's: German, dates and prices the German way.
        await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('de');
        await page.getByText('Sa., 1. Mai 2027').first().waitFor();
        await page
          .getByText(/49,00\s€/)
          .first()
          .waitFor();
        await page.getByText('Verfügbar').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, 'german-event-phone');

        // The switch offers each language by its own name; the choice outlives a reload.
        const languages = page.getByRole('navigation', { name: 'Sprache' });
        await languages.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'Register' }).waitFor();
        await page.reload();
        await page.getByRole('heading', { name: 'Register' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Language' })
          .getByRole('button', { name: 'Deutsch' })
          .click();
        await page.getByRole('heading', { name: 'Anmelden' }).waitFor();

        // The form's own checks speak German too.
        await page.getByRole('button', { name: /^Anmelden/ }).click();
        await page
          .getByRole('heading', { name: 'Bitte korrigieren Sie diese 2 Angaben' })
          .waitFor();
        await page.getByText('Vor- und Nachname: darf nicht leer sein').waitFor();

        await page.getByLabel('Anzahl der Tickets').selectOption('2');
        await page.getByLabel(/^Vor- und Nachname/).fill('Ada Lovelace');
        await page.getByLabel(/^E-Mail/).fill('ada@example.org');
        await page.getByRole('button', { name: /^Anmelden · 98,00\s€$/ }).click();

        await page.waitForURL(/\/o\/[0-9a-f-]{36}\?key=/);
        await page.getByText('Ihre Bestellung · 2 Tickets').waitFor();
        await page.getByRole('heading', { name: /^Zu zahlen: 98,00\s€$/ }).waitFor();
        await page.getByText('Standard · 1 von 2').waitFor();
        await page.getByText('Zahlung ausstehend').first().waitFor();
        await page
          .getByRole('heading', { name: 'So kommen Sie zu Ihrer Bestellung zurück' })
          .waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('de');
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, 'german-order-phone');

        // The order keeps the language it was placed in, and its mail is written in it.
        expect(await orderLocales()).toEqual(['de']);
        const [mail] = await sink.waitFor(
          1,
          (m) => m.envelopeTo.includes('ada@example.org'),
          60_000,
        );
        expect(mail!.parsed.subject).toBe('Bitte schließen Sie Ihre Zahlung für DevConf 2027 ab');
        expect(mail!.parsed.text).toContain('Guten Tag Ada Lovelace,');
        expect(mail!.parsed.text).toMatch(/Bitte zahlen Sie 98,00\s€/);

        // A language chosen later on the order's page becomes the order's.
        const put = (lang: string) =>
          Promise.all([
            page.waitForResponse((r) => r.url().includes('/locale') && r.status() === 204),
            page.getByRole('button', { name: lang }).click(),
          ]);
        await put('English');
        await page.getByText('Your order · 2 tickets').waitFor();
        expect(await orderLocales()).toEqual(['en']);
        await put('Deutsch');
        expect(await orderLocales()).toEqual(['de']);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS * 2,
  );

  it(
    'offers no switch for an event in one language, and shows it in that language',
    async () => {
      const english = await createPortalEvent(t, { name: 'English only' }, { Regular: {} });
      const { page, errors, close } = await openPage(browser, PHONE, 'de-DE');
      try {
        await page.goto(`${t.url}/e/${english.eventId}`);
        await page.getByRole('heading', { name: 'Register' }).waitFor();
        expect(await page.getByRole('navigation', { name: /Language|Sprache/ }).count()).toBe(0);
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    BROWSER_TEST_MS,
  );
});
