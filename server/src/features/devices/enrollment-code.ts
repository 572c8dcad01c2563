import { createHash, randomBytes } from 'node:crypto';

// One-time enrollment codes: 20 Crockford base32 characters (100 bits), shown in groups of five
// so a person can type one; only their sha256 is stored.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 20;

/** A fresh code, e.g. `7KQ2M-9XD4R-ZB8HT-0W3VC`. */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[bytes[i]! & 31];
  return code.match(/.{5}/g)!.join('-');
}

/**
 * The code as typed or scanned → its canonical form, forgiving case, separators and the letters
 * people confuse with digits; undefined when it cannot be a code.
 */
export function canonicalEnrollmentCode(input: string): string | undefined {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== LENGTH) return undefined;
  for (const c of text) if (!ALPHABET.includes(c)) return undefined;
  return text;
}

export function hashEnrollmentCode(canonical: string): string {
  return createHash('sha256').update(`lanyard-enrollment:${canonical}`).digest('hex');
}

/**
 * What a phone's camera scans: the staff app's address with the code in the fragment, which
 * browsers never send to a server (nor to its logs); the app redeems it itself.
 */
export function staffAppEnrollmentUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/staff/#enroll=${encodeURIComponent(code)}`;
}

/** What a kiosk's camera scans: the server to enroll with and the code, in one URI. */
export function enrollmentUri(publicUrl: string, code: string): string {
  return `lanyard://enroll?server=${encodeURIComponent(publicUrl)}&code=${encodeURIComponent(code)}`;
}
