import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import type { JWTPayload } from 'jose';
import pino from 'pino';
import type { Db } from '../../../platform/db/db.js';
import { DomainError } from '../../../platform/errors.js';
import { createRateGate } from '../../../platform/ratelimit/gate.js';
import { rateLimitConfig } from '../../../platform/ratelimit/policies.js';
import { openLimiters } from '../../../platform/ratelimit/limiters.js';
import {
  createIdentity,
  ensureBootstrapClient,
  requireScope,
  type BootstrapCredentials,
  type Identity,
} from '../index.js';

export const silentLog = pino({ level: 'silent' });

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, unavailable: 503 };
const errors: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof DomainError) res.status(STATUS[err.kind] ?? 400).json({ code: err.code });
  else res.status(500).json({ code: 'internal_error', message: String(err) });
};

export interface IdentityApp {
  url: string;
  identity: Identity;
  /** Undefined with an external issuer. */
  bootstrap: BootstrapCredentials | undefined;
  stop(): Promise<void>;
}

/**
 * The identity and a tiny protected API on 127.0.0.1, mounted the way the app mounts them:
 * `/oauth` (embedded issuer), `GET /api/whoami` (events:read), `GET /api/admin` (admin).
 */
export async function startIdentityApp(opts: {
  db: Db;
  dataDir: string;
  port?: number;
  oidcIssuer?: string;
  apiAudience?: string;
}): Promise<IdentityApp> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stopServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  let identity: Identity;
  try {
    identity = await createIdentity({
      config: { oidcIssuer: opts.oidcIssuer, apiAudience: opts.apiAudience },
      publicUrl: url,
      db: opts.db,
      log: silentLog,
      rateLimits: createRateGate(
        await openLimiters(undefined),
        rateLimitConfig({ RATE_LIMITS: 'off' }, (v, m) => new Error(`${v}: ${m}`)),
      ),
    });
  } catch (err) {
    await stopServer();
    throw err;
  }
  const bootstrap = await ensureBootstrapClient({
    config: { dataDir: opts.dataDir },
    db: opts.db,
    identity,
    log: silentLog,
  });
  const app = express();
  if (identity.issuerHandler) app.use('/oauth', identity.issuerHandler);
  app.get('/api/whoami', identity.authenticate, requireScope('events:read'), (req, res) => {
    res.json({ ...req.principal, scopes: [...req.principal!.scopes] });
  });
  app.get('/api/admin', identity.authenticate, requireScope('admin'), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errors);
  server.on('request', app);
  return {
    url,
    identity,
    bootstrap,
    async stop() {
      await identity.close();
      await stopServer();
    },
  };
}

export interface ClientCredentials {
  id: string;
  secret: string;
}

/** POST to a token endpoint with grant_type=client_credentials, authenticating as asked. */
export async function requestToken(
  endpoint: string,
  client: ClientCredentials,
  how: 'basic' | 'post',
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', ...extra });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (how === 'basic') {
    const pair = `${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    body.set('client_id', client.id);
    body.set('client_secret', client.secret);
  }
  const res = await fetch(endpoint, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A bootstrap client's token, or a failing test. */
export async function tokenFor(
  endpoint: string,
  client: ClientCredentials,
  extra: Record<string, string> = {},
) {
  const { status, body } = await requestToken(endpoint, client, 'basic', extra);
  if (status !== 200) throw new Error(`token endpoint answered ${status}: ${JSON.stringify(body)}`);
  return body.access_token as string;
}

/** GET a protected route, with `Authorization: Bearer <token>` when a token is given. */
export async function callApi(url: string, token: string | undefined, path = '/api/whoami') {
  const init = token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } };
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as JWTPayload;

export const credentialsOf = (b: BootstrapCredentials | undefined): ClientCredentials => ({
  id: b!.client_id,
  secret: b!.client_secret,
});
