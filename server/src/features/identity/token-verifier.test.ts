import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../../platform/errors.js';
import { createTokenVerifier, scopesOf, toAuthError } from './token-verifier.js';

const ISSUER = 'https://lanyard.example/oauth';
const AUDIENCE = 'https://lanyard.example/api';
const ORG = '5f0c7a4e-8a39-4c8e-9a51-1d2b3c4d5e6f';

async function setup(startMs: number) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const local = createLocalJWKSet({
    keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }],
  });
  let keyLookups = 0;
  const keys: JWTVerifyGetKey = (header, token) => {
    keyLookups++;
    return local(header, token);
  };
  let clock = startMs;
  const verify = createTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    keys,
    algorithms: ['ES256', 'HS256', 'none'],
    organizationFor: async () => ORG,
    now: () => clock,
  });
  const sign = (expSeconds: number) =>
    new SignJWT({ scope: 'events:read', client_id: 'script' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('script')
      .setIssuedAt(Math.floor(startMs / 1000))
      .setExpirationTime(expSeconds)
      .sign(privateKey);
  return {
    verify,
    sign,
    lookups: () => keyLookups,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('token verifier', () => {
  const start = Date.UTC(2030, 0, 1);

  it('checks a token once and answers repeats of the same token from memory', async () => {
    const t = await setup(start);
    const token = await t.sign(start / 1000 + 600);
    const first = await t.verify(token);
    expect(first).toEqual({
      subject: 'script',
      clientId: 'script',
      organizationId: ORG,
      scopes: new Set(['events:read']),
    });
    expect(await t.verify(token)).toBe(first);
    expect(await t.verify(token)).toBe(first);
    expect(t.lookups()).toBe(1);
  });

  it('stops answering from memory once the token expires', async () => {
    const t = await setup(start);
    const token = await t.sign(start / 1000 + 60);
    await t.verify(token);
    t.advance(70_000);
    await expect(t.verify(token)).rejects.toMatchObject({
      kind: 'unauthenticated',
      code: 'token_expired',
    });
  });

  it('does not let a remembered token vouch for a different one', async () => {
    const t = await setup(start);
    const token = await t.sign(start / 1000 + 600);
    await t.verify(token);
    const [h, p, s] = token.split('.');
    await expect(t.verify(`${h}.${p}.${s!.slice(0, -4)}AAAA`)).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });

  it('refuses HS* and none even when configured to allow them', async () => {
    const t = await setup(start);
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime(start / 1000 + 600)
      .sign(new TextEncoder().encode('0123456789abcdef0123456789abcdef'));
    await expect(t.verify(hs)).rejects.toMatchObject({ code: 'invalid_token' });
  });
});

describe('scopes of a token', () => {
  it('reads a space-separated `scope`', () => {
    expect(scopesOf({ scope: 'a b  c' })).toEqual(new Set(['a', 'b', 'c']));
  });
  it('reads `scp` as an array or a string, ignoring non-strings', () => {
    expect(scopesOf({ scp: ['a', 7, 'b'] })).toEqual(new Set(['a', 'b']));
    expect(scopesOf({ scp: 'a b' })).toEqual(new Set(['a', 'b']));
  });
  it('is empty without either claim', () => {
    expect(scopesOf({})).toEqual(new Set());
    expect(scopesOf({ scope: 42 })).toEqual(new Set());
  });
});

describe('auth errors', () => {
  it('passes a DomainError through and rethrows what is not a token problem (a bug stays a 500)', () => {
    const domain = new DomainError('unavailable', 'issuer_unavailable', 'down');
    expect(toAuthError(domain)).toBe(domain);
    const bug = new TypeError('undefined is not a function');
    expect(() => toAuthError(bug)).toThrow(bug);
  });
});
