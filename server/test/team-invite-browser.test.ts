import { createSale, json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { SCOPES } from '../src/features/identity/principal.js';
import { seriousViolations } from './axe.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';
import { startMailSink, type MailSink } from './mail-sink.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';

// Issue 14's acceptance: an organization admin invites a team member from the event's Team page;
// the member opens the link from the mail (a real SMTP server), sets their password and signs in
// to the dashboard, where the event is theirs to work on.

const admin = { email: 'ada@example.org', password: 'admin horse battery' };
const member = { email: 'mia@example.org', name: 'Mia Member', password: 'mia horse battery' };

describe('team invite in Chromium [postgres]', () => {
  let sink: MailSink | undefined;
  const rig = useDashboardRig(async () => {
    sink = await startMailSink();
    return { SMTP_URL: sink.url, MAIL_FROM: 'Lanyard <team@lanyard.example>' };
  });
  afterAll(async () => {
    await sink?.stop();
  });

  it(
    'an invited team member opens the mailed link, sets a password and signs in',
    async () => {
      const { t, browser } = rig;
      const { eventId } = await createSale(t);
      // An organization admin holding `admin`: the one who may invite.
      await json(
        await t.api('/api/v1/accounts', {
          body: { ...admin, name: 'Ada Admin', organizationAdmin: true, scopes: [...SCOPES] },
        }),
        201,
      );

      const desk = await openPage(browser, DESKTOP);
      await signIn(desk.page, `${t.url}/dashboard/events/${eventId}/team`, admin);
      const page = desk.page;
      await page.getByRole('heading', { name: 'Invite by email' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill(member.name);
      await page.getByLabel('Email', { exact: true }).fill(member.email);
      await page.locator('#f-invite-role').selectOption('organizer');
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.getByText(`Invitation mailed to ${member.email}.`).waitFor();
      await page.getByText('Invited, no password yet').waitFor();
      await page.getByRole('button', { name: 'Remove Mia Member' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'team-invite-sent-desktop');
      expect(desk.errors).toEqual([]);
      await desk.close();

      // The same page on the admin's phone: nothing wider than the screen.
      const adminPhone = await openPage(browser, PHONE);
      await signIn(adminPhone.page, `${t.url}/dashboard/events/${eventId}/team`, admin);
      await adminPhone.page.getByText('Invited, no password yet').waitFor();
      expect(await overflowsSideways(adminPhone.page)).toBe(false);
      await adminPhone.page.getByText('Accounts of the organization').scrollIntoViewIfNeeded();
      await shot(adminPhone.page, 'team-accounts-phone');
      await adminPhone.close();

      const [mail] = await sink!.waitFor(1, (m) => m.envelopeTo.includes(member.email), 20_000);
      const link = /https?:\/\/\S+\/oauth\/password\/[A-Za-z0-9_-]+/.exec(
        mail!.parsed.text ?? '',
      )?.[0];
      expect(link).toBeDefined();

      // The member, on their phone: the link, the password twice, then the dashboard.
      const phone = await openPage(browser, PHONE);
      await phone.page.goto(link!);
      await phone.page.getByRole('heading', { name: 'Choose your password' }).waitFor();
      expect(await seriousViolations(phone.page)).toEqual([]);
      await shot(phone.page, 'team-invite-set-password-phone');
      await phone.page.getByLabel('New password', { exact: true }).fill(member.password);
      await phone.page.getByLabel('New password again').fill(member.password);
      await phone.page.getByRole('button', { name: 'Set password' }).click();
      await phone.page.getByRole('heading', { name: 'Password set' }).waitFor();
      await shot(phone.page, 'team-invite-password-set-phone');
      await phone.page.getByRole('link', { name: 'Sign in to the dashboard' }).click();
      await signIn(phone.page, `${t.url}/dashboard/events/${eventId}/team`, member);
      await phone.page.getByRole('heading', { name: 'Team', level: 2 }).waitFor();
      await shot(phone.page, 'team-invite-signed-in-phone');
      expect(phone.errors).toEqual([]);
      await phone.close();

      // The link was used up.
      expect((await fetch(link!)).status).toBe(410);

      // "Forgot your password?" from the sign-in form: one answer for any address.
      const forgetful = await openPage(browser, PHONE);
      await forgetful.page.goto(`${t.url}/dashboard/`);
      await forgetful.page.getByRole('button', { name: 'Sign in' }).click();
      await forgetful.page.getByRole('link', { name: 'Forgot your password?' }).click();
      await forgetful.page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      expect(await seriousViolations(forgetful.page)).toEqual([]);
      await forgetful.page.getByLabel('Email').fill(member.email);
      await forgetful.page.getByRole('button', { name: 'Send the link' }).click();
      await forgetful.page.getByRole('heading', { name: 'Check your mail' }).waitFor();
      await forgetful.page.getByRole('link', { name: 'Back to signing in' }).waitFor();
      await shot(forgetful.page, 'forgot-password-sent-phone');
      const mails = await sink!.waitFor(2, (m) => m.envelopeTo.includes(member.email), 20_000);
      expect(mails[1]!.parsed.subject).toBe('Set a new Lanyard password');
      await forgetful.close();
    },
    BROWSER_TEST_MS * 3,
  );
});
