import { planMembership, type TypeSeats } from './membership.js';

const seats = (...types: TypeSeats[]) => new Map(types.map((t) => [t.id, t]));

describe('planMembership', () => {
  it('brings the sold and held seats of a joining ticket type into used', () => {
    const plan = planMembership(
      ['a'],
      ['a', 'b'],
      seats({ id: 'a', sold: 5, held: 1 }, { id: 'b', sold: 3, held: 2 }),
    );
    expect(plan).toEqual({ added: ['b'], removed: [], usedDelta: 5 });
  });

  it('takes the seats of a leaving ticket type out of used', () => {
    const plan = planMembership(
      ['a', 'b'],
      ['b'],
      seats({ id: 'a', sold: 7, held: 0 }, { id: 'b', sold: 1, held: 0 }),
    );
    expect(plan).toEqual({ added: [], removed: ['a'], usedDelta: -7 });
  });

  it('nets a swap of one type for another and leaves unchanged members alone', () => {
    const plan = planMembership(
      ['a', 'c'],
      ['c', 'b'],
      seats({ id: 'a', sold: 2, held: 0 }, { id: 'b', sold: 0, held: 4 }),
    );
    expect(plan).toEqual({ added: ['b'], removed: ['a'], usedDelta: 2 });
  });

  it('changes nothing when the list is the same in another order', () => {
    expect(planMembership(['a', 'b'], ['b', 'a'], seats())).toEqual({
      added: [],
      removed: [],
      usedDelta: 0,
    });
  });

  it('refuses to plan without the seats of a type that moves', () => {
    expect(() => planMembership([], ['x'], seats())).toThrow(/ticket type x/);
  });
});
