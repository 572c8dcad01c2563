import { promoTermsIssues, randomCode } from './rules.js';

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

describe('access code terms', () => {
  it('wants a discount whole or not at all', () => {
    expect(promoTermsIssues(terms({ discountKind: null, discountValue: null }))).toEqual([]);
    expect(promoTermsIssues(terms({ discountKind: null }))).toHaveLength(1);
  });

  it('takes a reserve from exactly one ticket type', () => {
    const one = ['7d0f3a52-0000-4000-8000-000000000001'];
    expect(promoTermsIssues(terms({ reservedSeats: 5, ticketTypeIds: one }))).toEqual([]);
    expect(promoTermsIssues(terms({ reservedSeats: 5, ticketTypeIds: null }))).toEqual([
      {
        field: 'ticketTypeIds',
        message: 'a code with reserved seats must name exactly one ticket type',
      },
    ]);
  });

  it('spells generated codes with unambiguous characters after the prefix', () => {
    expect(randomCode('VIP-', new Uint8Array([0, 30, 31, 8]))).toBe('VIP-A9AJ');
  });
});
