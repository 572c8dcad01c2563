import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { BROWSER_TEST_MS, launchChromium } from './portal-browser.js';
import { requireBuiltPortal } from './portal-fixtures.js';

// What the dashboard's browser tests share: an organizer account and its sign-in on the
// issuer's page (authorization code + PKCE).

export const organizer = {
  email: 'org@example.org',
  name: 'Olga Organizer',
  password: 'correct horse battery',
  // The dashboard tests walk every event of the organization.
  organizationAdmin: true,
};

/** Creates the organizer account on a test server (with the bootstrap client's token). */
export async function createOrganizer(t: TestServer): Promise<void> {
  await json(await t.api('/api/v1/accounts', { body: organizer }), 201);
}

export interface DashboardRig {
  /** The running server (PostgreSQL), with the organizer's account. */
  readonly t: TestServer;
  readonly browser: Browser;
}

/**
 * A server on PostgreSQL with the organizer's account, and Chromium: started before the calling
 * file's tests (call it inside `describe`), stopped after them. Read `t` and `browser` in hooks
 * and tests, once they have started.
 */
export function useDashboardRig(
  /** The server's environment, or a function giving it once services it names have started. */
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): DashboardRig {
  let t: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuiltPortal();
    t = await startTestServer('postgres', typeof env === 'function' ? await env() : env);
    await createOrganizer(t);
    browser = await launchChromium();
  }, BROWSER_TEST_MS);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });
  const started = <T>(thing: T | undefined): T => {
    if (thing === undefined)
      throw new Error('the dashboard rig has not started (read it in a test)');
    return thing;
  };
  return {
    get t() {
      return started(t);
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * Opens `url`, signs in (as the organizer unless told whom) and waits until the dashboard shows
 * who is signed in.
 */
export async function signIn(
  page: Page,
  url: string,
  who: { email: string; password: string } = organizer,
): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/oauth\/interaction\//);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // In the header: a page may list the same address (the Team page's accounts).
  await page.getByRole('banner').getByText(who.email).waitFor();
}

/** True when the page scrolls sideways: something is too wide for the screen. */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
