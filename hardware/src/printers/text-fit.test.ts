import { fitText, wrap } from './text-fit.js';

// A monospace measure: every character is 0.5 em wide.
const mono = (s: string, size: number) => [...s].length * size * 0.5;

describe('fitText', () => {
  it('keeps a short name on one line at the preferred size', () => {
    expect(
      fitText(
        'Ana Li',
        { widthPt: 100, heightPt: 50, fontSizePt: 20, minFontSizePt: 8, maxLines: 2 },
        mono,
      ),
    ).toEqual({
      fontSizePt: 20,
      lines: ['Ana Li'],
      truncated: false,
    });
  });

  it('wraps a longer name onto two lines before shrinking it', () => {
    const fit = fitText(
      'Maria Fernanda',
      { widthPt: 100, heightPt: 50, fontSizePt: 20, minFontSizePt: 8, maxLines: 2 },
      mono,
    );
    expect(fit).toEqual({ fontSizePt: 20, lines: ['Maria', 'Fernanda'], truncated: false });
  });

  it('shrinks a long name until it fits the allowed lines and the box height', () => {
    const name = 'Maximilian Alexander von Hohenzollern-Sigmaringen';
    const fit = fitText(
      name,
      { widthPt: 100, heightPt: 40, fontSizePt: 20, minFontSizePt: 4, maxLines: 2 },
      mono,
    );
    expect(fit.truncated).toBe(false);
    expect(fit.fontSizePt).toBeLessThan(20);
    expect(fit.lines.length).toBeLessThanOrEqual(2);
    expect(fit.lines.join(' ')).toBe(name);
    for (const line of fit.lines) expect(mono(line, fit.fontSizePt)).toBeLessThanOrEqual(100);
    expect(fit.lines.length * fit.fontSizePt * 1.15).toBeLessThanOrEqual(40);
  });

  it('cuts with an ellipsis only when even the minimum size does not fit', () => {
    const fit = fitText(
      'x'.repeat(200),
      { widthPt: 100, heightPt: 20, fontSizePt: 20, minFontSizePt: 10, maxLines: 1 },
      mono,
    );
    expect(fit.truncated).toBe(true);
    expect(fit.fontSizePt).toBe(10);
    expect(fit.lines).toHaveLength(1);
    expect(fit.lines[0]?.endsWith('…')).toBe(true);
    expect(mono(fit.lines[0] ?? '', 10)).toBeLessThanOrEqual(100);
  });

  it('collapses whitespace and returns no lines for an empty text', () => {
    expect(
      fitText('  a \n  b ', { widthPt: 100, heightPt: 50, fontSizePt: 10 }, mono).lines,
    ).toEqual(['a b']);
    expect(fitText('   ', { widthPt: 100, heightPt: 50, fontSizePt: 10 }, mono).lines).toEqual([]);
  });
});

describe('wrap', () => {
  it('breaks a word longer than the line between characters, keeping astral characters whole', () => {
    expect(wrap('abcdefghij', 20, 10, mono)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('𝔸𝔹ℂ𝔻', 10, 10, mono)).toEqual(['𝔸𝔹', 'ℂ𝔻']);
  });
});
