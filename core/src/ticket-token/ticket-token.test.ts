import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { CoreError } from '../errors.js';
import { TICKET_TOKEN_MAX_LENGTH, ticketTokenLength } from './format.js';
import { PublicKeyring } from './keyring.js';
import { generateSigningKey, toPublicKeyMaterial } from './keys.js';
import { signTicketToken } from './sign.js';
import {
  peekTicketClaims,
  ticketTokenSha256,
  verifyTicketToken,
  type TokenVerification,
} from './verify.js';

const key = generateSigningKey('k1');
const keys = new PublicKeyring([toPublicKeyMaterial(key)]);
const claims = {
  eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  ticketId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  ticketTypeId: 'a3bb189e-8bf9-3888-9912-ace4e6543002',
};
const token = signTicketToken(claims, key);

function reasonOf(result: TokenVerification): string {
  return result.ok ? 'ok' : result.reason;
}

describe('signing and verifying a ticket token', () => {
  it('reads back exactly the claims that were signed, with the kid and revision 0', () => {
    const result = verifyTicketToken(token, { keys, eventId: claims.eventId });
    expect(result).toEqual({ ok: true, claims: { ...claims, revision: 0, kid: 'k1' } });
  });

  it('keeps revision and validity window through the round trip', () => {
    const full = { ...claims, revision: 65535, notBefore: 1_700_000_000, expiresAt: 4_294_967_295 };
    const result = verifyTicketToken(signTicketToken(full, key), {
      keys,
      now: new Date(1_800_000_000_000),
    });
    expect(result).toEqual({ ok: true, claims: { ...full, kid: 'k1' } });
  });

  it('returns lower-case ids when signed with upper-case ones', () => {
    const upper = { ...claims, ticketId: claims.ticketId.toUpperCase() };
    const result = verifyTicketToken(signTicketToken(upper, key), { keys });
    expect(result.ok && result.claims.ticketId).toBe(claims.ticketId);
  });

  it('produces the version prefix followed only by QR alphanumeric characters', () => {
    expect(token).toMatch(/^LY1:[A-Z2-7]+$/);
  });

  it('refuses claims that cannot be encoded with a CoreError', () => {
    const bad = [
      { ...claims, eventId: 'not-a-uuid' },
      { ...claims, revision: 70000 },
      { ...claims, notBefore: 1.5 },
      { ...claims, expiresAt: -1 },
      { ...claims, notBefore: 200, expiresAt: 100 },
    ];
    for (const c of bad) {
      expect(() => signTicketToken(c, key)).toThrow(CoreError);
    }
  });
});

describe('token size', () => {
  it('is 228 characters at most, within a version 10 QR at error correction M (311)', () => {
    expect(TICKET_TOKEN_MAX_LENGTH).toBe(228);
    const longest = signTicketToken(
      { ...claims, notBefore: 1, expiresAt: 2 },
      generateSigningKey('ABCDEFGHIJKLMNOP'),
    );
    expect(longest.length).toBe(TICKET_TOKEN_MAX_LENGTH);
    const qr = QRCode.create(longest, { errorCorrectionLevel: 'M' });
    expect(qr.version).toBeLessThanOrEqual(10);
  });

  it('is 216 characters with the default 8-character kid and a validity window', () => {
    const withDefaultKid = generateSigningKey();
    const t = signTicketToken({ ...claims, notBefore: 1, expiresAt: 2 }, withDefaultKid);
    expect(t.length).toBe(
      ticketTokenLength({ kidLength: 8, hasNotBefore: true, hasExpiresAt: true }),
    );
    expect(t.length).toBe(216);
  });
});

describe('refusing tokens', () => {
  it('refuses a token with any single bit flipped, never admitting it', () => {
    const reasons = new Set<string>();
    for (let i = 0; i < token.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped =
          token.slice(0, i) +
          String.fromCharCode(token.charCodeAt(i) ^ (1 << bit)) +
          token.slice(i + 1);
        const result = verifyTicketToken(flipped, { keys });
        reasons.add(reasonOf(result));
      }
    }
    expect(reasons).not.toContain('ok');
    expect([...reasons].sort()).toEqual(['bad_signature', 'malformed', 'unknown_key']);
  });

  it('refuses a token whose decoded payload has any single bit flipped', () => {
    // Flip bits in the bytes (re-encoded validly) so every change reaches the signature check.
    const body = Buffer.from(base32ToBytes(token.slice(4)));
    for (let i = 0; i < body.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(body);
        copy[i]! ^= 1 << bit;
        const result = verifyTicketToken('LY1:' + bytesToBase32(copy), { keys });
        expect(result.ok).toBe(false);
      }
    }
  });

  it('refuses every truncation of a token as malformed', () => {
    for (let length = 0; length < token.length; length++) {
      expect(reasonOf(verifyTicketToken(token.slice(0, length), { keys }))).toBe('malformed');
    }
  });

  it('refuses a token with characters appended as malformed', () => {
    expect(reasonOf(verifyTicketToken(token + 'A', { keys }))).toBe('malformed');
    expect(reasonOf(verifyTicketToken(token + 'AAAAAAAA', { keys }))).toBe('malformed');
  });

  it("refuses another event's token as wrong_event, returning its claims", () => {
    const other = signTicketToken({ ...claims, eventId: randomUUID() }, key);
    const result = verifyTicketToken(other, { keys, eventId: claims.eventId });
    expect(result).toMatchObject({
      ok: false,
      reason: 'wrong_event',
      claims: { ticketId: claims.ticketId },
    });
  });

  it('refuses a token signed by a key the keyring does not hold as unknown_key', () => {
    const stranger = generateSigningKey('k2');
    const result = verifyTicketToken(signTicketToken(claims, stranger), { keys });
    expect(result).toEqual({ ok: false, reason: 'unknown_key', kid: 'k2' });
  });

  it('refuses a token signed by another key that claims a known kid as bad_signature', () => {
    const impostor = generateSigningKey('k1');
    const result = verifyTicketToken(signTicketToken(claims, impostor), { keys });
    expect(result).toEqual({ ok: false, reason: 'bad_signature', kid: 'k1' });
  });

  it('refuses garbage, the empty string, a lower-cased token and another version as malformed', () => {
    const inputs = [
      '',
      'hello world',
      'LY1:',
      'LY1:!!!!',
      token.toLowerCase(),
      'LY2:' + token.slice(4),
      'https://example.com/ticket/123',
      '\u0000'.repeat(50),
      'LY1:' + '\u00e9'.repeat(200),
      token.slice(0, 4) + '=' + token.slice(5),
    ];
    for (const input of inputs) {
      expect(reasonOf(verifyTicketToken(input, { keys }))).toBe('malformed');
    }
  });

  it('names an unsupported version separately from a foreign prefix', () => {
    expect(verifyTicketToken('LY7:ABC', { keys })).toEqual({
      ok: false,
      reason: 'malformed',
      detail: 'unsupported_version',
    });
    expect(verifyTicketToken('XX1:ABC', { keys })).toMatchObject({ detail: 'bad_prefix' });
  });

  it('refuses a huge input quickly without decoding it', () => {
    const huge = 'LY1:' + 'A'.repeat(10_000_000);
    const started = performance.now();
    expect(verifyTicketToken(huge, { keys })).toEqual({
      ok: false,
      reason: 'malformed',
      detail: 'too_long',
    });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses non-string inputs as malformed without throwing', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      [],
      Buffer.from(token),
      Symbol('x'),
      () => token,
    ];
    for (const input of inputs) {
      expect(verifyTicketToken(input, { keys })).toEqual({
        ok: false,
        reason: 'malformed',
        detail: 'not_a_string',
      });
    }
  });

  it('refuses a token with unknown flag bits even when correctly signed by structure', () => {
    const body = Buffer.from(base32ToBytes(token.slice(4)));
    body[0] = 0x80;
    expect(verifyTicketToken('LY1:' + bytesToBase32(body), { keys })).toMatchObject({
      detail: 'bad_flags',
    });
  });
});

describe('validity window', () => {
  const windowed = signTicketToken({ ...claims, notBefore: 1000, expiresAt: 2000 }, key);
  const at = (seconds: number) => new Date(seconds * 1000);

  it('refuses before notBefore as not_yet_valid and from expiresAt on as expired', () => {
    expect(reasonOf(verifyTicketToken(windowed, { keys, now: at(999) }))).toBe('not_yet_valid');
    expect(reasonOf(verifyTicketToken(windowed, { keys, now: at(1000) }))).toBe('ok');
    expect(reasonOf(verifyTicketToken(windowed, { keys, now: at(1999.999) }))).toBe('ok');
    expect(reasonOf(verifyTicketToken(windowed, { keys, now: at(2000) }))).toBe('expired');
  });

  it('forgives the given clock tolerance at both ends', () => {
    const options = { keys, clockToleranceSeconds: 60 };
    expect(reasonOf(verifyTicketToken(windowed, { ...options, now: at(940) }))).toBe('ok');
    expect(reasonOf(verifyTicketToken(windowed, { ...options, now: at(939) }))).toBe(
      'not_yet_valid',
    );
    expect(reasonOf(verifyTicketToken(windowed, { ...options, now: at(2059) }))).toBe('ok');
    expect(reasonOf(verifyTicketToken(windowed, { ...options, now: at(2060) }))).toBe('expired');
  });

  it('checks the event before the window', () => {
    const result = verifyTicketToken(windowed, { keys, eventId: randomUUID(), now: at(5000) });
    expect(reasonOf(result)).toBe('wrong_event');
  });
});

describe('key rotation', () => {
  it('verifies tokens of the old and the new key until the old one is removed', () => {
    const oldKey = generateSigningKey('old');
    const newKey = generateSigningKey('new');
    const ring = new PublicKeyring([oldKey, newKey]);
    const oldToken = signTicketToken(claims, oldKey);
    const newToken = signTicketToken(claims, newKey);
    expect(verifyTicketToken(oldToken, { keys: ring }).ok).toBe(true);
    expect(verifyTicketToken(newToken, { keys: ring }).ok).toBe(true);
    expect(ring.remove('old')).toBe(true);
    expect(reasonOf(verifyTicketToken(oldToken, { keys: ring }))).toBe('unknown_key');
    expect(verifyTicketToken(newToken, { keys: ring }).ok).toBe(true);
  });
});

// Local helpers so the test does not rely on the codec under test to build its inputs' bytes.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32ToBytes(text: string): number[] {
  const bits = [...text].map((c) => ALPHABET.indexOf(c).toString(2).padStart(5, '0')).join('');
  const out: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  return out;
}
function bytesToBase32(bytes: Uint8Array): string {
  let bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  while (bits.length % 5) bits += '0';
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

describe('a token the issuer stored (its sha256 known)', () => {
  const issuedTokenSha256 = ticketTokenSha256(token);
  const impostor = signTicketToken(claims, generateSigningKey('k1'));

  it('is accepted with the same claims as after a signature check', () => {
    expect(verifyTicketToken(token, { keys, issuedTokenSha256 })).toEqual(
      verifyTicketToken(token, { keys }),
    );
  });

  it('is trusted by its digest instead of its signature', () => {
    // Only the issuer's stored digest vouches for this impostor's text; nothing else would.
    const vouched = { keys, issuedTokenSha256: ticketTokenSha256(impostor) };
    expect(verifyTicketToken(impostor, vouched).ok).toBe(true);
    expect(reasonOf(verifyTicketToken(impostor, { keys }))).toBe('bad_signature');
  });

  it('leaves any other text to the signature check, with its reason', () => {
    expect(verifyTicketToken(impostor, { keys, issuedTokenSha256 })).toEqual({
      ok: false,
      reason: 'bad_signature',
      kid: 'k1',
    });
    expect(reasonOf(verifyTicketToken(`${token}A`, { keys, issuedTokenSha256 }))).toBe('malformed');
    expect(reasonOf(verifyTicketToken(token, { keys, issuedTokenSha256: 'not hex' }))).toBe('ok');
  });

  it('still needs its key trusted, its event and its validity window', () => {
    const ring = new PublicKeyring([]);
    expect(reasonOf(verifyTicketToken(token, { keys: ring, issuedTokenSha256 }))).toBe(
      'unknown_key',
    );
    const other = { keys, issuedTokenSha256, eventId: randomUUID() };
    expect(reasonOf(verifyTicketToken(token, other))).toBe('wrong_event');
    const windowed = signTicketToken({ ...claims, expiresAt: 2000 }, key);
    const late = { keys, issuedTokenSha256: ticketTokenSha256(windowed), now: new Date(2e6) };
    expect(reasonOf(verifyTicketToken(windowed, late))).toBe('expired');
  });
});

describe('peeking at the claims of an unverified token', () => {
  it('reads what any token says, forged or not, and nothing from garbage', () => {
    const forged = signTicketToken(claims, generateSigningKey('zz'));
    expect(peekTicketClaims(forged)).toEqual({ ...claims, revision: 0 });
    expect(peekTicketClaims('hello world')).toBeUndefined();
    expect(peekTicketClaims(42)).toBeUndefined();
  });
});
