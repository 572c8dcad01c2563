import { saleState } from './sale-state.js';

const now = new Date('2027-04-01T12:00:00Z');
const facts = (over: Partial<Parameters<typeof saleState>[0]> = {}) => ({
  available: 5,
  salesStart: null,
  salesEnd: null,
  eventEndsAt: new Date('2027-05-02T18:00:00Z'),
  ...over,
});

describe('sale state of a ticket type', () => {
  it('is on sale with seats left and no window', () => {
    expect(saleState(facts(), now)).toBe('on_sale');
  });

  it('is sold out when no seat is left', () => {
    expect(saleState(facts({ available: 0 }), now)).toBe('sold_out');
  });

  it('has not started before its sales start, even when sold out', () => {
    const salesStart = new Date('2027-04-02T00:00:00Z');
    expect(saleState(facts({ salesStart }), now)).toBe('not_started');
    expect(saleState(facts({ salesStart, available: 0 }), now)).toBe('not_started');
  });

  it('has ended at the exact end of sales, and once the event is over', () => {
    expect(saleState(facts({ salesEnd: now }), now)).toBe('ended');
    expect(saleState(facts({ available: 0, eventEndsAt: now }), now)).toBe('ended');
  });

  it('is on sale at the exact start of sales', () => {
    expect(saleState(facts({ salesStart: now }), now)).toBe('on_sale');
  });
});
