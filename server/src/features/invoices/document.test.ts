import { billOrder, invoiceNumber, splitGross } from './document.js';

const order = {
  id: 'o1',
  reference: 'LY-0000-0001',
  eventName: 'Summer Conf',
  ticketTypeName: 'Regular',
  taxRateBp: 1900,
  quantity: 2,
  subtotalCents: 23800,
  discountCents: 0,
  currency: 'EUR',
  buyer: { name: 'Ana', email: 'ana@example.org' },
};

describe('invoice amounts', () => {
  it('splits the tax out of a gross price, net rounded to the cent', () => {
    expect(splitGross(11900, 1900)).toEqual({
      rateBp: 1900,
      netCents: 10000,
      taxCents: 1900,
      grossCents: 11900,
    });
    expect(splitGross(4900, 700)).toEqual({
      rateBp: 700,
      netCents: 4579,
      taxCents: 321,
      grossCents: 4900,
    });
    expect(splitGross(4900, 0)).toMatchObject({ netCents: 4900, taxCents: 0 });
    expect(splitGross(-11900, 1900)).toMatchObject({ netCents: -10000, taxCents: -1900 });
  });

  it('bills the tickets and a discount at the ticket type rate', () => {
    const bill = billOrder({ ...order, discountCents: 2380 }, 'invoice');
    expect(
      bill.lines.map((l) => [l.description, l.quantity, l.unitGrossCents, l.grossCents]),
    ).toEqual([
      ['Regular — Summer Conf', 2, 11900, 23800],
      ['Discount', 1, -2380, -2380],
    ]);
    expect(bill.totals).toEqual({ netCents: 18000, taxCents: 3420, grossCents: 21420 });
  });

  it('negates every amount on a credit note', () => {
    expect(billOrder(order, 'credit_note').totals).toEqual({
      netCents: -20000,
      taxCents: -3800,
      grossCents: -23800,
    });
  });

  it('shows numbers with six digits at least', () => {
    expect(invoiceNumber(42)).toBe('000042');
    expect(invoiceNumber(1234567)).toBe('1234567');
  });
});
