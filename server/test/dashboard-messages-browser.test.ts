import { createSale } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { startMailSink } from './mail-sink.js';
import { json, registerRaw } from './registration-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { seriousViolations } from './axe.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The Messages section in Chromium against a real SMTP server: the organizer writes to those not
// checked in yet, previews it, confirms, watches it go out; the address the server refuses is
// listed as not delivered and goes once tried again; the confirmation mail gets the event's own
// subject, previewed before it is saved.

const sink = await startMailSink();
afterAll(() => sink.stop());

describe('dashboard messages in Chromium [postgres]', () => {
  // One try: a refused address is given up at once, so the test need not wait out the backoff.
  const rig = useDashboardRig({ SMTP_URL: sink.url, NOTIFY_MAX_ATTEMPTS: '1' });

  it(
    'writes to attendees not checked in, retries what was refused, and words the confirmation',
    async () => {
      const { t, browser } = rig;
      const sale = await createSale(t, 0);
      const people = ['Ann', 'Bo', 'Cy', 'Dee'].map((name) => ({
        name: `${name} Attendee`,
        email: `${name.toLowerCase()}@example.org`,
      }));
      const register = async (attendee: { name: string; email: string }) =>
        json<{ tickets: { token: string }[] }>(
          await registerRaw(t, sale.eventId, {
            ticketTypeId: sale.ticketTypeId,
            quantity: 1,
            attendee,
          }),
          201,
        );
      const orders = [];
      for (const p of people) orders.push(await register(p));
      const inside = orders[0]!.tickets[0]!.token;
      await json(
        await t.api(`/api/v1/events/${sale.eventId}/checkins`, { body: { token: inside } }),
        200,
      );
      await sink.waitFor(4);
      const refused = people[3]!.email;
      sink.refuse.add(refused);

      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/events/${sale.eventId}/messages`);
      const compose = page.getByRole('region', { name: 'Write to attendees' });
      await compose.getByLabel(/^Subject/).fill('Doors open at 9');
      await compose.getByLabel('Message').fill('Come early: the <b>east</b> entrance is closed.');
      await compose.getByLabel('Who').selectOption('out');
      await compose.getByRole('button', { name: 'Preview' }).click();
      await compose.getByText('Send this message to 3 addresses?').waitFor();
      const frame = compose.frameLocator('iframe[title^="Preview of the mail"]').first();
      await frame
        .getByText('Come early: the <b>east</b> entrance is closed.', { exact: true })
        .waitFor();
      await shot(page, 'dashboard-messages-preview-desktop');
      await compose.getByRole('button', { name: 'Send it' }).click();
      await compose.getByText('Sending “Doors open at 9” to 3 addresses.').waitFor();
      const got = await sink.waitFor(2, (m) => m.parsed.subject === 'Doors open at 9');
      expect(got.flatMap((m) => m.envelopeTo).sort()).toEqual(
        people
          .slice(1, 3)
          .map((p) => p.email)
          .sort(),
      );
      await page.getByText('2 sent, 1 could not be delivered').waitFor();

      const undelivered = page.getByRole('region', { name: 'Not delivered' });
      await undelivered.getByText(refused).waitFor();
      await undelivered.getByText(/550/).waitFor();
      sink.refuse.delete(refused);
      await undelivered.getByRole('button', { name: 'Try again', exact: true }).click();
      await undelivered.getByText(`Queued again to ${refused}.`).waitFor();
      await sink.waitFor(
        1,
        (m) => m.parsed.subject === 'Doors open at 9' && m.envelopeTo.includes(refused),
      );

      const texts = page.getByRole('region', { name: 'Texts of the mails' });
      await texts.getByLabel(/^Subject/).fill('{name}, see you at {when}');
      await texts.getByRole('button', { name: 'Save texts' }).click();
      await texts.getByText('has no placeholder {when}').first().waitFor();
      await texts.getByLabel(/^Subject/).fill('{name}, your place is ready');
      await texts.getByRole('button', { name: 'Preview' }).click();
      await texts.getByText('Dee Attendee, your place is ready').waitFor();
      await texts.getByRole('button', { name: 'Save texts' }).click();
      await texts.getByText('Saved.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'dashboard-messages-desktop');
      expect(desk.errors.filter((e) => !/400/.test(e))).toEqual([]);
      await desk.close();

      await register({ name: 'Fay Later', email: 'fay@example.org' });
      const [confirmation] = await sink.waitFor(1, (m) => m.envelopeTo.includes('fay@example.org'));
      expect(confirmation!.parsed.subject).toBe('Fay Later, your place is ready');

      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/events/${sale.eventId}/messages`);
      await phone.page.getByText('Doors open at 9').first().waitFor();
      expect(await overflowsSideways(phone.page)).toBe(false);
      await shot(phone.page, 'dashboard-messages-phone');
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
