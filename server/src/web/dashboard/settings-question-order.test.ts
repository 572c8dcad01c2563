import { moveQuestion } from './settings-question-order.js';

const q = (id: string, position: number) => ({ id, position });

describe('moving a question', () => {
  it('swaps it with its neighbour, writing only the positions that change', () => {
    const list = [q('a', 0), q('b', 1), q('c', 2)];
    expect(moveQuestion(list, 'c', -1)).toEqual([q('c', 1), q('b', 2)]);
    expect(moveQuestion(list, 'a', 1)).toEqual([q('b', 0), q('a', 1)]);
  });

  it('moves it even when stored positions tie or have gaps', () => {
    expect(moveQuestion([q('a', 0), q('b', 0), q('c', 5)], 'b', -1)).toEqual([
      q('a', 1),
      q('c', 2),
    ]);
  });

  it('does nothing past either end', () => {
    const list = [q('a', 0), q('b', 1)];
    expect(moveQuestion(list, 'a', -1)).toEqual([]);
    expect(moveQuestion(list, 'b', 1)).toEqual([]);
    expect(moveQuestion(list, 'x', 1)).toEqual([]);
  });
});
