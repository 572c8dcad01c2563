import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWTPayload } from 'jose';
import { describeEachDb } from '../../test-support/databases.js';
import { IssuerDiscoveryError } from './external-issuer.js';
import { loadOrCreateKeys } from './key-store.js';
import {
  callApi,
  credentialsOf,
  startIdentityApp,
  tokenFor,
  type IdentityApp,
} from './test-support/identity-app.js';

/**
 * OIDC_ISSUER: the "external" provider here is a second Lanyard with its embedded issuer, a real
 * OIDC issuer over HTTP (discovery, jwks_uri), so nothing is mocked.
 */
describeEachDb('external OIDC issuer (OIDC_ISSUER)', (get) => {
  let dirs: string[] = [];
  let idp: IdentityApp;
  let api: IdentityApp;
  const tempDir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'lanyard-identity-'));
    dirs.push(d);
    return d;
  };
  const now = () => Math.floor(Date.now() / 1000);

  /** A token as another issuer might shape it: no `org`, scopes in `scp`, signed by the IdP. */
  async function idpToken(claims: JWTPayload) {
    const [jwk] = (await loadOrCreateKeys(get().db)).signing;
    return new SignJWT({ sub: 'user-42', iat: now(), exp: now() + 600, ...claims })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: jwk!.kid! })
      .sign(await importJWK(jwk!, 'ES256'));
  }

  beforeAll(async () => {
    idp = await startIdentityApp({ db: get().db, dataDir: await tempDir() });
    api = await startIdentityApp({
      db: get().db,
      dataDir: await tempDir(),
      oidcIssuer: idp.identity.issuer,
      apiAudience: 'urn:lanyard:api',
    });
  });
  afterAll(async () => {
    await api.stop();
    await idp.stop();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    dirs = [];
  });

  it('runs no issuer of its own and writes no bootstrap file', async () => {
    expect(api.identity.embedded).toBe(false);
    expect(api.identity.issuerHandler).toBeUndefined();
    expect(api.bootstrap).toBeUndefined();
    expect(api.identity.issuer).toBe(idp.identity.issuer);
    expect(api.identity.tokenEndpoint).toBe(idp.identity.tokenEndpoint);
    // No token endpoint here: the route does not exist (404), not an issuer failing inside (500).
    expect((await fetch(`${api.url}/oauth/token`, { method: 'POST' })).status).toBe(404);
  });

  it('accepts a token of the issuer: organization from the default, scopes from `scp`', async () => {
    const token = await idpToken({
      iss: idp.identity.issuer,
      aud: 'urn:lanyard:api',
      scp: ['events:read', 'checkin'],
    });
    const res = await callApi(api.url, token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      subject: 'user-42',
      organizationId: api.identity.defaultOrganizationId,
    });
    expect((res.body.scopes as string[]).sort()).toEqual(['checkin', 'events:read']);
  });

  it('takes the organization from an `org` claim naming one of ours', async () => {
    const { rows } = await get().db.query<{ id: string }>(
      `INSERT INTO organizations (name) VALUES ('Ext') RETURNING id`,
    );
    const token = await idpToken({
      iss: idp.identity.issuer,
      aud: 'urn:lanyard:api',
      scope: 'events:read',
      org: rows[0]!.id,
    });
    expect((await callApi(api.url, token)).body.organizationId).toBe(rows[0]!.id);
  });

  it('checks the audience it was configured with (OIDC_AUDIENCE)', async () => {
    const real = await tokenFor(idp.identity.tokenEndpoint!, credentialsOf(idp.bootstrap));
    expect(await callApi(api.url, real)).toEqual({ status: 401, body: { code: 'wrong_audience' } });
    expect((await callApi(idp.url, real)).status).toBe(200);
  });

  it('refuses what the embedded path refuses: no token, wrong issuer, expired, missing scope', async () => {
    expect((await callApi(api.url, undefined)).body.code).toBe('missing_token');
    const base = { iss: idp.identity.issuer, aud: 'urn:lanyard:api', scope: 'events:read' };
    expect(
      (await callApi(api.url, await idpToken({ ...base, iss: 'https://other.example' }))).body.code,
    ).toBe('wrong_issuer');
    expect(
      (await callApi(api.url, await idpToken({ ...base, iat: now() - 900, exp: now() - 600 }))).body
        .code,
    ).toBe('token_expired');
    expect(await callApi(api.url, await idpToken(base), '/api/admin')).toEqual({
      status: 403,
      body: { code: 'insufficient_scope' },
    });
  });

  it('answers 503 issuer_unavailable, not 401, when the issuer cannot give its keys', async () => {
    const flaky = await startIdentityApp({ db: get().db, dataDir: await tempDir() });
    const consumer = await startIdentityApp({
      db: get().db,
      dataDir: await tempDir(),
      oidcIssuer: flaky.identity.issuer,
      apiAudience: 'urn:lanyard:api',
    });
    try {
      await flaky.stop();
      const token = await idpToken({
        iss: flaky.identity.issuer,
        aud: 'urn:lanyard:api',
        scope: 'events:read',
      });
      expect(await callApi(consumer.url, token)).toEqual({
        status: 503,
        body: { code: 'issuer_unavailable' },
      });
    } finally {
      await consumer.stop();
    }
  });

  it('refuses to start when discovery fails, naming OIDC_ISSUER', async () => {
    const gone = await startIdentityApp({ db: get().db, dataDir: await tempDir() });
    await gone.stop();
    const dataDir = await tempDir();
    const start = startIdentityApp({ db: get().db, dataDir, oidcIssuer: gone.identity.issuer });
    await expect(start).rejects.toThrow(IssuerDiscoveryError);
    await expect(start).rejects.toThrow(/OIDC_ISSUER/);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
