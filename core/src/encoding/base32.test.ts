import { randomBytes } from 'node:crypto';
import { base32Decode, base32Encode, base32Length } from './base32.js';

describe('base32', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(Buffer.from(base32Decode(encoded)!).toString()).toBe(plain);
    }
  });

  it('round-trips random bytes of every length up to 150', () => {
    for (let n = 0; n <= 150; n++) {
      const bytes = randomBytes(n);
      const text = base32Encode(bytes);
      expect(text.length).toBe(base32Length(n));
      expect(Buffer.from(base32Decode(text)!).equals(bytes)).toBe(true);
    }
  });

  it('refuses lower case, padding, foreign characters and impossible lengths', () => {
    for (const text of ['my', 'MY======', 'M1', 'M', 'MZX', 'MZXW6Y\u00c0', 'MZ XW']) {
      expect(base32Decode(text)).toBeNull();
    }
  });

  it('refuses a text whose unused trailing bits are not zero, so each bytes have one text', () => {
    expect(base32Decode('MY')).not.toBeNull();
    expect(base32Decode('MZ')).toBeNull();
  });

  it('decodes from an offset', () => {
    expect(Buffer.from(base32Decode('LY1:MZXW6', 4)!).toString()).toBe('foo');
  });
});
