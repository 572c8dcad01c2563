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
    // Condensed: long names keep a larger size on the same line.
    `${DEJAVU}/DejaVuSansCondensed-Bold.ttf`,
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

/** Built-in PDF fonts use WinAnsi: Latin-1 plus a few typographic characters. */
export function winAnsiHas(cp: number): boolean {
  return cp < 0x100 || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(String.fromCodePoint(cp));
}

export type FontRef =
  | { kind: 'file'; path: string; font: Font }
  | { kind: 'builtin'; name: 'Helvetica' | 'Helvetica-Bold' };

export interface FontRun {
  font: FontRef;
  text: string;
}

export interface FontPlan {
  /** Splits any part of the text into runs of one font each. */
  runs(text: string): FontRun[];
  /** Characters no candidate font has; they are replaced by "?" in `runs`. */
  missing: string[];
}

/**
 * Picks fonts for a text: each character goes to the first candidate font that has it, so a
 * name mixing Cyrillic and CJK draws each part with a font that shows it. Spaces and
 * punctuation stay in the font of the run they sit in. No font file at all → Helvetica.
 */
export function planFonts(
  text: string,
  bold: boolean,
  candidates: BadgeFontCandidates = DEFAULT_BADGE_FONTS,
): FontPlan {
  const fonts = (bold ? candidates.bold : candidates.regular)
    .map((path) => ({ path, font: load(path) }))
    .filter((f): f is { path: string; font: Font } => f.font !== null);
  const builtin: FontRef = { kind: 'builtin', name: bold ? 'Helvetica-Bold' : 'Helvetica' };
  const refs = new Map<string, FontRef>(
    fonts.map((f) => [f.path, { kind: 'file', path: f.path, font: f.font }]),
  );
  const primary: FontRef = fonts[0] ? (refs.get(fonts[0].path) ?? builtin) : builtin;
  const missing = new Set<string>();
  const fontOf = new Map<string, FontRef | null>();
  const pick = (ch: string): FontRef | null => {
    let ref = fontOf.get(ch);
    if (ref !== undefined) return ref;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0x20) ref = null;
    else if (fonts.length === 0) ref = winAnsiHas(cp) ? builtin : null;
    else {
      const f = fonts.find((x) => x.font.hasGlyphForCodePoint(cp));
      ref = f ? (refs.get(f.path) ?? null) : null;
    }
    if (ref === null && cp > 0x20) missing.add(ch);
    fontOf.set(ch, ref);
    return ref;
  };
  for (const ch of text) pick(ch);
  return {
    missing: [...missing],
    runs(part) {
      const runs: FontRun[] = [];
      for (const ch of part) {
        const cp = ch.codePointAt(0) ?? 0;
        const ref = pick(ch);
        const shown = ref === null && cp > 0x20 ? '?' : ch;
        const last = runs[runs.length - 1];
        // Whitespace and unknown characters join the current run rather than start one.
        const font = ref ?? last?.font ?? primary;
        if (last && last.font === font) last.text += shown;
        else runs.push({ font, text: shown });
      }
      return runs;
    },
  };
}
