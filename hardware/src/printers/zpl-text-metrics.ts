/**
 * Width model for Zebra's scalable font 0 (CG Triumvirate Bold Condensed) set with
 * ^A0N,h,h: a printer cannot be asked how wide text is, so we estimate per character class,
 * on the generous side so fitted text never runs past its box. Pure and font-file free,
 * which keeps ZPL output identical on every machine (golden files).
 */
const NARROW = new Set([...'iljI.,;:!|\'"`()[]{} ']);
const WIDE = new Set([...'MWmw@%']);

export function zplCharWidthEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  // CJK ideographs, kana, hangul and full-width forms are square.
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xff60)
  ) {
    return 1.0;
  }
  if (NARROW.has(ch)) return 0.3;
  if (WIDE.has(ch)) return 0.8;
  if (ch >= 'A' && ch <= 'Z') return 0.62;
  if (ch >= '0' && ch <= '9') return 0.55;
  return 0.55;
}

/** Width in the caller's unit for a font whose height is `size` in that unit. */
export function zplTextWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += zplCharWidthEm(ch);
  return em * size;
}
