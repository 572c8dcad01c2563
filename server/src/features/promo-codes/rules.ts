import type { FieldIssue } from '../../platform/errors.js';

export interface PromoTermsShape {
  discountKind: 'percent' | 'fixed' | null;
  discountValue: number | null;
  validFrom: string | null;
  validUntil: string | null;
  reservedSeats?: number;
  ticketTypeIds?: string[] | null;
}

/**
 * What zod cannot check field by field: a discount given whole or not at all, a percentage of at
 * most 100, a window that ends after it starts, a reserve taken from exactly one ticket type.
 */
export function promoTermsIssues(p: PromoTermsShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if ((p.discountKind === null) !== (p.discountValue === null))
    issues.push({
      field: p.discountKind === null ? 'discountKind' : 'discountValue',
      message: 'discountKind and discountValue go together (both set, or both null)',
    });
  if (p.discountKind === 'percent' && (p.discountValue ?? 0) > 100)
    issues.push({ field: 'discountValue', message: 'a percent discount must be at most 100' });
  if (p.validFrom && p.validUntil && Date.parse(p.validUntil) <= Date.parse(p.validFrom))
    issues.push({ field: 'validUntil', message: 'must be after validFrom' });
  if ((p.reservedSeats ?? 0) > 0 && p.ticketTypeIds?.length !== 1)
    issues.push({
      field: 'ticketTypeIds',
      message: 'a code with reserved seats must name exactly one ticket type',
    });
  return issues;
}

/** True when the code may be used at `now`: inside its validity window. */
export const withinWindow = (
  p: { validFrom: Date | null; validUntil: Date | null },
  now: Date,
): boolean => (!p.validFrom || now >= p.validFrom) && (!p.validUntil || now < p.validUntil);

// Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random code: `prefix` + `length` characters, from a random byte source. */
export function randomCode(prefix: string, bytes: Uint8Array): string {
  let s = prefix;
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}
