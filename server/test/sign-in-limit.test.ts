import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_TEST_MS, launchChromium, openPage } from './portal-browser.js';
import { startTestServer, type TestServer } from './harness.js';

// Password guessing of one account from one client address is limited to 10 attempts per 15
// minutes, counted in Redis when REDIS_URL is set, so two replicas behind a load balancer do not
// double the budget (another address is not locked out: sign-in-races.test.ts).

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'correct horse battery';
// A new address per run: the counts outlive the run in the machine's Redis.
const EMAIL = `ada+${randomUUID()}@example.org`;

let replicas: TestServer[];
let browser: Browser;

beforeAll(async () => {
  replicas = await Promise.all([
    startTestServer('postgres', { REDIS_URL, RATE_LIMITS: 'on' }),
    startTestServer('pglite', { REDIS_URL, RATE_LIMITS: 'on' }),
  ]);
  for (const t of replicas) {
    const res = await t.api('/api/v1/accounts', {
      body: { email: EMAIL, name: 'Ada', password: PASSWORD, scopes: ['events:read'] },
    });
    expect(res.status).toBe(201);
  }
  browser = await launchChromium();
}, BROWSER_TEST_MS);

afterAll(async () => {
  await browser?.close();
  await Promise.all((replicas ?? []).map((t) => t.stop()));
}, BROWSER_TEST_MS);

/** Opens the sign-in form of a device login at this replica. */
async function signInForm(t: TestServer, page: Page): Promise<void> {
  const res = await fetch(`${t.url}/oauth/device/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'lanyard-cli', scope: 'openid events:read' }),
  });
  const { verification_uri_complete: link } = (await res.json()) as Record<string, string>;
  await page.goto(link!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Sign in to Lanyard' }).waitFor();
}

/** Submits the form; the status the sign-in answered. */
async function submit(page: Page, password: string): Promise<number> {
  await page.getByLabel('Email').fill(EMAIL.toUpperCase());
  await page.getByLabel('Password').fill(password);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await page.getByRole('heading', { name: /Sign in to Lanyard|Signed in/ }).waitFor();
  return answer.status();
}

it(
  'counts failed sign-ins of an account from one address on every replica, then refuses even the right password there',
  async () => {
    const [a, b] = replicas;
    const first = await openPage(browser, { width: 1280, height: 800 });
    const second = await openPage(browser, { width: 1280, height: 800 });
    try {
      await signInForm(a!, first.page);
      for (let i = 0; i < 6; i++) expect(await submit(first.page, 'guess')).toBe(401);
      await signInForm(b!, second.page);
      for (let i = 0; i < 4; i++) expect(await submit(second.page, 'guess')).toBe(401);
      expect(await submit(second.page, PASSWORD)).toBe(429);
      await second.page.getByText(/Too many failed attempts\. Try again in 1[45] minute/).waitFor();
      expect(await submit(first.page, PASSWORD)).toBe(429);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  },
  BROWSER_TEST_MS,
);

it('reports Redis in /readyz, and a server whose Redis is away is not ready but still serves', async () => {
  const ready = await replicas[0]!.api('/readyz', { token: null });
  expect(await ready.json()).toMatchObject({ checks: { database: 'ok', redis: 'ok' } });
  const away = await startTestServer('pglite', { REDIS_URL: 'redis://127.0.0.1:1' });
  try {
    const res = await away.api('/readyz', { token: null });
    expect(res.status).toBe(503);
    expect((await away.api('/api/v1/events')).status).toBe(200);
  } finally {
    await away.stop();
  }
});
