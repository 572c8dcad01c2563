import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, base64url, generateKeyPair, importJWK, type JWTPayload } from 'jose';
import { describeEachDb } from '../../test-support/databases.js';
import { loadOrCreateKeys } from './key-store.js';
import {
  callApi,
  claimsOf,
  credentialsOf,
  startIdentityApp,
  tokenFor,
  type IdentityApp,
} from './test-support/identity-app.js';

const now = () => Math.floor(Date.now() / 1000);
const refused = (code: string) => ({ status: 401, body: { code } });

describeEachDb('bearer authentication refuses with 401 and a stable code', (get) => {
  let dataDir: string;
  let app: IdentityApp;

  /** Signs claims with the issuer's real signing key, so only the claim under test is wrong. */
  async function signWithIssuerKey(claims: JWTPayload, header: Record<string, unknown> = {}) {
    const [jwk] = (await loadOrCreateKeys(get().db)).signing;
    const base = {
      sub: 'lanyard-bootstrap',
      iss: app.identity.issuer,
      aud: app.identity.audience,
      iat: now(),
      exp: now() + 600,
      scope: 'events:read',
    };
    return new SignJWT({ ...base, ...claims })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: jwk!.kid!, ...header })
      .sign(await importJWK(jwk!, 'ES256'));
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-identity-'));
    app = await startIdentityApp({ db: get().db, dataDir });
  });
  afterAll(async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts a token signed by the issuer key with every claim right (the baseline of this file)', async () => {
    expect((await callApi(app.url, await signWithIssuerKey({}))).status).toBe(200);
  });

  it('a request without a token: missing_token', async () => {
    expect(await callApi(app.url, undefined)).toEqual(refused('missing_token'));
  });

  it('a Basic credential instead of a bearer token: missing_token', async () => {
    const res = await fetch(`${app.url}/api/whoami`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect({ status: res.status, body: await res.json() }).toEqual(refused('missing_token'));
  });

  it('a garbage token, or a malformed header: invalid_token', async () => {
    expect(await callApi(app.url, 'not-a-jwt')).toEqual(refused('invalid_token'));
    expect(await callApi(app.url, 'a.b.c')).toEqual(refused('invalid_token'));
    expect(await callApi(app.url, '')).toEqual(refused('invalid_token'));
    const res = await fetch(`${app.url}/api/whoami`, {
      headers: { authorization: 'Bearer two words' },
    });
    expect({ status: res.status, body: await res.json() }).toEqual(refused('invalid_token'));
  });

  it('a forged token signed by another key, with our key id or its own: invalid_token', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const [real] = (await loadOrCreateKeys(get().db)).signing;
    const forge = (kid: string) =>
      new SignJWT({ scope: 'events:read admin' })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid })
        .setIssuer(app.identity.issuer)
        .setAudience(app.identity.audience)
        .setSubject('lanyard-bootstrap')
        .setIssuedAt(now())
        .setExpirationTime(now() + 600)
        .sign(privateKey);
    expect(await callApi(app.url, await forge(real!.kid!))).toEqual(refused('invalid_token'));
    expect(await callApi(app.url, await forge('attacker-key'))).toEqual(refused('invalid_token'));
  });

  it('a real token whose payload was altered after signing: invalid_token', async () => {
    const token = await tokenFor(app.identity.tokenEndpoint!, credentialsOf(app.bootstrap), {
      scope: 'tickets:read',
    });
    const [header, , signature] = token.split('.');
    const altered = base64url.encode(
      JSON.stringify({ ...claimsOf(token), scope: 'events:read admin' }),
    );
    expect(await callApi(app.url, `${header}.${altered}.${signature}`)).toEqual(
      refused('invalid_token'),
    );
  });

  it('an expired token: token_expired', async () => {
    const token = await signWithIssuerKey({ iat: now() - 7200, exp: now() - 3600 });
    expect(await callApi(app.url, token)).toEqual(refused('token_expired'));
  });

  it('a token expired within the few seconds of clock tolerance still passes', async () => {
    const token = await signWithIssuerKey({ iat: now() - 600, exp: now() - 2 });
    expect((await callApi(app.url, token)).status).toBe(200);
  });

  it('a token without an expiry: invalid_token', async () => {
    expect(await callApi(app.url, await signWithIssuerKey({ exp: undefined }))).toEqual(
      refused('invalid_token'),
    );
  });

  it('an unsigned alg=none token: invalid_token', async () => {
    const enc = (o: object) => base64url.encode(JSON.stringify(o));
    const payload = {
      iss: app.identity.issuer,
      aud: app.identity.audience,
      sub: 'x',
      scope: 'events:read',
      iat: now(),
      exp: now() + 600,
    };
    const unsigned = `${enc({ alg: 'none', typ: 'at+jwt' })}.${enc(payload)}.`;
    expect(await callApi(app.url, unsigned)).toEqual(refused('invalid_token'));
  });

  it('an HS256 token (a shared-secret algorithm): invalid_token', async () => {
    const token = await new SignJWT({ scope: 'events:read' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(app.identity.issuer)
      .setAudience(app.identity.audience)
      .setSubject('x')
      .setIssuedAt(now())
      .setExpirationTime(now() + 600)
      .sign(new TextEncoder().encode('a-secret-anyone-could-guess-0123456789'));
    expect(await callApi(app.url, token)).toEqual(refused('invalid_token'));
  });

  it('a token for another audience: wrong_audience', async () => {
    const token = await signWithIssuerKey({ aud: 'https://other.example/api' });
    expect(await callApi(app.url, token)).toEqual(refused('wrong_audience'));
  });

  it('a token from another issuer: wrong_issuer', async () => {
    const token = await signWithIssuerKey({ iss: 'https://evil.example/oauth' });
    expect(await callApi(app.url, token)).toEqual(refused('wrong_issuer'));
  });

  it('a JWT that is not an access token (typ JWT, like an ID token): invalid_token', async () => {
    const token = await signWithIssuerKey({}, { typ: 'JWT' });
    expect(await callApi(app.url, token)).toEqual(refused('invalid_token'));
  });

  it('a token naming an organization this server does not have: unknown_organization', async () => {
    const unknown = await signWithIssuerKey({ org: '00000000-0000-4000-8000-000000000000' });
    expect(await callApi(app.url, unknown)).toEqual(refused('unknown_organization'));
    const notAnId = await signWithIssuerKey({ org: "x' OR 1=1 --" });
    expect(await callApi(app.url, notAnId)).toEqual(refused('unknown_organization'));
  });
});
