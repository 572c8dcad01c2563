import { PublicKeyring } from './keyring.js';
import { generateSigningKey, toPublicKeyMaterial } from './keys.js';
import { signTicketToken } from './sign.js';
import { verifyTicketToken } from './verify.js';
import { WebKeyring, verifyTicketTokenWeb } from './verify-web.js';

const key = generateSigningKey('k1');
const other = generateSigningKey('k2');
const eventId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const claims = {
  eventId,
  ticketId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  ticketTypeId: 'a3bb189e-8bf9-3888-9912-ace4e6543002',
};
const token = signTicketToken(claims, key);
const flipped = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);

/** Texts a scanner might read, each with the answer Node's verifier gives. */
const cases: [string, unknown][] = [
  ['the issued token', token],
  ['a token with a flipped signature character', flipped],
  ['a token signed by an untrusted key', signTicketToken(claims, other)],
  ['a token of another event', signTicketToken({ ...claims, eventId: claims.ticketId }, key)],
  ['an expired token', signTicketToken({ ...claims, expiresAt: 1_000_000 }, key)],
  ['plain text', 'hello'],
  ['a number', 42],
];

describe.each([
  ['WebCrypto', true],
  ['the @noble/ed25519 fallback', false],
])('verifying tokens in a browser with %s', (_name, webCrypto) => {
  const webKeys = new WebKeyring([toPublicKeyMaterial(key)], { webCrypto });
  const nodeKeys = new PublicKeyring([toPublicKeyMaterial(key)]);

  it.each(cases)('answers %s exactly as the server does', async (_what, text) => {
    const options = { eventId, now: new Date('2026-06-01T00:00:00Z') };
    const web = await verifyTicketTokenWeb(text, { ...options, keys: webKeys });
    expect(web).toEqual(verifyTicketToken(text, { ...options, keys: nodeKeys }));
  });

  it('forgets keys a sync no longer lists', async () => {
    const keys = new WebKeyring([toPublicKeyMaterial(key)], { webCrypto });
    keys.retain(['k2']);
    expect(await verifyTicketTokenWeb(token, { keys })).toEqual({
      ok: false,
      reason: 'unknown_key',
      kid: 'k1',
    });
  });

  it('refuses a key that is not raw Ed25519 material', () => {
    const keys = new WebKeyring([], { webCrypto });
    expect(() => keys.add({ kid: 'k3', alg: 'Ed25519', publicKey: 'short' })).toThrow(
      /not a raw Ed25519/,
    );
  });
});
