import { decodeJwt } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, BROWSER_TEST_MS, launchChromium, openPage } from './portal-browser.js';
import { startTestServer, type TestServer } from './harness.js';

// The device login (RFC 8628) as a person at a terminal does it: the CLI asks for a code, the
// person opens the link in a browser, confirms, signs in with email and password; the CLI's poll
// then gets a token carrying that person's scopes only.

const EMAIL = 'ada@example.org';
const PASSWORD = 'correct horse battery';

let t: TestServer;
let browser: Browser;
let accountId: string;

async function form(url: string, body: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const startDeviceLogin = (scope: string) =>
  form(`${t.url}/oauth/device/auth`, { client_id: 'lanyard-cli', scope });

const pollToken = (deviceCode: string) =>
  form(`${t.url}/oauth/token`, {
    client_id: 'lanyard-cli',
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    device_code: deviceCode,
  });

async function approveInBrowser(page: Page, link: string, password: string) {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Is this your terminal?' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Sign in to Lanyard' }).waitFor();
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  t = await startTestServer('postgres');
  browser = await launchChromium();
  const res = await t.api('/api/v1/accounts', {
    body: {
      email: EMAIL,
      name: 'Ada Lovelace',
      password: PASSWORD,
      scopes: ['events:read', 'events:write'],
    },
  });
  expect(res.status).toBe(201);
  accountId = ((await res.json()) as { id: string }).id;
}, BROWSER_TEST_MS);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
}, BROWSER_TEST_MS);

it(
  'gives the terminal a token with the signed-in organizer’s scopes, never more',
  async () => {
    const start = await startDeviceLogin('openid offline_access events:read events:write admin');
    expect(start.status).toBe(200);
    expect(start.body.user_code).toMatch(/^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
    expect((await pollToken(start.body.device_code!)).body.error).toBe('authorization_pending');

    const { page, errors, close } = await openPage(browser, { width: 390, height: 844 });
    try {
      await approveInBrowser(page, start.body.verification_uri_complete!, 'not the password');
      await page.getByText('Email or password is wrong.').waitFor();
      expect((await pollToken(start.body.device_code!)).body.error).toBe('authorization_pending');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Signed in' }).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}device-login-signed-in.png` });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }

    const token = await pollToken(start.body.device_code!);
    expect(token.status).toBe(200);
    // The API token's scope is what the account holds of what was asked; `admin` is not among it.
    expect(token.body.scope?.split(' ').sort()).toEqual(['events:read', 'events:write']);
    expect(token.body.refresh_token).toEqual(expect.any(String));
    const claims = decodeJwt(token.body.access_token!);
    expect(claims.sub).toBe(accountId);
    expect(claims.org).toEqual(expect.any(String));

    const events = await t.api('/api/v1/events', { token: token.body.access_token! });
    expect(events.status).toBe(200);
    const create = await t.api('/api/v1/accounts', {
      token: token.body.access_token!,
      body: { email: 'mallory@example.org', name: 'Mallory' },
    });
    expect(create.status).toBe(403);

    // A refresh works while the account is active, and stops once it is disabled.
    const refresh = (rt: string) =>
      form(`${t.url}/oauth/token`, {
        client_id: 'lanyard-cli',
        grant_type: 'refresh_token',
        refresh_token: rt,
      });
    const refreshed = await refresh(token.body.refresh_token!);
    expect(refreshed.status).toBe(200);
    expect((await t.api(`/api/v1/accounts/${accountId}/disable`, { body: {} })).status).toBe(204);
    const refused = await refresh(refreshed.body.refresh_token!);
    expect(refused.body.error).toBe('invalid_grant');

    // The code is spent: polling again gets nothing more.
    expect((await pollToken(start.body.device_code!)).body.error).toBe('invalid_grant');
  },
  BROWSER_TEST_MS,
);

it(
  'refuses a wrong code on the code entry page and changes nothing',
  async () => {
    const { page, close } = await openPage(browser, { width: 1280, height: 800 });
    try {
      await page.goto(`${t.url}/oauth/device`);
      await page.getByLabel('Code').fill('BBBB-BBBB');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('That code is not valid').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}device-login-wrong-code.png` });
    } finally {
      await close();
    }
  },
  BROWSER_TEST_MS,
);

it(
  'creates organizer accounts only with scopes the creator holds, one per address',
  async () => {
    const again = await t.api('/api/v1/accounts', {
      body: { email: EMAIL.toUpperCase(), name: 'Ada again' },
    });
    expect(again.status).toBe(409);
    const generated = await t.api('/api/v1/accounts', {
      body: { email: 'grace@example.org', name: 'Grace Hopper' },
    });
    expect(generated.status).toBe(201);
    const body = (await generated.json()) as { password: string; scopes: string[] };
    expect(body.password).toHaveLength(20);
    expect(body.scopes).not.toContain('admin');
    const list = (await (await t.api('/api/v1/accounts')).json()) as { items: { email: string }[] };
    expect(list.items.map((a) => a.email)).toEqual([EMAIL, 'grace@example.org']);
    const bad = await t.api('/api/v1/accounts', {
      body: { email: 'not-an-email', name: 'X', scopes: ['root'] },
    });
    expect(bad.status).toBe(400);
  },
  BROWSER_TEST_MS,
);
