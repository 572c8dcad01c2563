import { CoreError } from '../errors.js';
import { PublicKeyring } from './keyring.js';
import { generateSigningKey, importSigningKey, toPublicJwk, toPublicKeyMaterial } from './keys.js';
import { signTicketToken } from './sign.js';
import { verifyTicketToken } from './verify.js';

const claims = {
  eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  ticketId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  ticketTypeId: 'a3bb189e-8bf9-3888-9912-ace4e6543002',
};

describe('signing keys', () => {
  it('survive a JSON round trip: a key restored from storage signs tokens its public half verifies', () => {
    const stored = JSON.parse(JSON.stringify(generateSigningKey('k1')));
    const synced = JSON.parse(JSON.stringify(toPublicKeyMaterial(stored)));
    expect(Object.keys(synced).sort()).toEqual(['alg', 'kid', 'publicKey']);
    const token = signTicketToken(claims, stored);
    expect(verifyTicketToken(token, { keys: new PublicKeyring([synced]) }).ok).toBe(true);
  });

  it('get an 8-character fingerprint kid when none is given, different per key', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    expect(a.kid).toMatch(/^[A-Z2-7]{8}$/);
    expect(a.kid).not.toBe(b.kid);
  });

  it('refuse a kid that the token format cannot carry', () => {
    for (const kid of ['', 'x'.repeat(17), 'has space', 'é']) {
      expect(() => generateSigningKey(kid)).toThrow(
        expect.objectContaining({ code: 'invalid_kid' }),
      );
    }
  });

  it('refuse a stored key whose private half does not match its public half', () => {
    const a = generateSigningKey('a');
    const b = generateSigningKey('b');
    expect(() => importSigningKey({ ...a, privateKey: b.privateKey })).toThrow(
      expect.objectContaining({ code: 'invalid_key' }),
    );
  });

  it('refuse a corrupt private key', () => {
    const a = generateSigningKey('a');
    expect(() => signTicketToken(claims, { ...a, privateKey: 'short' })).toThrow(CoreError);
  });

  it('export the public key as an RFC 8037 JWK', () => {
    const key = generateSigningKey('k1');
    expect(toPublicJwk(key)).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: key.publicKey,
      kid: 'k1',
      alg: 'EdDSA',
      use: 'sig',
    });
  });
});

describe('public keyring', () => {
  it('refuses a key that is not a 32-byte Ed25519 key with a CoreError', () => {
    const ring = new PublicKeyring();
    expect(() => ring.add({ kid: 'x', alg: 'Ed25519', publicKey: 'AAAA' })).toThrow(
      expect.objectContaining({ code: 'invalid_key' }),
    );
    expect(ring.size).toBe(0);
  });

  it('replaces a key re-added under the same kid', () => {
    const first = generateSigningKey('same');
    const second = generateSigningKey('same');
    const ring = new PublicKeyring([first]);
    ring.add(second);
    expect(ring.size).toBe(1);
    expect(verifyTicketToken(signTicketToken(claims, second), { keys: ring }).ok).toBe(true);
    expect(verifyTicketToken(signTicketToken(claims, first), { keys: ring })).toMatchObject({
      reason: 'bad_signature',
    });
  });

  it('lists its keys without private halves', () => {
    const key = generateSigningKey('k1');
    const ring = new PublicKeyring([key]);
    expect(ring.list()).toEqual([toPublicKeyMaterial(key)]);
    expect(JSON.stringify(ring.list())).not.toContain(key.privateKey);
  });
});
