// An order's payment reference: what the buyer writes in a bank transfer's purpose, and what the
// organizer finds again in the bank statement. It is the order id's last 40 random bits in
// Crockford base32 (no I, L, O, U: nothing to misread), `LY-7KQ2-M9XD`. Order ids are UUIDs with
// random tails, so no table is needed; migration 0016 indexes right(id::text, 10) to look one up.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX_HEX = 10;

/** The order's reference, `LY-XXXX-XXXX`. */
export function paymentReference(orderId: string): string {
  let n = BigInt(`0x${orderId.replace(/-/g, '').slice(-SUFFIX_HEX)}`);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = ALPHABET[Number(n & 31n)]! + code;
    n >>= 5n;
  }
  return `LY-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The last 10 hex digits of the order id a reference names (`right(id::text, 10)`). */
export function idSuffixOf(reference: string): string | undefined {
  const match = REFERENCE.exec(reference);
  REFERENCE.lastIndex = 0;
  return match ? suffixFromCode(match[1]! + match[2]!) : undefined;
}

/** Every reference written in a free text (a transfer's purpose), normalised, without repeats. */
export function referencesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(REFERENCE)) {
    const code = normalise(m[1]! + m[2]!);
    found.add(`LY-${code.slice(0, 4)}-${code.slice(4)}`);
  }
  return [...found];
}

// Banks keep letters and digits but often drop or replace the hyphens, or change the case.
const REFERENCE = /\bLY[\s\-_.:/]*([0-9A-Z]{4})[\s\-_.]*([0-9A-Z]{4})(?![0-9A-Z])/gi;

/** Crockford's reading rules: case ignored, O read as 0, I and L as 1. */
function normalise(code: string): string {
  return code.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

function suffixFromCode(code: string): string | undefined {
  let n = 0n;
  for (const ch of normalise(code)) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    n = (n << 5n) | BigInt(v);
  }
  return n.toString(16).padStart(SUFFIX_HEX, '0');
}
