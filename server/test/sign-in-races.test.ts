import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import { clientAddress, requestFrom } from './from-address.js';

// Sign-in attempts are counted per (account, client address) and per address over all accounts,
// before the password is checked: parallel guesses cannot outrun the count, and a stranger's
// guesses never lock the owner out from their own address. Default limits (10 and 50 per 15 min).

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'correct horse battery';
// Hundreds of requests at once: generous on a shared two-core machine.
const LOADED_MS = 120_000;

/** Starts a dashboard sign-in (authorization code + PKCE) from `from`: its form's URL and cookie. */
async function openSignIn(t: TestServer, from: string) {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: 'lanyard-dashboard',
    response_type: 'code',
    redirect_uri: `${t.url}/dashboard/`,
    scope: 'openid',
    state: randomUUID(),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const res = await requestFrom(from, `${t.url}/oauth/auth?${query}`);
  expect(res.status).toBe(303);
  const location = new URL(String(res.headers.location), t.url);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  return { action: `${location.href}/login`, cookie };
}

/** Submits the password form from `from`; the status (303: signed in). */
async function submit(
  from: string,
  form: { action: string; cookie: string },
  email: string,
  password: string,
): Promise<number> {
  const res = await requestFrom(from, form.action, {
    body: new URLSearchParams({ email, password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
  });
  return res.status;
}

describe.each([
  ['PostgreSQL, counted in Redis', 'postgres', { REDIS_URL }],
  ['PGlite, counted in memory', 'pglite', {}],
] as const)('on %s', (_name, kind, env) => {
  let t: TestServer;
  let email: string;
  beforeAll(async () => {
    t = await startTestServer(kind, { RATE_LIMITS: 'on', ...env });
    email = `organizer+${randomUUID()}@example.org`;
    const res = await t.api('/api/v1/accounts', {
      body: { email, name: 'Ada', password: PASSWORD, scopes: ['events:read'] },
    });
    expect(res.status).toBe(201);
  }, LOADED_MS);
  afterAll(async () => {
    await t?.stop();
  });

  // Addresses of their own per run: Redis keeps counts between runs.
  const base = Math.floor(Math.random() * 40) * 6;
  const address = (n: number) => clientAddress(base + n + (kind === 'postgres' ? 0 : 3));

  it(
    'lets through at most 10 of 299 parallel wrong passwords, then still refuses that address; another address signs in',
    async () => {
      const attacker = address(0);
      const form = await openSignIn(t, attacker);
      const statuses = await Promise.all(
        Array.from({ length: 299 }, () => submit(attacker, form, email, `guess-${randomUUID()}`)),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(289);
      expect(await submit(attacker, form, email, PASSWORD)).toBe(429);

      const owner = address(1);
      expect(await submit(owner, await openSignIn(t, owner), email.toUpperCase(), PASSWORD)).toBe(
        303,
      );
    },
    LOADED_MS,
  );

  it(
    'slows password spraying: one address gets 50 attempts over all accounts',
    async () => {
      const sprayer = address(2);
      const form = await openSignIn(t, sprayer);
      const statuses = await Promise.all(
        Array.from({ length: 70 }, (_, i) =>
          submit(sprayer, form, `victim-${i}-${randomUUID()}@example.org`, 'Summer2026!'),
        ),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(50);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      // Even the right password of a real account waits at this address.
      expect(await submit(sprayer, form, email, PASSWORD)).toBe(429);
    },
    LOADED_MS,
  );
});
