import { promoTermsIssues } from './rules.js';

const terms = (over: Partial<Parameters<typeof promoTermsIssues>[0]> = {}) => ({
  discountKind: 'percent' as const,
  discountValue: 20,
  validFrom: null,
  validUntil: null,
  ...over,
});

describe('promoTermsIssues', () => {
  it('accepts 100 percent and refuses 101', () => {
    expect(promoTermsIssues(terms({ discountValue: 100 }))).toEqual([]);
    expect(promoTermsIssues(terms({ discountValue: 101 }))).toEqual([
      { field: 'discountValue', message: 'a percent discount must be at most 100' },
    ]);
  });

  it('lets a fixed discount exceed 100 minor units', () => {
    expect(promoTermsIssues(terms({ discountKind: 'fixed', discountValue: 2500 }))).toEqual([]);
  });

  it('refuses a window that ends when or before it starts, and accepts open-ended ones', () => {
    const from = '2027-01-01T00:00:00Z';
    expect(promoTermsIssues(terms({ validFrom: from, validUntil: from }))).toEqual([
      { field: 'validUntil', message: 'must be after validFrom' },
    ]);
    expect(
      promoTermsIssues(terms({ validFrom: from, validUntil: '2027-01-01T01:00:00+02:00' })),
    ).toHaveLength(1);
    expect(
      promoTermsIssues(terms({ validFrom: from, validUntil: '2027-01-02T00:00:00Z' })),
    ).toEqual([]);
    expect(promoTermsIssues(terms({ validFrom: from }))).toEqual([]);
    expect(promoTermsIssues(terms({ validUntil: from }))).toEqual([]);
  });
});
