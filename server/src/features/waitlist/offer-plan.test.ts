import { pickOffers } from './offer-plan.js';

const line = (...quantities: number[]) =>
  quantities.map((quantity, i) => ({ id: `e${i + 1}`, quantity }));
const ids = (picked: { id: string }[]) => picked.map((e) => e.id);

describe('choosing which waitlist entries get an offer', () => {
  it('offers the first entries in line while seats last', () => {
    expect(ids(pickOffers(2, line(1, 1, 1)))).toEqual(['e1', 'e2']);
  });

  it('offers nothing when no seat is free', () => {
    expect(pickOffers(0, line(1, 1))).toEqual([]);
    expect(pickOffers(-3, line(1))).toEqual([]);
  });

  it('never splits an entry: a party of three does not get two seats', () => {
    expect(ids(pickOffers(2, line(3)))).toEqual([]);
  });

  it('passes over an entry too large for the seats left and offers the next that fits', () => {
    expect(ids(pickOffers(2, line(3, 1, 2, 1)))).toEqual(['e2', 'e4']);
  });

  it('fills the seats exactly with entries of several sizes, in line order', () => {
    expect(ids(pickOffers(5, line(2, 2, 2, 1)))).toEqual(['e1', 'e2', 'e4']);
  });

  it('offers everyone when there are more seats than people waiting', () => {
    expect(ids(pickOffers(100, line(1, 4, 2)))).toEqual(['e1', 'e2', 'e3']);
  });
});
