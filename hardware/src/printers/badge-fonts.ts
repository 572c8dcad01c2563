import { existsSync } from 'node:fs';
import { openSync, type Font } from 'fontkit';

/**
 * TrueType fonts for PDF badges, in order of preference. DejaVu covers Latin, Greek and
 * Cyrillic; Droid Sans Fallback covers CJK. Each text picks the first font that has all its
 * glyphs; with none installed the PDF falls back to built-in Helvetica (Latin-1 only).
 */
export interface BadgeFontCandidates {
  regular: readonly string[];
  bold: readonly string[];
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const CJK_FALLBACK = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

export const DEFAULT_BADGE_FONTS: BadgeFontCandidates = {
  bold: [
    `${DEJAVU}/DejaVuSans-Bold.ttf`,
    '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
    ...CJK_FALLBACK,
  ],
  regular: [
    `${DEJAVU}/DejaVuSans.ttf`,
    '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/TTF/DejaVuSans.ttf',
    ...CJK_FALLBACK,
  ],
};

export type FontChoice =
  | { kind: 'file'; path: string; missing: string[] }
  /** pdfkit's built-in font; `missing` lists characters it cannot show (printed as "?"). */
  | { kind: 'builtin'; name: 'Helvetica' | 'Helvetica-Bold'; missing: string[] };

const loaded = new Map<string, Font | null>();

function load(path: string): Font | null {
  let font = loaded.get(path);
  if (font !== undefined) return font;
  font = null;
  try {
    if (existsSync(path)) {
      const opened = openSync(path);
      font = 'fonts' in opened ? (opened.fonts[0] ?? null) : opened;
    }
  } catch {
    font = null;
  }
  loaded.set(path, font);
  return font;
}

function missingChars(text: string, has: (cp: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x20 && !has(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Built-in PDF fonts use WinAnsi: Latin-1 plus a few typographic characters. */
export function winAnsiHas(cp: number): boolean {
  return cp < 0x100 || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(String.fromCodePoint(cp));
}

export function chooseFont(
  text: string,
  bold: boolean,
  candidates: BadgeFontCandidates = DEFAULT_BADGE_FONTS,
): FontChoice {
  let best: { path: string; missing: string[] } | undefined;
  for (const path of bold ? candidates.bold : candidates.regular) {
    const font = load(path);
    if (!font) continue;
    const missing = missingChars(text, (cp) => font.hasGlyphForCodePoint(cp));
    if (missing.length === 0) return { kind: 'file', path, missing };
    if (!best || missing.length < best.missing.length) best = { path, missing };
  }
  const builtinMissing = missingChars(text, winAnsiHas);
  if (best && best.missing.length < builtinMissing.length) return { kind: 'file', ...best };
  return { kind: 'builtin', name: bold ? 'Helvetica-Bold' : 'Helvetica', missing: builtinMissing };
}
