import { signIn } from '../src/features/accounts/service.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { eventBody, startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';

// Team invites and password resets on PostgreSQL, mailed through a real SMTP server: the
// one-time link sets the password once, expires, and "forgot password" answers the same for
// every address.

let sink: MailSink;
let t: TestServer;
let eventId: string;

beforeAll(async () => {
  sink = await startMailSink();
  t = await startTestServer('postgres', {
    SMTP_URL: sink.url,
    MAIL_FROM: 'Lanyard <team@lanyard.example>',
    RATE_LIMITS: 'on',
  });
  eventId = (await json<{ id: string }>(await t.api('/api/v1/events', { body: eventBody() }), 201))
    .id;
}, 60_000);

afterAll(async () => {
  await t?.stop();
  await sink?.stop();
});

const mailTo = async (address: string, count = 1): Promise<ReceivedMail> => {
  const mails = await sink.waitFor(count, (m) => m.envelopeTo.includes(address), 20_000);
  return mails[count - 1]!;
};

/** The set-password link of a mail (the only link to /oauth/password/ in it). */
const linkOf = (mail: ReceivedMail): string => {
  const m = /https?:\/\/[^\s"<>]+\/oauth\/password\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '');
  if (!m) throw new Error(`no set-password link in: ${mail.parsed.text}`);
  return m[0];
};

const setPassword = (link: string, password: string, repeated = password) =>
  fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ password, repeated }),
  });

const forgot = (email: string) =>
  fetch(`${t.url}/oauth/forgot-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }),
  });

it('invites a team member with an event role; the mailed link sets the password once', async () => {
  const email = 'ines@example.org';
  const account = await json<{ id: string; passwordSet: boolean }>(
    await t.api('/api/v1/accounts/invitations', {
      body: { email, name: 'Ines Invited', eventRoles: [{ eventId, role: 'staff' }] },
    }),
    201,
  );
  expect(account.passwordSet).toBe(false);
  const team = await json<{ items: { accountId: string; role: string }[] }>(
    await t.api(`/api/v1/events/${eventId}/team`),
    200,
  );
  expect(team.items).toContainEqual(
    expect.objectContaining({ accountId: account.id, role: 'staff' }),
  );

  const mail = await mailTo(email);
  expect(mail.parsed.subject).toBe('You are invited to Default organization on Lanyard');
  expect(mail.parsed.text).toContain('Ines Invited');
  const link = linkOf(mail);
  // Nothing signs in before the password is set.
  expect(await signIn(t.server.db, email, '')).toBeUndefined();

  const page = await fetch(link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Choose your password');

  // A bad form changes nothing: the link still works afterwards.
  expect((await setPassword(link, 'short')).status).toBe(400);
  expect((await setPassword(link, 'correct horse battery', 'correct horse batterie')).status).toBe(
    400,
  );
  expect(await signIn(t.server.db, email, 'short')).toBeUndefined();

  const done = await setPassword(link, 'correct horse battery');
  expect(done.status).toBe(200);
  expect(await done.text()).toContain('Password set');
  expect((await signIn(t.server.db, email, 'correct horse battery'))?.id).toBe(account.id);

  // Single use: neither the page nor the form works with it again.
  expect((await fetch(link)).status).toBe(410);
  expect((await setPassword(link, 'another good password')).status).toBe(410);
  expect(await signIn(t.server.db, email, 'another good password')).toBeUndefined();
  const listed = await json<{ items: { id: string; passwordSet: boolean }[] }>(
    await t.api('/api/v1/accounts'),
    200,
  );
  expect(listed.items.find((a) => a.id === account.id)?.passwordSet).toBe(true);
}, 60_000);

it('refuses an invite with bad input or a taken address, and creates nothing', async () => {
  const before = await json<{ items: unknown[] }>(await t.api('/api/v1/accounts'), 200);
  const sent = sink.mails.length;
  for (const body of [
    { email: 'not-an-address', name: 'X' },
    { email: 'x@example.org', name: '' },
    { email: 'x@example.org', name: 'X', eventRoles: [{ eventId, role: 'emperor' }] },
    { email: 'x@example.org', name: 'X', password: 'no passwords here' },
  ])
    expect((await t.api('/api/v1/accounts/invitations', { body })).status).toBe(400);
  // An event of another organization (or none): the whole invite is undone.
  const stray = {
    email: 'x@example.org',
    name: 'X',
    eventRoles: [{ eventId: crypto.randomUUID(), role: 'staff' }],
  };
  expect((await t.api('/api/v1/accounts/invitations', { body: stray })).status).toBe(404);
  const taken = { email: 'INES@example.org', name: 'Again' };
  expect((await t.api('/api/v1/accounts/invitations', { body: taken })).status).toBe(409);
  const after = await json<{ items: unknown[] }>(await t.api('/api/v1/accounts'), 200);
  expect(after.items).toHaveLength(before.items.length);
  expect(sink.mails.length).toBe(sent);
}, 30_000);

it('mails an administrator-triggered reset that expires, and a newer link replaces the older', async () => {
  const email = 'rita@example.org';
  const account = await json<{ id: string }>(
    await t.api('/api/v1/accounts', {
      body: { email, name: 'Rita', password: 'old password 123' },
    }),
    201,
  );
  const reset = () => t.api(`/api/v1/accounts/${account.id}/password-link`, { method: 'POST' });
  expect(await json<{ purpose: string }>(await reset(), 202)).toMatchObject({ purpose: 'reset' });
  const first = linkOf(await mailTo(email, 1));
  expect((await mailTo(email, 1)).parsed.subject).toBe('Set a new Lanyard password');
  await json(await reset(), 202);
  const second = linkOf(await mailTo(email, 2));
  expect(second).not.toBe(first);
  // The older link stopped working when the newer one was sent.
  expect((await setPassword(first, 'first new password')).status).toBe(410);
  // The newer one expires: moved past its end, it sets nothing.
  await t.server.db.query(
    `UPDATE account_tokens SET expires_at = now() - interval '1 second'
      WHERE account_id = $1 AND used_at IS NULL`,
    [account.id],
  );
  expect((await fetch(second)).status).toBe(410);
  expect((await setPassword(second, 'second new password')).status).toBe(410);
  // The old password still works: a reset link never locks anyone out by itself.
  expect((await signIn(t.server.db, email, 'old password 123'))?.id).toBe(account.id);
}, 60_000);

it('answers "forgot password" identically whether or not the address has an account', async () => {
  const email = 'fred@example.org';
  await json(
    await t.api('/api/v1/accounts', { body: { email, name: 'Fred', password: 'fred password 1' } }),
    201,
  );
  const known = await forgot(email);
  const unknown = await forgot('nobody@example.org');
  expect(known.status).toBe(200);
  expect(unknown.status).toBe(200);
  expect(await known.text()).toBe(await unknown.text());
  const link = linkOf(await mailTo(email));
  expect((await setPassword(link, 'fred new password')).status).toBe(200);
  expect(await signIn(t.server.db, email, 'fred new password')).toBeDefined();
  expect(sink.mails.some((m) => m.envelopeTo.includes('nobody@example.org'))).toBe(false);
}, 30_000);

it('sends no link to a disabled account, and a disabled account cannot use one', async () => {
  const email = 'dora@example.org';
  const account = await json<{ id: string }>(
    await t.api('/api/v1/accounts/invitations', { body: { email, name: 'Dora' } }),
    201,
  );
  const link = linkOf(await mailTo(email));
  expect((await t.api(`/api/v1/accounts/${account.id}/disable`, { method: 'POST' })).status).toBe(
    204,
  );
  expect((await setPassword(link, 'dora password 1')).status).toBe(410);
  expect(
    (await t.api(`/api/v1/accounts/${account.id}/password-link`, { method: 'POST' })).status,
  ).toBe(409);
  expect((await forgot(email)).status).toBe(200);
  // The forms are looked up one at a time, in order: once a later one's mail is here, the
  // disabled account's turn has passed.
  const other = 'otto@example.org';
  await json(
    await t.api('/api/v1/accounts/invitations', { body: { email: other, name: 'Otto' } }),
    201,
  );
  await mailTo(other);
  expect((await forgot(other)).status).toBe(200);
  await mailTo(other, 2);
  expect(sink.mails.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
}, 30_000);

it('refuses forgot-password forms past ten from one client address in 15 minutes', async () => {
  // The file's earlier tests sent some of the ten already.
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await forgot(`probe${i}@example.org`)).status);
  const first = statuses.indexOf(429);
  expect(first).toBeGreaterThan(0);
  expect(statuses.slice(0, first).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
  expect(await (await forgot('probe@example.org')).text()).toContain('Too many requests');
}, 30_000);
