import { jest } from '@jest/globals';
import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCliUser, type CliUser } from './support/cli.js';

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard login and whoami', () => {
  let u: CliUser;
  beforeAll(async () => {
    u = await startCliUser();
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('keeps the profile in the XDG config dir, readable by the user only', async () => {
    const path = join(u.dir, 'config', 'lanyard', 'config.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const config = JSON.parse(await readFile(path, 'utf8'));
    expect(config.currentProfile).toBe('default');
    expect(config.profiles.default.server).toBe(u.server.url);
  });

  it('whoami names the client and its scopes, and the server accepts the token', async () => {
    const me = await u.json<{ server: string; clientId: string; scopes: string[] }>(['whoami']);
    expect(me.server).toBe(u.server.url);
    expect(me.clientId).toBe('lanyard-bootstrap');
    expect(me.scopes).toContain('events:write');
  });

  it('gets a new token by re-running the grant when the stored one has expired', async () => {
    const path = join(u.dir, 'config', 'lanyard', 'config.json');
    const config = JSON.parse(await readFile(path, 'utf8'));
    config.profiles.default.accessToken = 'expired';
    config.profiles.default.expiresAt = Date.now() - 1000;
    await u.file('config/lanyard/config.json', JSON.stringify(config));
    expect((await u.run(['events', 'list'])).code).toBe(0);
    const after = JSON.parse(await readFile(path, 'utf8'));
    expect(after.profiles.default.accessToken).not.toBe('expired');
    expect(after.profiles.default.expiresAt).toBeGreaterThan(Date.now());
  });

  it('lets --server and LANYARD_TOKEN take precedence over the profile', async () => {
    const elsewhere = await u.run(['events', 'list', '--server', 'http://127.0.0.1:9', '--json']);
    expect(elsewhere.code).toBe(3);
    expect(JSON.parse(elsewhere.stdout).error.code).toBe('not_logged_in');
    const badToken = await u.run(['events', 'list', '--json'], { LANYARD_TOKEN: 'not-a-token' });
    expect(badToken.code).toBe(3);
    expect(JSON.parse(badToken.stdout).error.code).toBe('unauthorized');
    const token = await u.server.token();
    const viaEnv = await u.run(['events', 'list', '--json'], {
      LANYARD_TOKEN: token,
      LANYARD_SERVER: u.server.url,
      XDG_CONFIG_HOME: join(u.dir, 'nowhere'),
    });
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.stdout)).toEqual([]);
  });

  it('refuses a credentials file that is not one, in one line', async () => {
    const bad = await u.file('creds.json', JSON.stringify({ client_id: 'x' }));
    const r = await u.run(['login', '--client-credentials', bad, '--server', u.server.url]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^error \[credentials_invalid\]: .*creds\.json: "token_endpoint"/,
    );
  });
});
