import type { Locator, Page } from 'playwright-core';
import type { TestServer } from './harness.js';
import { createPortalEvent, json } from './portal-fixtures.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The Settings section of an event in Chromium against a real server: the organizer changes the
// event, adds a quota over two ticket types, a required choice question and a promo code, and
// the public API honours each; bad input is answered at its field; a name is shown as text.

const XSS = '<img src=x onerror="window.pwned=1">Shared seats';

interface PublicEvent {
  name: string;
  startsAt: string;
  venue: string | null;
  languages: string[];
  questions: { id: string; label: string; kind: string; required: boolean; options: string[] }[];
}

const register = (t: TestServer, eventId: string, body: Record<string, unknown>) =>
  t.api(`/api/v1/events/${eventId}/registrations`, {
    token: null,
    body: { quantity: 1, attendee: { name: 'Ada Lovelace', email: 'ada@example.org' }, ...body },
  });

/** The item of a settings list whose name is `name`. */
const item = (page: Page, name: string) =>
  page.locator('.settings-item').filter({ has: page.getByText(name, { exact: true }) });

/** A field by its label, which says "(required)" after the name when it is. */
const field = (form: Locator, label: string) =>
  form.getByLabel(new RegExp(`^${label}( \\(required\\))?$`));

async function add(form: Locator, fields: Record<string, string>, button: string) {
  for (const [label, value] of Object.entries(fields)) await field(form, label).fill(value);
  await form.getByRole('button', { name: button }).click();
}

describe('dashboard settings in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'changes the event, adds a quota, a question and a promo code that registration honours',
    async () => {
      const { t, browser } = rig;
      const { eventId, types } = await createPortalEvent(
        t,
        { name: 'Harbour Summit 2027' },
        { Regular: { priceCents: 0 }, Supporter: { priceCents: 2500 } },
      );
      const publicEvent = async () =>
        json<PublicEvent>(await t.api(`/api/v1/public/events/${eventId}`, { token: null }), 200);
      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      await signIn(page, `${t.url}/dashboard/events/${eventId}/settings`);
      await page.getByRole('heading', { level: 2, name: 'Event details' }).waitFor();

      // The event: wall times in its own zone (Europe/Berlin, summer: UTC+2).
      const details = page.locator('form').filter({ has: page.getByLabel('Venue') });
      await add(
        details,
        {
          Name: 'Harbour Summit 2027 · Day one',
          Starts: '2027-06-10T09:00',
          Ends: '2027-06-10T18:00',
          Venue: 'Pier 4',
        },
        'Save event details',
      );
      await page
        .getByRole('heading', { level: 1, name: 'Harbour Summit 2027 · Day one' })
        .waitFor();
      expect(await publicEvent()).toMatchObject({
        name: 'Harbour Summit 2027 · Day one',
        startsAt: '2027-06-10T07:00:00.000Z',
        venue: 'Pier 4',
      });

      // German added and made the default: the portal offers both, German first.
      await details.getByLabel('German (Deutsch)').check();
      await details.getByLabel(/^Default language/).selectOption('de');
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'PATCH' && r.status() === 200),
        details.getByRole('button', { name: 'Save event details' }).click(),
      ]);
      expect((await publicEvent()).languages).toEqual(['de', 'en']);

      // A quota over both ticket types, its name a script that must stay text.
      const quotaForm = page.getByRole('form', { name: 'Add a quota' });
      await quotaForm.getByLabel('Regular').check();
      await quotaForm.getByLabel('Supporter').check();
      await add(quotaForm, { Name: XSS, Seats: '2' }, 'Add quota');
      await item(page, XSS).getByText('0 of 2 used · Regular, Supporter').waitFor();
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

      // A required choice question.
      const questionForm = page.getByRole('form', { name: 'Add a question' });
      await field(questionForm, 'Question').fill('Meal');
      await questionForm.getByLabel('Kind of answer').selectOption('choice');
      await questionForm.getByLabel('Options').fill('Vegan\nVegetarian\nAnything');
      await questionForm.getByLabel('Attendees must answer').check();
      await questionForm.getByRole('button', { name: 'Add question' }).click();
      await item(page, 'Meal').getByText('one of a list · required').waitFor();

      // A bad promo code is answered at its field and creates nothing.
      const promoForm = page.getByRole('form', { name: 'Add a promo code' });
      await add(promoForm, { Code: 'no!', Discount: '20' }, 'Add promo code');
      const codeField = field(promoForm, 'Code');
      await promoForm.locator('.field-invalid').getByText('must be 3 to 32 letters').waitFor();
      expect(await codeField.getAttribute('aria-invalid')).toBe('true');
      await promoForm
        .getByRole('alert')
        .getByRole('link', { name: /^Code: / })
        .waitFor();
      await shot(page, 'dashboard-settings-error-desktop');
      await add(promoForm, { Code: 'EARLY20', 'Uses allowed': '5' }, 'Add promo code');
      await item(page, 'EARLY20').getByText('20% off · used 0 of 5').waitFor();

      // Registration honours the question, the promo code and the quota.
      const meal = (await publicEvent()).questions.find((q) => q.label === 'Meal')!;
      expect(meal).toMatchObject({ kind: 'choice', required: true });
      expect(meal.options).toEqual(['Vegan', 'Vegetarian', 'Anything']);
      const unanswered = await register(t, eventId, { ticketTypeId: types.Regular });
      expect(unanswered.status).toBe(400);
      const supporter = await json<{ discountCents: number; totalCents: number }>(
        await register(t, eventId, {
          ticketTypeId: types.Supporter,
          answers: { [meal.id]: 'Vegan' },
          promoCode: 'early20',
        }),
        201,
      );
      expect(supporter).toMatchObject({ discountCents: 500, totalCents: 2000 });
      const regular = { ticketTypeId: types.Regular, answers: { [meal.id]: 'Anything' } };
      expect((await register(t, eventId, regular)).status).toBe(201);
      const third = await register(t, eventId, regular);
      expect(third.status).toBe(409);

      await page.reload();
      await item(page, XSS).getByText('2 of 2 used').waitFor();
      await item(page, 'EARLY20').getByText('used 1 of 5').waitFor();

      // A larger quota lets the refused sale through.
      await item(page, XSS)
        .getByRole('button', { name: /^Edit / })
        .click();
      const quotaEdit = page.getByRole('form', { name: `Edit ${XSS}` });
      await field(quotaEdit, 'Seats').fill('1');
      await quotaEdit.getByRole('button', { name: 'Save quota' }).click();
      // Below the seats already taken: the server's conflict is shown at the Seats field.
      await quotaEdit.locator('.field-invalid').getByText('is below the 2 seats').waitFor();
      await field(quotaEdit, 'Seats').fill('3');
      await quotaEdit.getByRole('button', { name: 'Save quota' }).click();
      await item(page, XSS).getByText('2 of 3 used · Regular, Supporter').waitFor();
      // The form closed; the keyboard stays on the quota's Edit button.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Edit ${XSS}`);
      expect((await register(t, eventId, regular)).status).toBe(201);

      // Archiving the promo code asks first; then registration refuses it.
      await page.getByRole('button', { name: 'Archive EARLY20' }).click();
      await page.getByRole('group', { name: /^Archive EARLY20\?/ }).waitFor();
      await shot(page, 'dashboard-settings-desktop');
      await page.getByRole('button', { name: 'Yes, archive' }).click();
      await page.getByText('No promo codes yet.').waitFor();
      const refused = await register(t, eventId, {
        ticketTypeId: types.Supporter,
        answers: { [meal.id]: 'Vegan' },
        promoCode: 'EARLY20',
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(await overflowsSideways(page)).toBe(false);
      expect(desk.errors).toEqual([]);
      await desk.close();

      // On a phone: a second question moved above the first, an edit form open.
      const phone = await openPage(browser, PHONE);
      await signIn(phone.page, `${t.url}/dashboard/events/${eventId}/settings`);
      const p = phone.page;
      await add(
        p.getByRole('form', { name: 'Add a question' }),
        { Question: 'Company' },
        'Add question',
      );
      await p.getByRole('button', { name: 'Move Company up' }).click();
      await p
        .getByRole('button', { name: 'Move Company up' })
        .and(p.locator(':disabled'))
        .waitFor();
      expect((await publicEvent()).questions.map((q) => q.label)).toEqual(['Company', 'Meal']);
      await item(p, 'Supporter').getByRole('button', { name: 'Edit Supporter' }).click();
      await p.getByRole('form', { name: 'Edit Supporter' }).getByLabel('Price').waitFor();
      await shot(p, 'dashboard-settings-phone');
      expect(await overflowsSideways(p)).toBe(false);

      // Archiving the event asks first; then its settings can no longer be changed.
      await p.getByRole('button', { name: 'Archive Harbour Summit 2027 · Day one' }).click();
      await p.getByRole('button', { name: 'Yes, archive' }).click();
      await p.getByText('This event is archived').waitFor();
      const archived = await json<{ status: string }>(
        await t.api(`/api/v1/events/${eventId}`),
        200,
      );
      expect(archived.status).toBe('archived');
      expect(phone.errors).toEqual([]);
      await phone.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
