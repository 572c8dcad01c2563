import { WedgeRecogniser } from './wedge-recogniser.js';

function type(r: WedgeRecogniser, text: string, startMs: number, gapMs: number, end = 'Enter') {
  let t = startMs;
  for (const ch of text) {
    expect(r.push(ch, t)).toBeUndefined();
    t += gapMs;
  }
  return r.push(end, t);
}

describe('keyboard-wedge scan recognition', () => {
  it('recognises a code typed in a fast burst and ended by Enter or Tab', () => {
    const r = new WedgeRecogniser();
    expect(type(r, 'LY1.abc-DEF_123', 0, 4)).toBe('LY1.abc-DEF_123');
    expect(type(r, 'second-code', 1000, 10, 'Tab')).toBe('second-code');
  });

  it('ignores a person typing at human speed', () => {
    expect(type(new WedgeRecogniser(), 'hello world', 0, 120)).toBeUndefined();
    expect(type(new WedgeRecogniser(), 'hello', 0, 60)).toBeUndefined();
  });

  it('ignores an Enter alone and codes shorter than the minimum', () => {
    const r = new WedgeRecogniser();
    expect(r.push('Enter', 0)).toBeUndefined();
    expect(type(r, 'abc', 10, 2)).toBeUndefined();
  });

  it('starts afresh after a pause, so stray keys do not stick to the next scan', () => {
    const r = new WedgeRecogniser();
    r.push('x', 0);
    r.push('y', 5);
    expect(type(r, 'TOKEN-1', 500, 3)).toBe('TOKEN-1');
  });

  it('skips keys that carry no text, such as Shift', () => {
    const r = new WedgeRecogniser();
    let t = 0;
    for (const k of ['Shift', 'A', 'Shift', 'B', 'c', 'd']) r.push(k, (t += 3));
    expect(r.push('Enter', t + 3)).toBe('ABcd');
  });
});
