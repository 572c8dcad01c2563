import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, launchChromium, openPage } from '../../server/test/portal-browser.js';
import { startCliUser, type CliUser } from './support/cli.js';

// A person logs the CLI in with the device login: `lanyard login` prints a link and a code, the
// person confirms in a browser (Chromium here) with the password an admin created for them.

jest.setTimeout(120_000);

const LANYARD = fileURLToPath(new URL('../../bin/lanyard', import.meta.url));

let u: CliUser;
let browser: Browser;

beforeAll(async () => {
  u = await startCliUser();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await u?.stop();
});

/** Runs `lanyard login` for a person; resolves the link it prints, then its exit. */
function startLogin(profile: string) {
  const child = spawn(
    process.execPath,
    [LANYARD, 'login', '--server', u.server.url, '--profile', profile],
    {
      env: { ...process.env, XDG_CONFIG_HOME: join(u.dir, 'config') },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  const link = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /\(or open (\S+)\)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`login exited before printing a link: ${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { link, exit, stderr: () => stderr };
}

const config = async () =>
  JSON.parse(await readFile(join(u.dir, 'config', 'lanyard', 'config.json'), 'utf8')) as {
    profiles: Record<string, { accessToken?: string; expiresAt?: number; refreshToken?: string }>;
  };

async function expireToken(profile: string) {
  const c = await config();
  c.profiles[profile]!.accessToken = 'expired';
  c.profiles[profile]!.expiresAt = Date.now() - 1000;
  await u.file('config/lanyard/config.json', JSON.stringify(c));
}

it('logs a person in through the browser, with their scopes, and renews the token until the account is disabled', async () => {
  const created = await u.json<{ id: string; password: string; scopes: string[] }>([
    'accounts',
    'create',
    'ada@example.org',
    '--name',
    'Ada Lovelace',
  ]);
  expect(created.scopes).not.toContain('admin');

  const login = startLogin('ada');
  const link = await login.link;
  expect(login.stderr()).toMatch(/enter the code [B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}/);

  const { page, close } = await openPage(browser, { width: 1280, height: 800 });
  try {
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Email').fill('ada@example.org');
    await page.getByLabel('Password').fill(created.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}cli-device-login.png` });
  } finally {
    await close();
  }
  const done = await login.exit;
  expect(done.code).toBe(0);
  expect(done.stdout).toContain('as ada@example.org (profile "ada")');

  const me = await u.json<{ email: string; scopes: string[] }>(['whoami', '--profile', 'ada']);
  expect(me.email).toBe('ada@example.org');
  expect(me.scopes).toContain('events:write');
  expect(me.scopes).not.toContain('admin');
  expect((await u.run(['accounts', 'list', '--profile', 'ada'])).code).toBe(3);

  const before = (await config()).profiles.ada!.refreshToken;
  await expireToken('ada');
  expect((await u.run(['events', 'list', '--profile', 'ada'])).code).toBe(0);
  expect((await config()).profiles.ada!.refreshToken).not.toBe(before);

  // Logging in made "ada" the current profile; the admin is still "default".
  expect((await u.run(['accounts', 'disable', created.id, '--profile', 'default'])).code).toBe(0);
  await expireToken('ada');
  const refused = await u.run(['events', 'list', '--profile', 'ada', '--json']);
  expect(refused.code).toBe(3);
  expect(JSON.parse(refused.stdout).error.code).toBe('login_expired');
});
