/**
 * RFC 4648 base32 (upper case, no padding). Chosen for ticket tokens because its alphabet is a
 * subset of the QR alphanumeric set and survives keyboard-wedge scanners, which mangle symbols.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// 0xff marks a character outside the alphabet; a table beats indexOf on the hot verify path.
const DECODE = new Uint8Array(128).fill(0xff);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Number of base32 characters needed for `byteLength` bytes, without padding. */
export function base32Length(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

/** Encodes bytes as unpadded upper-case base32. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes unpadded upper-case base32, or returns null. Strict, so each byte string has exactly
 * one text form: a length no encoder produces, a character outside the alphabet (lower case
 * included) or non-zero trailing bits are all refused.
 */
export function base32Decode(text: string, start = 0): Uint8Array | null {
  const chars = text.length - start;
  const byteLength = Math.floor((chars * 5) / 8);
  if (base32Length(byteLength) !== chars) return null;
  const out = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? DECODE[code]! : 0xff;
    if (value === 0xff) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >>> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
