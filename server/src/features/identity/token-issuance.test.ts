import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDb } from '../../test-support/databases.js';
import { saveClient } from './index.js';
import {
  callApi,
  claimsOf,
  credentialsOf,
  requestToken,
  startIdentityApp,
  type IdentityApp,
} from './test-support/identity-app.js';

describeEachDb('embedded issuer: tokens for the API', (get) => {
  let dataDir: string;
  let app: IdentityApp;
  const endpoint = () => app.identity.tokenEndpoint!;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-identity-'));
    app = await startIdentityApp({ db: get().db, dataDir });
  });
  afterAll(async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('issues a one-hour Bearer JWT for the API to the bootstrap client with client_secret_basic', async () => {
    const { status, body } = await requestToken(endpoint(), credentialsOf(app.bootstrap), 'basic');
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
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
      'webhooks:read',
      'webhooks:write',
    ]);
  });

  it('issues a token with client_secret_post too, and the token opens a protected route', async () => {
    const { status, body } = await requestToken(endpoint(), credentialsOf(app.bootstrap), 'post');
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

  it('serves discovery and public keys under /oauth', async () => {
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
      endpoint(),
      { id: 'lanyard-bootstrap', secret: 'nope' },
      'basic',
    );
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const unknown = await requestToken(endpoint(), { id: 'nobody', secret: 'x' }, 'post');
    expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refuses a token for a resource other than the API', async () => {
    const { status, body } = await requestToken(endpoint(), credentialsOf(app.bootstrap), 'basic', {
      resource: 'https://elsewhere.example/api',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_target');
  });

  it('refuses a grant type other than client_credentials', async () => {
    const { status, body } = await requestToken(endpoint(), credentialsOf(app.bootstrap), 'basic', {
      grant_type: 'password',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('unsupported_grant_type');
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
      const { status, body } = await requestToken(endpoint(), reader, 'basic');
      expect(status).toBe(200);
      expect(String(body.scope).split(' ').sort()).toEqual(['events:read', 'tickets:read']);
    });

    it('gets exactly the subset it asks for', async () => {
      const { body } = await requestToken(endpoint(), reader, 'post', { scope: 'tickets:read' });
      expect(body.scope).toBe('tickets:read');
      expect(claimsOf(body.access_token as string).scope).toBe('tickets:read');
    });

    it('is refused a scope it is not allowed', async () => {
      const { status, body } = await requestToken(endpoint(), reader, 'basic', {
        scope: 'events:read admin',
      });
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_scope');
    });

    it('is refused a scope the API does not have, and OpenID scopes', async () => {
      for (const scope of ['events:read party', 'openid']) {
        const { status, body } = await requestToken(endpoint(), reader, 'post', { scope });
        expect({ status, error: body.error }).toEqual({ status: 400, error: 'invalid_scope' });
      }
    });

    it('gets 403 insufficient_scope on a route that needs a scope it lacks', async () => {
      const { body } = await requestToken(endpoint(), reader, 'basic', { scope: 'tickets:read' });
      const token = body.access_token as string;
      expect(await callApi(app.url, token)).toEqual({
        status: 403,
        body: { code: 'insufficient_scope' },
      });
      expect((await callApi(app.url, token, '/api/admin')).status).toBe(403);
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
    const { body } = await requestToken(endpoint(), client, 'basic');
    expect(claimsOf(body.access_token as string).org).toBe(org);
    expect((await callApi(app.url, body.access_token as string)).body.organizationId).toBe(org);
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
    const old = await requestToken(endpoint(), credentialsOf(app.bootstrap), 'basic');
    const port = Number(new URL(app.url).port);
    const previous = app.bootstrap;
    await app.stop();
    app = await startIdentityApp({ db: get().db, dataDir, port });

    expect(app.bootstrap).toEqual(previous);
    const after = await stat(path);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.mode & 0o777).toBe(0o600);
    expect((await callApi(app.url, old.body.access_token as string)).status).toBe(200);
    const fresh = await requestToken(endpoint(), credentialsOf(app.bootstrap), 'post');
    expect(fresh.status).toBe(200);
    expect((await callApi(app.url, fresh.body.access_token as string)).status).toBe(200);
  });
});
