/**
 * Fits a text into a box: wrap at spaces, shrink from the preferred size towards the minimum,
 * and only when even the minimum does not fit, cut the last line with an ellipsis.
 * Pure: the renderer supplies the width measure of its font.
 */
export type MeasureText = (text: string, fontSizePt: number) => number;

export interface FitBox {
  widthPt: number;
  heightPt: number;
  fontSizePt: number;
  minFontSizePt?: number;
  maxLines?: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  /** Marks a cut text. Default "…"; ZPL uses "..." because printer fonts may lack U+2026. */
  ellipsis?: string;
}

export interface FittedText {
  fontSizePt: number;
  lines: string[];
  /** True when the text had to be cut. */
  truncated: boolean;
}

const STEP_PT = 0.5;

export function fitText(text: string, box: FitBox, measure: MeasureText): FittedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  const lineHeight = box.lineHeight ?? 1.15;
  const min = Math.min(box.minFontSizePt ?? box.fontSizePt, box.fontSizePt);
  const maxLinesByBox = (size: number) =>
    Math.max(1, Math.floor(box.heightPt / (size * lineHeight) + 1e-9));
  if (clean === '') return { fontSizePt: box.fontSizePt, lines: [], truncated: false };

  for (let size = box.fontSizePt; size >= min - 1e-9; size -= STEP_PT) {
    const maxLines = Math.min(box.maxLines ?? Infinity, maxLinesByBox(size));
    const lines = wrap(clean, box.widthPt, size, measure);
    if (lines.length <= maxLines) return { fontSizePt: round(size), lines, truncated: false };
  }
  const maxLines = Math.min(box.maxLines ?? Infinity, maxLinesByBox(min));
  const lines = wrap(clean, box.widthPt, min, measure).slice(0, maxLines);
  const last = lines.length - 1;
  lines[last] = withEllipsis(lines[last] ?? '', box.ellipsis ?? '…', box.widthPt, min, measure);
  return { fontSizePt: round(min), lines, truncated: true };
}

/** Greedy word wrap; a word wider than the line is broken between characters. */
export function wrap(text: string, widthPt: number, size: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, size) <= widthPt) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const ch of word) {
      if (line !== '' && measure(line + ch, size) > widthPt) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function withEllipsis(
  line: string,
  ellipsis: string,
  widthPt: number,
  size: number,
  measure: MeasureText,
): string {
  let chars = [...line];
  while (chars.length > 0 && measure(chars.join('') + ellipsis, size) > widthPt)
    chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + ellipsis;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
