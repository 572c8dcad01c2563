import { randomUUID } from 'node:crypto';
import { idSuffixOf, paymentReference, referencesIn } from './payment-reference.js';

describe('payment references', () => {
  const orderId = '0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b';

  it("names an order by its id's random tail, and leads back to it", () => {
    const ref = paymentReference(orderId);
    expect(ref).toMatch(/^LY-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(idSuffixOf(ref)).toBe(orderId.slice(-10));
    for (let i = 0; i < 200; i++) {
      const id = randomUUID();
      expect(idSuffixOf(paymentReference(id))).toBe(id.slice(-10));
    }
  });

  it('finds references in a transfer purpose however the bank wrote them', () => {
    const ref = paymentReference(orderId);
    const bare = ref.replace(/-/g, '');
    expect(referencesIn(`Ticket ${ref} Summer Conf`)).toEqual([ref]);
    expect(referencesIn(`TICKET ${bare}`)).toEqual([ref]);
    expect(referencesIn(`ticket ${ref.toLowerCase()} and ${bare} again`)).toEqual([ref]);
    expect(referencesIn(`ref: LY ${bare.slice(2, 6)} ${bare.slice(6)}`)).toEqual([ref]);
    expect(referencesIn('rent for June, invoice 4711')).toEqual([]);
    // Longer codes are not a reference with extra letters after it.
    expect(referencesIn(`${bare}X`)).toEqual([]);
  });

  it('reads O as 0 and I or L as 1, as Crockford base32 does', () => {
    expect(idSuffixOf('LY-0000-0001')).toBe(idSuffixOf('ly-oooo-oooi'));
    expect(idSuffixOf('LY-1111-0000')).toBe(idSuffixOf('LY-ILIL-0000'));
    expect(idSuffixOf('rent')).toBeUndefined();
  });
});
