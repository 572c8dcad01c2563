import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../src/main.js';
import {
  copyMigratedPglite,
  createPostgresDatabase,
  type DbKind,
} from '../src/test-support/databases.js';

export interface Bootstrap {
  issuer: string;
  token_endpoint: string;
  client_id: string;
  client_secret: string;
}

export interface TestServer {
  url: string;
  dataDir: string;
  server: RunningServer;
  bootstrap(): Promise<Bootstrap>;
  /** A fresh access token for the bootstrap client (every admin scope). */
  token(): Promise<string>;
  /** fetch against the server, with JSON body and bearer token when given. */
  api(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      token?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
  /** Stops and starts again on the same data dir and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A real server on 127.0.0.1 (random port) with a temporary data dir and its own database. */
export async function startTestServer(
  kind: DbKind,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-test-'));
  const pgdb = kind === 'postgres' ? await createPostgresDatabase({ migrated: true }) : undefined;
  if (kind === 'pglite') await copyMigratedPglite(join(dataDir, 'pg'));
  // Mail is rendered and sent only in tests that ask for it (an SMTP server, or MAIL_DELIVERY).
  const mail = env.SMTP_URL ? 'on' : 'off';
  // Rate limits are off unless a test is about them (RATE_LIMITS: 'on'): every test client comes
  // from 127.0.0.1, and most make more registrations and tokens than one person would.
  const fullEnv = {
    LOG_LEVEL: 'silent',
    RATE_LIMITS: 'off',
    MAIL_DELIVERY: mail,
    // SMS likewise, in tests that start an SMS gateway or Twilio stand-in.
    SMS_DELIVERY: env.SMS_GATEWAY_URL || env.TWILIO_ACCOUNT_SID ? 'on' : 'off',
    ...(pgdb ? { DATABASE_URL: pgdb.url } : {}),
    ...env,
  };
  const boot = (port: number) =>
    startServer({ env: fullEnv, overrides: { port, dataDir, host: '127.0.0.1' } });
  let server = await boot(0);
  // Restarts keep the port: the issuer URL, and so every token's `iss`, includes it.
  const port = Number(new URL(server.url).port);
  let cachedToken: string | undefined;

  const t: TestServer = {
    get url() {
      return server.url;
    },
    dataDir,
    get server() {
      return server;
    },
    async bootstrap() {
      return JSON.parse(await readFile(join(dataDir, 'bootstrap.json'), 'utf8')) as Bootstrap;
    },
    async token() {
      if (cachedToken) return cachedToken;
      const b = await t.bootstrap();
      const res = await fetch(b.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: b.client_id,
          client_secret: b.client_secret,
        }),
      });
      if (res.status !== 200)
        throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
      cachedToken = ((await res.json()) as { access_token: string }).access_token;
      return cachedToken;
    },
    async api(path, init = {}) {
      const token = init.token === undefined ? await t.token() : init.token;
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      return fetch(`${server.url}${path}`, {
        method: init.method ?? (body ? 'POST' : 'GET'),
        headers,
        body,
      });
    },
    async restart() {
      await server.close();
      server = await boot(port);
    },
    async stop() {
      await server.close();
      await pgdb?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export const eventBody = (over: Record<string, unknown> = {}) => ({
  name: 'DevConf 2027',
  startsAt: '2027-05-01T09:00:00Z',
  endsAt: '2027-05-02T18:00:00Z',
  timezone: 'Europe/Berlin',
  ...over,
});

export const ticketTypeBody = (over: Record<string, unknown> = {}) => ({
  name: 'Regular',
  priceCents: 9900,
  currency: 'EUR',
  quantity: 100,
  ...over,
});
