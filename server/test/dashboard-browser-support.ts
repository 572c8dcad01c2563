import type { Page } from 'playwright-core';
import type { TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';

// What the dashboard's browser tests share: an organizer account and its sign-in on the
// issuer's page (authorization code + PKCE).

export const organizer = {
  email: 'org@example.org',
  name: 'Olga Organizer',
  password: 'correct horse battery',
};

/** Creates the organizer account on a test server (with the bootstrap client's token). */
export async function createOrganizer(t: TestServer): Promise<void> {
  await json(await t.api('/api/v1/accounts', { body: organizer }), 201);
}

/** Opens `url`, signs in as the organizer and waits until the dashboard shows who is signed in. */
export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/oauth\/interaction\//);
  await page.getByLabel('Email').fill(organizer.email);
  await page.getByLabel('Password').fill(organizer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(organizer.email).waitFor();
}

/** True when the page scrolls sideways: something is too wide for the screen. */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
