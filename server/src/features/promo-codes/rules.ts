import type { FieldIssue } from '../../platform/errors.js';

export interface PromoTermsShape {
  discountKind: 'percent' | 'fixed';
  discountValue: number;
  validFrom: string | null;
  validUntil: string | null;
}

/** What zod cannot check field by field: a percentage of at most 100, a window that ends after it starts. */
export function promoTermsIssues(p: PromoTermsShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.discountKind === 'percent' && p.discountValue > 100)
    issues.push({ field: 'discountValue', message: 'a percent discount must be at most 100' });
  if (p.validFrom && p.validUntil && Date.parse(p.validUntil) <= Date.parse(p.validFrom))
    issues.push({ field: 'validUntil', message: 'must be after validFrom' });
  return issues;
}
