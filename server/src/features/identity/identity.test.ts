import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import { SignJWT, base64url, generateKeyPair, importJWK, type JWTPayload } from 'jose';
import pino from 'pino';
import { DomainError } from '../../platform/errors.js';
import { describeEachDb } from '../../test-support/databases.js';
import type { Db } from '../../platform/db/db.js';
import {
  createIdentity,
  ensureBootstrapClient,
  requireScope,
  saveClient,
  type BootstrapCredentials,
  type Identity,
} from './index.js';
import { loadOrCreateKeys } from './key-store.js';

const log = pino({ level: 'silent' });

const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, unavailable: 503 };
const errors: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof DomainError) res.status(STATUS[err.kind] ?? 400).json({ code: err.code });
  else res.status(500).json({ code: 'internal_error', message: String(err) });
};

interface Running {
  url: string;
  identity: Identity;
  bootstrap: BootstrapCredentials;
  stop(): Promise<void>;
}

/** The issuer and a tiny protected API on 127.0.0.1, the way the app mounts them. */
async function startApp(db: Db, dataDir: string, port = 0): Promise<Running> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const identity = await createIdentity({
    config: { oidcIssuer: undefined, apiAudience: undefined },
    publicUrl: url,
    db,
    log,
  });
  const bootstrap = (await ensureBootstrapClient({ config: { dataDir }, db, identity, log }))!;
  const app = express();
  app.use('/oauth', identity.issuerHandler!);
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
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function requestToken(
  endpoint: string,
  client: { id: string; secret: string },
  how: 'basic' | 'post',
  extra: Record<string, string> = {},
) {
  const body = new URLSearchParams({ grant_type: 'client_credentials', ...extra });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (how === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')}`;
  } else {
    body.set('client_id', client.id);
    body.set('client_secret', client.secret);
  }
  const res = await fetch(endpoint, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const callApi = async (url: string, token: string | undefined, path = '/api/whoami') => {
  const res = await fetch(
    `${url}${path}`,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as JWTPayload;

describeEachDb('embedded issuer and bearer authentication', (get) => {
  let dataDir: string;
  let app: Running;
  const bootstrapClient = () => ({
    id: app.bootstrap.client_id,
    secret: app.bootstrap.client_secret,
  });

  /** Signs claims with the issuer's real signing key: only the claim under test is wrong. */
  async function signWithIssuerKey(claims: JWTPayload, header: Record<string, unknown> = {}) {
    const [jwk] = (await loadOrCreateKeys(get().db)).signing;
    const key = await importJWK(jwk!, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sub: 'lanyard-bootstrap',
      iss: app.identity.issuer,
      aud: app.identity.audience,
      iat: now,
      exp: now + 600,
      scope: 'events:read',
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk!.kid!, ...header })
      .sign(key);
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-identity-'));
    app = await startApp(get().db, dataDir);
  });
  afterAll(async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('issues a Bearer JWT for the API to the bootstrap client with client_secret_basic', async () => {
    const { status, body } = await requestToken(
      app.identity.tokenEndpoint!,
      bootstrapClient(),
      'basic',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    expect(body.expires_in).toBe(3600);
    const claims = claimsOf(body.access_token as string);
    expect(claims.iss).toBe(`${app.url}/oauth`);
    expect(claims.aud).toBe(`${app.url}/api`);
    expect(claims.org).toBe(app.identity.defaultOrganizationId);
    expect(String(claims.scope).split(' ').sort()).toEqual([
      'admin',
      'checkin',
      'devices:write',
      'events:read',
      'events:write',
      'tickets:read',
      'tickets:write',
    ]);
  });

  it('issues a token with client_secret_post too, and the token opens a protected route', async () => {
    const { status, body } = await requestToken(
      app.identity.tokenEndpoint!,
      bootstrapClient(),
      'post',
    );
    expect(status).toBe(200);
    const res = await callApi(app.url, body.access_token as string);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      subject: 'lanyard-bootstrap',
      clientId: 'lanyard-bootstrap',
      organizationId: app.identity.defaultOrganizationId,
    });
    expect(res.body.scopes).toContain('events:read');
  });

  it('serves discovery with the issuer and token endpoint under /oauth', async () => {
    const res = await fetch(`${app.url}/oauth/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(app.identity.issuer);
    expect(meta.token_endpoint).toBe(`${app.url}/oauth/token`);
    expect(meta.grant_types_supported).toContain('client_credentials');
    const jwks = (await (await fetch(String(meta.jwks_uri))).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('refuses a wrong client secret and an unknown client with invalid_client', async () => {
    const wrong = await requestToken(
      app.identity.tokenEndpoint!,
      { id: 'lanyard-bootstrap', secret: 'nope' },
      'basic',
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    const unknown = await requestToken(
      app.identity.tokenEndpoint!,
      { id: 'nobody', secret: 'x' },
      'post',
    );
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('invalid_client');
  });

  it('refuses a token for a resource other than the API', async () => {
    const { status, body } = await requestToken(
      app.identity.tokenEndpoint!,
      bootstrapClient(),
      'basic',
      {
        resource: 'https://elsewhere.example/api',
      },
    );
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_target');
  });

  describe('a client with fewer scopes', () => {
    const reader = { id: 'reader-script', secret: 'reader-secret-0123456789-abcdefghijklmnop' };
    beforeAll(async () => {
      await saveClient(get().db, {
        clientId: reader.id,
        clientSecret: reader.secret,
        name: 'Reader',
        organizationId: app.identity.defaultOrganizationId,
        scopes: ['events:read', 'tickets:read'],
      });
    });

    it('gets all its allowed scopes when it asks for none, and only those', async () => {
      const { status, body } = await requestToken(app.identity.tokenEndpoint!, reader, 'basic');
      expect(status).toBe(200);
      expect(String(body.scope).split(' ').sort()).toEqual(['events:read', 'tickets:read']);
    });

    it('gets exactly the subset it asks for', async () => {
      const { body } = await requestToken(app.identity.tokenEndpoint!, reader, 'post', {
        scope: 'tickets:read',
      });
      expect(body.scope).toBe('tickets:read');
      expect(claimsOf(body.access_token as string).scope).toBe('tickets:read');
    });

    it('is refused a scope it is not allowed', async () => {
      const { status, body } = await requestToken(app.identity.tokenEndpoint!, reader, 'basic', {
        scope: 'events:read admin',
      });
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_scope');
    });

    it('gets 403 insufficient_scope on a route that needs a scope it lacks', async () => {
      const { body } = await requestToken(app.identity.tokenEndpoint!, reader, 'basic', {
        scope: 'tickets:read',
      });
      const token = body.access_token as string;
      expect(await callApi(app.url, token)).toEqual({
        status: 403,
        body: { code: 'insufficient_scope' },
      });
      expect((await callApi(app.url, token, '/api/admin')).status).toBe(403);
    });
  });

  describe('refuses with 401 and a stable code', () => {
    it('a request without a token: missing_token', async () => {
      expect(await callApi(app.url, undefined)).toEqual({
        status: 401,
        body: { code: 'missing_token' },
      });
    });

    it('a Basic credential instead of a bearer token: missing_token', async () => {
      const res = await fetch(`${app.url}/api/whoami`, {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: 'missing_token' });
    });

    it('a garbage token: invalid_token', async () => {
      expect(await callApi(app.url, 'not-a-jwt')).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
      expect(await callApi(app.url, 'a.b.c')).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
      const res = await fetch(`${app.url}/api/whoami`, {
        headers: { authorization: 'Bearer two words' },
      });
      expect(await res.json()).toEqual({ code: 'invalid_token' });
    });

    it('a forged token signed by another key, with or without our key id: invalid_token', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const [real] = (await loadOrCreateKeys(get().db)).signing;
      const now = Math.floor(Date.now() / 1000);
      const forge = (kid: string) =>
        new SignJWT({ scope: 'events:read admin' })
          .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
          .setIssuer(app.identity.issuer)
          .setAudience(app.identity.audience)
          .setSubject('lanyard-bootstrap')
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(privateKey);
      expect(await callApi(app.url, await forge(real!.kid!))).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
      expect(await callApi(app.url, await forge('attacker-key'))).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
    });

    it('a token whose payload was altered after signing: invalid_token', async () => {
      const { body } = await requestToken(app.identity.tokenEndpoint!, bootstrapClient(), 'basic');
      const [h, p, s] = String(body.access_token).split('.');
      const altered = base64url.encode(
        JSON.stringify({ ...claimsOf(String(body.access_token)), sub: 'someone-else' }),
      );
      expect(p).not.toBe(altered);
      expect(await callApi(app.url, `${h}.${altered}.${s}`)).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
    });

    it('an expired token: token_expired', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;
      const token = await signWithIssuerKey({ iat: past - 600, exp: past });
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'token_expired' },
      });
    });

    it('a token without an expiry: invalid_token', async () => {
      const token = await signWithIssuerKey({ exp: undefined });
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
    });

    it('an unsigned alg=none token: invalid_token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const enc = (o: object) => base64url.encode(JSON.stringify(o));
      const payload = {
        iss: app.identity.issuer,
        aud: app.identity.audience,
        sub: 'x',
        scope: 'events:read',
        iat: now,
        exp: now + 600,
      };
      const unsigned = `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc(payload)}.`;
      expect(await callApi(app.url, unsigned)).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
    });

    it('an HS256 token (a shared-secret algorithm): invalid_token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ scope: 'events:read' })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer(app.identity.issuer)
        .setAudience(app.identity.audience)
        .setSubject('x')
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(new TextEncoder().encode('a-secret-anyone-could-guess-0123456789'));
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
    });

    it('a token for another audience: wrong_audience', async () => {
      const token = await signWithIssuerKey({ aud: 'https://other.example/api' });
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'wrong_audience' },
      });
    });

    it('a token from another issuer: wrong_issuer', async () => {
      const token = await signWithIssuerKey({ iss: 'https://evil.example/oauth' });
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'wrong_issuer' },
      });
    });

    it('an ID-token-shaped JWT (typ JWT) even with the right claims: invalid_token', async () => {
      const token = await signWithIssuerKey({}, { typ: 'JWT' });
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'invalid_token' },
      });
    });

    it('a token naming an organization this server does not have: unknown_organization', async () => {
      const token = await signWithIssuerKey({ org: '00000000-0000-4000-8000-000000000000' });
      expect(await callApi(app.url, token)).toEqual({
        status: 401,
        body: { code: 'unknown_organization' },
      });
    });
  });

  it('acts for the organization its client belongs to', async () => {
    const { rows } = await get().db.query<{ id: string }>(
      `INSERT INTO organizations (name) VALUES ('Second') RETURNING id`,
    );
    const org = rows[0]!.id;
    const client = { id: 'second-org-script', secret: 'second-secret-0123456789-abcdefghijklmnop' };
    await saveClient(get().db, {
      clientId: client.id,
      clientSecret: client.secret,
      name: 'S',
      organizationId: org,
      scopes: ['events:read'],
    });
    const { body } = await requestToken(app.identity.tokenEndpoint!, client, 'basic');
    const res = await callApi(app.url, body.access_token as string);
    expect(res.body.organizationId).toBe(org);
  });

  it('writes bootstrap.json with mode 0600 and the contract field names', async () => {
    const path = join(dataDir, 'bootstrap.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual([
      'client_id',
      'client_secret',
      'issuer',
      'token_endpoint',
    ]);
    expect(file).toEqual({ ...app.bootstrap });
    expect(file.token_endpoint).toBe(`${app.url}/oauth/token`);
  });

  it('after a restart on the same database and data dir: same client, same file, old tokens still verify', async () => {
    const path = join(dataDir, 'bootstrap.json');
    const before = await stat(path);
    const old = await requestToken(app.identity.tokenEndpoint!, bootstrapClient(), 'basic');
    const port = Number(new URL(app.url).port);
    const previous = app.bootstrap;
    await app.stop();
    app = await startApp(get().db, dataDir, port);

    expect(app.bootstrap).toEqual(previous);
    const after = await stat(path);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.mode & 0o777).toBe(0o600);
    expect((await callApi(app.url, old.body.access_token as string)).status).toBe(200);
    const fresh = await requestToken(app.identity.tokenEndpoint!, bootstrapClient(), 'post');
    expect(fresh.status).toBe(200);
    expect((await callApi(app.url, fresh.body.access_token as string)).status).toBe(200);
  });
});
